// The questions of "Watch a Broker…" (features/watchBroker/draft.ts says which, in order): the
// kind of broker, its URLs, a user and a password (a password box; kept in secret storage), and a
// CA file when a URL uses TLS. Each step starts from the draft, so Back shows what was typed.
import * as fs from 'fs';
import * as vscode from 'vscode';
import { watchSteps, type WatchDraft, type WatchStep } from '../../features/watchBroker/draft';
import { URL_FIELDS, urlProblem, type UrlField } from '../../features/watchBroker/target';
import { inputStep, pickStep, type Step } from '../commands/multiStep';

function common(d: WatchDraft, name: WatchStep) {
  const steps = watchSteps(d);
  return { title: vscode.l10n.t('Watch a Broker'), step: steps.indexOf(name) + 1, totalSteps: steps.length };
}

function nextAfter(d: WatchDraft, name: WatchStep): Step<WatchDraft> | undefined {
  const steps = watchSteps(d);
  const next = steps[steps.indexOf(name) + 1];
  return next ? STEPS[next] : undefined;
}

function urlWords(field: UrlField, value: string): string | undefined {
  const { schemes, example } = URL_FIELDS[field];
  switch (urlProblem(field, value)) {
    case undefined:
      return undefined;
    case 'credentials':
      return vscode.l10n.t('Leave the user and password out of the URL: they are asked for next.');
    case 'path':
      return vscode.l10n.t('Only the scheme, host and port, e.g. {0}', example);
    default:
      return vscode.l10n.t(
        'Enter a URL starting with {0}, e.g. {1}',
        schemes.map((s) => `${s}://`).join(' or '),
        example,
      );
  }
}

async function urlStep(d: WatchDraft, name: WatchStep, field: UrlField, prompt: string): Promise<string> {
  return inputStep({
    ...common(d, name),
    value: (d[name as 'url' | 'managementUrl' | 'amqpUrl'] as string | undefined) ?? URL_FIELDS[field].example,
    prompt,
    validate: (v) => urlWords(field, v),
  });
}

const STEPS: Record<WatchStep, Step<WatchDraft>> = {
  async kind(d) {
    const mosquitto = {
      label: vscode.l10n.t('$(server) Mosquitto'),
      detail: vscode.l10n.t('Reads its log on $SYS/broker/log (needs log_dest topic) and its client count'),
      broker: 'mosquitto' as const,
    };
    const rabbitmq = {
      label: vscode.l10n.t('$(server-environment) RabbitMQ (one node or a cluster)'),
      detail: vscode.l10n.t('Reads the management API and the event and log exchanges (MQTT plugin)'),
      broker: 'rabbitmq' as const,
    };
    const picked = await pickStep({
      ...common(d, 'kind'),
      items: [mosquitto, rabbitmq],
      active: d.kind === 'rabbitmq' ? rabbitmq : mosquitto,
      placeholder: vscode.l10n.t('Which broker do your devices connect to?'),
    });
    d.kind = picked.broker;
    return nextAfter(d, 'kind');
  },
  async url(d) {
    d.url = await urlStep(d, 'url', 'mosquitto', vscode.l10n.t("Mosquitto's MQTT URL (mqtt:// or mqtts://)"));
    return nextAfter(d, 'url');
  },
  async managementUrl(d) {
    d.managementUrl = await urlStep(
      d,
      'managementUrl',
      'management',
      vscode.l10n.t("RabbitMQ's management API URL (any node of the cluster)"),
    );
    return nextAfter(d, 'managementUrl');
  },
  async amqpUrl(d) {
    d.amqpUrl = await urlStep(
      d,
      'amqpUrl',
      'amqp',
      vscode.l10n.t("RabbitMQ's AMQP URL, for its event and log exchanges"),
    );
    return nextAfter(d, 'amqpUrl');
  },
  async user(d) {
    const rabbit = d.kind === 'rabbitmq';
    d.user =
      (await inputStep({
        ...common(d, 'user'),
        value: d.user,
        prompt: rabbit
          ? vscode.l10n.t('User (of the management API and AMQP; the monitoring tag is enough to watch)')
          : vscode.l10n.t('User (empty: connect anonymously); it must be allowed to read $SYS/#'),
        validate: (v) =>
          rabbit && v.trim() === ''
            ? vscode.l10n.t('Enter the user.')
            : v.length > 200
              ? vscode.l10n.t('At most {0} characters.', 200)
              : undefined,
      })) || undefined;
    if (!d.user) d.password = undefined;
    return nextAfter(d, 'user');
  },
  async password(d) {
    d.password =
      (await inputStep({
        ...common(d, 'password'),
        value: d.password,
        password: true,
        untrimmed: true,
        prompt: vscode.l10n.t('Password (kept in the secret storage of VS Code, never in settings)'),
        validate: (v) => (v.length > 1000 ? vscode.l10n.t('At most {0} characters.', 1000) : undefined),
      })) || undefined;
    return nextAfter(d, 'password');
  },
  async ca(d) {
    d.caFile =
      (await inputStep({
        ...common(d, 'ca'),
        value: d.caFile,
        prompt: vscode.l10n.t(
          "The CA certificate (PEM file) that signs the broker's certificate; empty: the system's certificate " +
            'authorities',
        ),
        validate: (v) =>
          v.trim() === '' || fs.existsSync(v.trim()) ? undefined : vscode.l10n.t('There is no file {0}.', v.trim()),
      })) || undefined;
    return nextAfter(d, 'ca');
  },
};

export const firstWatchStep: Step<WatchDraft> = STEPS.kind;

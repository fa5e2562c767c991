// The steps of "Connect to Platform…": where (an IBM organization, or explicit URLs such as the
// local sandbox's), the API key, the token (a password box), an optional CA file, certificate
// checking, and a name. Each step starts from the draft, so a retry shows what was typed.
import * as vscode from 'vscode';
import { isValidOrgId, orgFromApiKey } from '../../../core/ids';
import { plainText } from '../../../core/text';
import { ibmApiUrl, MAX_NAME } from '../../../features/platforms/config';
import { inputStep, pickStep, type Step } from '../multiStep';
import { suggestedName, usesTls, type ConnectDraft } from '../../../features/platforms/draft';

type Name = 'mode' | 'orgId' | 'apiUrl' | 'mqttUrl' | 'apiKey' | 'token' | 'ca' | 'tls' | 'name';

function plan(d: ConnectDraft): Name[] {
  const where: Name[] = d.mode === 'urls' ? ['apiUrl', 'mqttUrl'] : ['orgId'];
  return ['mode', ...where, 'apiKey', 'token', ...(usesTls(d) ? (['ca', 'tls'] as Name[]) : []), 'name'];
}

function common(d: ConnectDraft, name: Name) {
  const steps = plan(d);
  return { title: vscode.l10n.t('Connect to Platform'), step: steps.indexOf(name) + 1, totalSteps: steps.length };
}

function urlProblem(value: string, schemes: readonly string[], example: string): string | undefined {
  try {
    const url = new URL(value.trim());
    if (schemes.includes(url.protocol.replace(/:$/, '')) && url.host) return undefined;
  } catch {
    // not a URL: the message below says what is expected
  }
  return vscode.l10n.t('Enter a URL starting with {0}, e.g. {1}', schemes.map((s) => `${s}://`).join(', '), example);
}

function nextAfter(d: ConnectDraft, name: Name): Step<ConnectDraft> | undefined {
  const steps = plan(d);
  const next = steps[steps.indexOf(name) + 1];
  return next ? STEPS[next] : undefined;
}

const STEPS: Record<Name, Step<ConnectDraft>> = {
  async mode(d) {
    const org = {
      label: vscode.l10n.t('$(cloud) IBM Watson IoT Platform organization'),
      detail: vscode.l10n.t('By organization id: {0}', ibmApiUrl('{org}')),
      mode: 'org' as const,
    };
    const urls = {
      label: vscode.l10n.t('$(server) Another platform by its URLs'),
      detail: vscode.l10n.t("An API URL and an MQTT URL, such as the local sandbox's"),
      mode: 'urls' as const,
    };
    const picked = await pickStep({
      ...common(d, 'mode'),
      items: [org, urls],
      active: d.mode === 'urls' ? urls : org,
      placeholder: vscode.l10n.t('Where is the platform?'),
    });
    d.mode = picked.mode;
    return nextAfter(d, 'mode');
  },
  async orgId(d) {
    d.orgId = await inputStep({
      ...common(d, 'orgId'),
      value: d.orgId ?? orgFromApiKey(d.apiKey ?? ''),
      prompt: vscode.l10n.t('Organization id (6 letters or digits)'),
      validate: (v) =>
        isValidOrgId(v.trim()) ? undefined : vscode.l10n.t('An organization id is 6 letters or digits.'),
    });
    return nextAfter(d, 'orgId');
  },
  async apiUrl(d) {
    d.apiUrl = await inputStep({
      ...common(d, 'apiUrl'),
      value: d.apiUrl,
      prompt: vscode.l10n.t('API URL (ends in /api/v0002; added when missing)'),
      placeholder: 'http://127.0.0.1:8080/api/v0002',
      validate: (v) => urlProblem(v, ['https', 'http'], 'https://abc123.internetofthings.ibmcloud.com/api/v0002'),
    });
    return nextAfter(d, 'apiUrl');
  },
  async mqttUrl(d) {
    d.mqttUrl = await inputStep({
      ...common(d, 'mqttUrl'),
      value: d.mqttUrl,
      prompt: vscode.l10n.t('MQTT URL, for watching clients live'),
      placeholder: 'mqtt://127.0.0.1:1883',
      validate: (v) =>
        urlProblem(v, ['mqtts', 'mqtt', 'wss', 'ws'], 'mqtts://abc123.messaging.internetofthings.ibmcloud.com:8883'),
    });
    return nextAfter(d, 'mqttUrl');
  },
  async apiKey(d) {
    d.apiKey = await inputStep({
      ...common(d, 'apiKey'),
      value: d.apiKey,
      prompt: vscode.l10n.t('API key (a-org-…, from the platform)'),
      validate: (v) => {
        const key = v.trim();
        if (key === '' || key.length > 200 || /\s/.test(key)) {
          return vscode.l10n.t('Enter the API key, without spaces.');
        }
        const keyOrg = orgFromApiKey(key);
        if (d.mode === 'org' && keyOrg && d.orgId && keyOrg !== d.orgId) {
          return vscode.l10n.t('This API key belongs to organization {0}, not {1}.', keyOrg, d.orgId);
        }
        return undefined;
      },
    });
    return nextAfter(d, 'apiKey');
  },
  async token(d) {
    d.token = await inputStep({
      ...common(d, 'token'),
      value: d.token,
      password: true,
      prompt: vscode.l10n.t('API token (kept in the secret storage of VS Code, never in settings)'),
      validate: (v) => (v.trim() === '' || v.length > 1000 ? vscode.l10n.t('Enter the API token.') : undefined),
    });
    return nextAfter(d, 'token');
  },
  async ca(d) {
    const system = {
      label: vscode.l10n.t("$(shield) The system's certificate authorities"),
      choice: 'system' as const,
    };
    const keep = d.caFile
      ? { label: vscode.l10n.t('$(check) Keep {0}', plainText(d.caFile, 100)), choice: 'keep' as const }
      : undefined;
    const choose = {
      label: vscode.l10n.t('$(file) Choose a CA File…'),
      detail: vscode.l10n.t("A PEM certificate of the CA that signs the platform's certificates"),
      choice: 'choose' as const,
    };
    const items = keep ? [keep, system, choose] : [system, choose];
    const picked = await pickStep({
      ...common(d, 'ca'),
      items,
      active: items[0],
      placeholder: vscode.l10n.t("Which certificate authority signs the platform's certificates?"),
    });
    if (picked.choice === 'system') d.caFile = undefined;
    if (picked.choice === 'choose') {
      const files = await vscode.window.showOpenDialog({
        canSelectMany: false,
        openLabel: vscode.l10n.t('Use as CA'),
        filters: { [vscode.l10n.t('PEM certificates')]: ['pem', 'crt', 'cer'], [vscode.l10n.t('All files')]: ['*'] },
      });
      if (!files?.[0]) return STEPS.ca;
      d.caFile = files[0].fsPath;
    }
    return nextAfter(d, 'ca');
  },
  async tls(d) {
    const verify = { label: vscode.l10n.t('$(lock) Check certificates (recommended)'), reject: true };
    const skip = {
      label: vscode.l10n.t('$(unlock) Do not check certificates'),
      detail: vscode.l10n.t('Only for a throwaway local sandbox: anyone in between could read the token.'),
      reject: false,
    };
    const picked = await pickStep({
      ...common(d, 'tls'),
      items: [verify, skip],
      active: d.rejectUnauthorized === false ? skip : verify,
    });
    d.rejectUnauthorized = picked.reject;
    return nextAfter(d, 'tls');
  },
  async name(d) {
    d.name = await inputStep({
      ...common(d, 'name'),
      value: d.name ?? suggestedName(d),
      prompt: vscode.l10n.t('A name for this platform'),
      validate: (v) =>
        v.trim() === '' || v.trim().length > MAX_NAME
          ? vscode.l10n.t('Enter a name of 1 to {0} characters.', MAX_NAME)
          : undefined,
    });
    return undefined;
  },
};

export const firstConnectStep: Step<ConnectDraft> = STEPS.mode;

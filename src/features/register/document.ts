// The "Register Device…" result as one Markdown document: the connection facts, then the device
// code per language in fenced blocks, in the person's language (no `vscode` import;
// unit-tested). Values are untrusted text for Markdown: inline code and fences are made longer
// than any backtick run inside, and prose is escaped (core/markdown.ts).
import * as l10n from '@vscode/l10n';
import { escapeMarkdownReadable } from '../../core/markdown';
import { brokerUrl, type ConnectionFacts } from './facts';
import { deviceSnippets } from './snippets';

function longestRun(text: string): number {
  return Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
}

/** `value` as Markdown inline code, whatever it contains. */
export function inlineCode(value: string): string {
  const fence = '`'.repeat(longestRun(value) + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

export function fenced(code: string, language: string): string {
  const fence = '`'.repeat(Math.max(3, longestRun(code) + 1));
  return `${fence}${language}\n${code}\n${fence}`;
}

export interface DeviceDocumentInput {
  readonly platformName: string;
  readonly facts: ConnectionFacts;
}

export function deviceDocument({ platformName, facts: f }: DeviceDocumentInput): string {
  const tls = f.tls
    ? f.caFile
      ? l10n.t('yes; trust the CA in {0}', inlineCode(f.caFile))
      : l10n.t("yes; the system's certificate authorities")
    : l10n.t('no (plain MQTT: fine on loopback, never for a real network)');
  const where = f.websocket
    ? l10n.t('Host: {0}, port: {1}, WebSocket path: {2}', inlineCode(f.host), f.port, inlineCode(f.path))
    : l10n.t('Host: {0}, port: {1}', inlineCode(f.host), f.port);
  const parts = [
    `# ${l10n.t('Device {0}', escapeMarkdownReadable(f.clientId, 120))}`,
    '',
    l10n.t(
      'Registered on {0}. **The token below is shown only now**: the platform keeps no readable copy. Copy it ' +
        'into your device code or a secret store; closing this document forgets it.',
      escapeMarkdownReadable(platformName, 60),
    ),
    '',
    `- ${l10n.t('Broker: {0}', inlineCode(brokerUrl(f)))}`,
    `- ${where}`,
    `- ${l10n.t('TLS: {0}', tls)}`,
    `- ${l10n.t('Client ID: {0}', inlineCode(f.clientId))}`,
    `- ${l10n.t('Username: {0}', inlineCode(f.username))}`,
    `- ${l10n.t('Password (device token): {0}', inlineCode(f.password))}`,
    `- ${l10n.t('Protocol: MQTT 3.1.1 (or 3.1); MQTT 5 connections are refused')}`,
    '',
  ];
  for (const s of deviceSnippets(f)) {
    parts.push(`## ${s.title}`, '', inlineCode(s.install), '', fenced(s.code, s.language), '');
  }
  parts.push(
    l10n.t(
      'Publish events to {0}; receive commands on {1}. Pin the device in the Clients view to hear the moment it ' +
        'connects or drops, and why.',
      '`iot-2/evt/{event}/fmt/{format}`',
      '`iot-2/cmd/{command}/fmt/{format}`',
    ),
    '',
  );
  return parts.join('\n');
}

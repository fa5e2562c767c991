// The "Register Device…" result as one Markdown document: the connection facts, then the device
// code per language in fenced blocks (no `vscode` import; unit-tested). Values are untrusted
// text for Markdown: inline code and fences are made longer than any backtick run inside, and
// prose is escaped (core/markdown.ts).
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
      ? `yes; trust the CA in ${inlineCode(f.caFile)}`
      : "yes; the system's certificate authorities"
    : 'no (plain MQTT: fine on loopback, never for a real network)';
  const parts = [
    `# Device ${escapeMarkdownReadable(f.clientId, 120)}`,
    '',
    `Registered on ${escapeMarkdownReadable(platformName, 60)}. **The token below is shown only now**: ` +
      `the platform keeps no readable copy. Copy it into your device code or a secret store; closing this ` +
      `document forgets it.`,
    '',
    `- Broker: ${inlineCode(brokerUrl(f))}`,
    `- Host: ${inlineCode(f.host)}, port: ${f.port}${f.websocket ? `, WebSocket path: ${inlineCode(f.path)}` : ''}`,
    `- TLS: ${tls}`,
    `- Client ID: ${inlineCode(f.clientId)}`,
    `- Username: ${inlineCode(f.username)}`,
    `- Password (device token): ${inlineCode(f.password)}`,
    '- Protocol: MQTT 3.1.1 (or 3.1); MQTT 5 connections are refused',
    '',
  ];
  for (const s of deviceSnippets(f)) {
    parts.push(`## ${s.title}`, '', inlineCode(s.install), '', fenced(s.code, s.language), '');
  }
  parts.push(
    'Publish events to `iot-2/evt/{event}/fmt/{format}`; receive commands on `iot-2/cmd/{command}/fmt/{format}`. Pin ' +
      'the device in the Clients view to hear the moment it connects or drops, and why.',
    '',
  );
  return parts.join('\n');
}

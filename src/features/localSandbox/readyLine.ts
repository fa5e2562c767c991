// The sandbox CLI's ready line (`{"event":"ready",…}`, the first line on stdout), read
// defensively: whatever else the process printed first is reported, never trusted. No `vscode`.
import type { ReadyInfo } from '../../core/readyInfo';

const MAX_LINE = 16 * 1024;

function text(r: Record<string, unknown>, key: string): string {
  const v = r[key];
  if (typeof v !== 'string' || v === '' || v.length > 2048) {
    throw new Error(`the sandbox's ready line has no usable "${key}"`);
  }
  return v;
}

function optional(r: Record<string, unknown>, key: string): string | null {
  const v = r[key];
  return typeof v === 'string' && v !== '' && v.length <= 4096 ? v : null;
}

export function readReadyLine(line: string): ReadyInfo {
  let parsed: unknown;
  try {
    parsed = line.length <= MAX_LINE ? JSON.parse(line) : undefined;
  } catch {
    parsed = undefined;
  }
  const r =
    typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  if (!r || r.event !== 'ready') {
    throw new Error('the sandbox\'s first line on stdout is not its ready line ({"event":"ready",…})');
  }
  return {
    event: 'ready',
    org: text(r, 'org'),
    apiUrl: text(r, 'apiUrl'),
    mqttUrl: text(r, 'mqttUrl'),
    wsUrl: text(r, 'wsUrl'),
    apiKey: text(r, 'apiKey'),
    apiToken: text(r, 'apiToken'),
    mqttsUrl: optional(r, 'mqttsUrl'),
    wssUrl: optional(r, 'wssUrl'),
    httpsUrl: optional(r, 'httpsUrl'),
    caFile: optional(r, 'caFile'),
  };
}

// What the lookup tests share: a sandbox with real devices, a REST client whose every call is
// recorded (kind, ids, start and end), and the sandbox's admin disconnect (close code 94).
import type { MqttClient } from 'mqtt';
import { PlatformRestClient } from '../../../../src/platform';
import type { LookupRest } from '../../../../src/features/idsInCode/lookupTypes';
import type { ClientLookups } from '../../../../src/features/idsInCode/lookups';
import { connected } from '../../../support/mqtt';
import type { DeviceCredentials, TestSandbox } from '../../../support/sandbox';
import { waitFor } from '../../../support/waitFor';

export interface RecordedCall {
  readonly kind: 'state' | 'list' | 'log';
  readonly what: string;
  readonly started: number;
  ended?: number;
}

export function recordedRest(sb: TestSandbox, o: { apiUrl?: string } = {}) {
  const rest = new PlatformRestClient({
    apiUrl: o.apiUrl ?? sb.ready.apiUrl,
    apiKey: sb.ready.apiKey,
    apiToken: sb.ready.apiToken,
    timeoutMs: 3_000,
  });
  const calls: RecordedCall[] = [];
  const timed = <T>(kind: RecordedCall['kind'], what: string, p: Promise<T>): Promise<T> => {
    const call: RecordedCall = { kind, what, started: Date.now() };
    calls.push(call);
    return p.finally(() => (call.ended = Date.now()));
  };
  const recorded: LookupRest = {
    getClientState: (id, signal) => timed('state', id, rest.getClientState(id, signal)),
    listClientStates: (request, signal) =>
      timed('list', JSON.stringify(request?.query ?? {}), rest.listClientStates(request, signal)),
    getConnectionLog: (request, signal) =>
      timed(
        'log',
        `${'clientId' in request ? request.clientId : `${request.typeId}/${request.deviceId}`}@${request.offset ?? 0}`,
        rest.getConnectionLog(request, signal),
      ),
  };
  return { rest: recorded, calls, dispose: () => rest.dispose() };
}

/** The most calls that started within any `windowMs`. */
export function busiestWindow(calls: readonly RecordedCall[], windowMs = 1000): number {
  const starts = calls.map((c) => c.started).sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < starts.length; i++) {
    while (starts[i] - starts[j] >= windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

export async function adminDisconnect(sb: TestSandbox, clientId: string): Promise<void> {
  const res = await fetch(`${sb.ready.apiUrl}/sandbox/clients/${encodeURIComponent(clientId)}/disconnect`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${sb.ready.apiKey}:${sb.ready.apiToken}`).toString('base64')}` },
  });
  if (res.status !== 200) throw new Error(`admin disconnect of ${clientId}: HTTP ${res.status}`);
}

/** Connects a registered device with mqtt.js. */
export function online(sb: TestSandbox, d: DeviceCredentials): Promise<MqttClient> {
  return connected(sb.device(d));
}

/** Until every id has an answer (no longer pending). */
export function settled(lookups: ClientLookups, ids: readonly string[], timeoutMs = 10_000): Promise<true> {
  return waitFor(
    `answers for ${ids.length} ids`,
    () =>
      ids.every((id) => {
        const k = lookups.peek(id)?.kind;
        return k !== undefined && k !== 'pending';
      }),
    { timeoutMs },
  );
}

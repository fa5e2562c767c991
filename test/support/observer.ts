// A platform server observing a broker that the test runs (platform-contract.md §7), on free loopback ports, with
// the REST calls and the monitor subscriber the observe tests share. close() ends its clients, then the server.

import type { ClientStateWire } from '../../src/core/clientState';
import type { ConnectionLogEntry } from '../../src/core/connectionLog';
import type { SourceInfoWire } from '../../src/core/source';
import type { SandboxOptionsInput } from '../../src/server/options';
import { restCall } from '../unit/server/process';
import { connected, Inbox, subscribed } from './mqtt';
import { startTestSandbox, type TestSandbox } from './sandbox';
import { waitFor } from './waitFor';

export const MONITOR_TOPICS = ['iot-2/type/+/id/+/mon', 'iot-2/app/+/mon', 'iot-2/client/+/mon'];

export interface TestObserver extends TestSandbox {
  source(): Promise<SourceInfoWire>;
  /** The state record of a client; undefined when the API answers 404. */
  state(clientId: string): Promise<ClientStateWire | undefined>;
  /** Waits until the client's record satisfies `ok`. */
  stateWhere(clientId: string, what: string, ok: (s: ClientStateWire) => boolean): Promise<ClientStateWire>;
  /** The client's connection log, newest first. */
  log(clientId: string): Promise<ConnectionLogEntry[]>;
  /** An application of the server subscribed to every monitor topic, §7.2's included. */
  watch(appId: string): Promise<Inbox>;
}

export async function startObserver(
  observe: NonNullable<SandboxOptionsInput['observe']>,
  options: SandboxOptionsInput = {},
): Promise<TestObserver> {
  const t = await startTestSandbox({ ...options, observe });
  const get = async (route: string) => restCall(t.ready, route);
  const state = async (clientId: string) => {
    const r = await get(`/clientconnectionstates/${encodeURIComponent(clientId)}`);
    return r.status === 200 ? (r.body as ClientStateWire) : undefined;
  };
  return {
    ...t,
    source: async () => (await get('/config/source')).body as SourceInfoWire,
    state,
    stateWhere: (clientId, what, ok) =>
      waitFor(`the record of ${clientId.slice(0, 60)} to be ${what}`, async () => {
        const s = await state(clientId);
        return s !== undefined && ok(s) ? s : undefined;
      }),
    log: async (clientId) =>
      (await get(`/logs/connection?clientId=${encodeURIComponent(clientId)}`)).body as ConnectionLogEntry[],
    async watch(appId) {
      const app = await connected(t.app(appId));
      const inbox = new Inbox(app);
      await subscribed(app, MONITOR_TOPICS);
      return inbox;
    },
  };
}

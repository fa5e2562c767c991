// The sandbox's keep-alive calls (platform-contract.md §8): read a connected client's keep-alive
// and deadline, hold it while its program is paused, release it. Each hold and release is a line
// of the client's connection log. Holds end silently when the client leaves or the broker closes.

import type { Aedes } from 'aedes';
import { keepAliveHeld, keepAliveHoldReleased } from '../../../../core/connectionLog';
import type { ParsedClientId } from '../../../../core/ids';
import type { BrokerContext } from './context';
import type { KeepAliveView } from './keepAlive';
import { KeepAlives } from './keepAlives';
import type { Session } from './session';

export type { KeepAliveView } from './keepAlive';

export interface KeepAliveAdmin {
  /** undefined: the client is not connected. */
  keepAlive(clientId: string): KeepAliveView | undefined;
  hold(clientId: string, seconds: number): KeepAliveView | undefined;
  release(clientId: string): KeepAliveView | undefined;
  /** Why nothing can be held on this broker, once a client showed it. */
  readonly unreadable: string | undefined;
  /** Ends every hold without a word: the broker is closing. */
  dispose(): void;
}

export function keepAliveAdmin(broker: Aedes, ctx: BrokerContext): KeepAliveAdmin {
  const keepAlives = new KeepAlives(broker, (client) => {
    const line = (text: string) => {
      const s = ctx.sessions.of(client);
      if (s?.id !== undefined) ctx.recorder.keepAlive(s as Session & { id: ParsedClientId }, text, Date.now());
    };
    return { onHold: (seconds) => line(keepAliveHeld(seconds)), onRelease: () => line(keepAliveHoldReleased()) };
  });
  const watchOf = (clientId: string) => {
    const s = ctx.sessions.live.get(clientId);
    return s ? keepAlives.of(s.client) : undefined;
  };
  return {
    keepAlive: (clientId) => watchOf(clientId)?.view(),
    hold: (clientId, seconds) => watchOf(clientId)?.hold(seconds),
    release: (clientId) => watchOf(clientId)?.release(),
    get unreadable() {
      return keepAlives.unreadable;
    },
    dispose: () => keepAlives.dispose(),
  };
}

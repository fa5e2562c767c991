// Every open connection's Session, and the connected one per client id.

import type { Client } from 'aedes';
import type { Session } from './session';

export class Sessions {
  private readonly byClient = new WeakMap<Client, Session>();
  /** Open connections, for shutdown: some never get as far as aedes' client list. */
  readonly open = new Set<Session>();
  /** The connected session of each client id. */
  readonly live = new Map<string, Session>();

  add(session: Session): void {
    this.byClient.set(session.client, session);
    this.open.add(session);
  }

  of(client: Client | null | undefined): Session | undefined {
    return client ? this.byClient.get(client) : undefined;
  }

  /** Marks a session connected; the previous one of its id has already been closed (288). */
  connected(session: Session & { id: { raw: string } }): void {
    this.live.set(session.id.raw, session);
  }

  /** Forgets a session that has ended. */
  ended(session: Session): void {
    this.open.delete(session);
    if (session.id && this.live.get(session.id.raw) === session) this.live.delete(session.id.raw);
  }
}

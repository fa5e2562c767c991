// A KeepAliveWatch for every client of an aedes broker, from its registration (the `client`
// event, once aedes has armed the keep-alive timer) until it leaves.

import type { Aedes, Client } from 'aedes';
import { KeepAliveWatch, readableKeepAlive, type KeepAliveHooks } from './keepAlive';

export class KeepAlives {
  private readonly watches = new Map<Client, KeepAliveWatch>();
  /** Set when this aedes keeps a client's keep-alive in a way this cannot read (then nothing can be held). */
  unreadable?: string;

  constructor(broker: Aedes, hooks: (client: Client) => KeepAliveHooks = () => ({})) {
    broker.on('client', (client) => {
      if (readableKeepAlive(client)) this.watches.set(client, new KeepAliveWatch(client, hooks(client)));
      else this.unreadable ??= "this aedes does not keep a client's keep-alive timer where the sandbox reads it";
    });
    broker.on('clientDisconnect', (client) => {
      this.watches.get(client)?.dispose();
      this.watches.delete(client);
    });
  }

  of(client: Client): KeepAliveWatch | undefined {
    return this.watches.get(client);
  }

  /** Ends every hold, silently: the broker is closing. */
  dispose(): void {
    for (const w of this.watches.values()) w.dispose();
    this.watches.clear();
  }
}

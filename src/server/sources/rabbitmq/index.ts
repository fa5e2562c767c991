// The observed RabbitMQ, one node or a cluster (platform-contract.md §7): events and log lines over AMQP (feed.ts),
// followed connection by connection (tracker.ts, causes.ts), and the management API's list read at the start,
// after the AMQP connection comes back and after a node goes down or comes back (reconcile.ts): a short while after
// the last log line about a node, and whenever the running nodes, read again every few seconds for config/source,
// have lost one (a line not heard must not leave a killed node's clients connected). The admin call closes a client
// through the management API with X-Reason.

import * as fs from 'node:fs';
import { BrokerCallError } from '../../http/context';
import type { ObservedSource, SourceContext } from '../observed/source';
import { CauseJoiner } from './causes';
import * as checks from './checks';
import { readRabbitEvent } from './events';
import { EVENT_EXCHANGE, LOG_EXCHANGE, openFeed, type Feed, type FeedMessage } from './feed';
import { hasMqttListener, runningNodes } from './listing';
import { readRabbitLog } from './logLines';
import { management, ManagementError } from './management';
import { LIST_LAG_MS, reconcile } from './reconcile';
import { RabbitTracker } from './tracker';

export interface RabbitSourceOptions {
  managementUrl: string;
  amqpUrl: string;
  caFile?: string;
}

const RETRY_MS = 1000;
const REFUSED_RETRY_MS = 15_000;
const NODES_EVERY_MS = 5000;
/** After a node went down, its connections leave the list within a second (docs/brokers-observed.md). */
const NODE_SETTLE_MS = 1500;

/** Why the list is read, for the log. */
type Why = 'start' | 'reconnect' | 'nodes';
const READY_WAIT_MS = 15_000;
export const ADMIN_REASON = 'closed through the platform server (POST /sandbox/clients/{clientId}/disconnect)';

export async function startRabbitSource(ctx: SourceContext, o: RabbitSourceOptions): Promise<ObservedSource> {
  const { board, recorder, store, log } = ctx;
  const ca = o.caFile !== undefined ? fs.readFileSync(o.caFile) : undefined;
  const api = management({ url: o.managementUrl, ca, onBusy: (what) => board.problem(what) });
  const joiner = new CauseJoiner();
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;
  let feed: Feed | undefined;
  let looked = false;
  const later = (ms: number, f: () => void) => {
    const t = setTimeout(() => (timers.delete(t), f()), ms);
    timers.add(t);
  };

  /** The management API's part: plugins, nodes, and the list; tried again every few seconds until it answers. */
  const lookOnce = async (why: Why): Promise<void> => {
    try {
      if (await hasMqttListener(api)) board.resolve(checks.MQTT_MISSING);
      else board.diagnose(checks.mqttMissing());
      const r = await reconcile({ api, tracker, recorder, store });
      board.setNodes(r.nodes);
      board.connectedCount = tracker.conns.size;
      board.resolve(checks.MANAGEMENT_MISSING);
      board.problem(undefined);
      log.info(
        `RabbitMQ lists ${r.listed} MQTT connection(s) (${why}): ${r.added} not followed before, ${r.ended} gone`,
      );
    } catch (err) {
      const e = err as Error & { status?: number };
      if (e instanceof ManagementError && e.status === undefined) {
        board.diagnose(checks.managementMissing(api.shown, e.message));
      } else board.problem(e.message);
      if (!closed && feed !== undefined) later(NODES_EVERY_MS, () => void look(why));
    } finally {
      looked = true;
    }
  };
  // One look at a time: a list read while another is applied would undo it.
  let looking = Promise.resolve();
  const look = (why: Why) => (looking = looking.then(() => lookOnce(why)));

  let nodeLook: NodeJS.Timeout | undefined;
  const tracker = new RabbitTracker({
    recorder,
    joiner,
    log,
    api: () => api,
    count: (n) => (board.connectedCount = n),
    // Lines about nodes come in bursts (down, then up again): one look, a short while after the last of them.
    nodeChanged: () => {
      clearTimeout(nodeLook);
      nodeLook = setTimeout(() => {
        nodeLook = undefined;
        if (!closed) void look('nodes');
      }, NODE_SETTLE_MS);
    },
  });

  const onMessage = (m: FeedMessage) => {
    const at = Date.now();
    if (m.exchange === LOG_EXCHANGE) return tracker.line(readRabbitLog(m.routingKey, m.headers, m.body), at);
    if (m.exchange !== EVENT_EXCHANGE) return;
    const e = readRabbitEvent(m.routingKey, m.headers);
    if (e.kind === 'connectionCreated') tracker.created(e, at);
    else if (e.kind === 'connectionClosed') tracker.closed(e, e.timestampMs ?? at);
  };

  /** Says which exchange is missing, and that one found since is not. */
  const sayMissing = (f: Feed) => {
    for (const [exchange, missing] of [
      [EVENT_EXCHANGE, checks.eventsMissing()],
      [LOG_EXCHANGE, checks.logMissing()],
    ] as const) {
      if (f.missing.includes(exchange)) board.diagnose(missing);
      else board.resolve(missing.code);
    }
  };

  /** Every few seconds: the running nodes, and the exchanges that were missing. */
  const nodesEvery = () =>
    later(NODES_EVERY_MS, () => {
      joiner.sweep(Date.now());
      if (closed) return;
      const f = feed;
      if (f !== undefined) {
        runningNodes(api).then(
          (nodes) => {
            // A node gone without a line heard about it (a killed node says nothing of its clients).
            if (board.setNodes(nodes).gone.length > 0) void look('nodes');
          },
          () => undefined,
        );
      }
      if (f !== undefined && f.missing.length > 0) {
        f.recheck().then(
          (found) => {
            if (feed !== f || found.length === 0) return;
            sayMissing(f);
            // Events were not heard until now: the list tells what happened meanwhile.
            if (found.includes(EVENT_EXCHANGE)) void look('reconnect');
          },
          () => undefined,
        );
      }
      nodesEvery();
    });

  const run = async () => {
    for (let first = true; !closed;) {
      try {
        feed = await openFeed(o.amqpUrl, ca, onMessage);
        board.connected();
        sayMissing(feed);
        // What happened while the broker was not heard is not known until the list tells it.
        if (!first) store.carryStates();
        void look(first ? 'start' : 'reconnect');
        // Connections made just before are listed only seconds later: look once more then.
        if (!first) later(LIST_LAG_MS, () => void (feed !== undefined && look('reconnect')));
        first = false;
        const why = await feed.closed;
        feed = undefined;
        if (!closed) board.lost(why);
      } catch (err) {
        feed = undefined;
        const message = (err as Error).message;
        if (/ACCESS.REFUSED|\b403\b/.test(message)) board.refused(`AMQP: ${message}`);
        else board.lost(`AMQP: ${message}`);
      }
      if (!closed) {
        await new Promise((resolve) =>
          later(board.status === 'refused' ? REFUSED_RETRY_MS : RETRY_MS, () => resolve(undefined)),
        );
      }
    }
  };
  void run();
  nodesEvery();

  // The ready line waits for the first list (or a refusal), so that the start says what is there.
  const deadline = Date.now() + READY_WAIT_MS;
  while (!looked && board.status !== 'refused' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));

  return {
    async disconnectClient(clientId: string): Promise<boolean> {
      // A connection is known to the management API only once it is listed, 2–5 s after it connected: until then
      // its DELETE answers 404 while the connection is there.
      for (;;) {
        const name = tracker.connectionOf(clientId);
        if (name === undefined) return false;
        let status: number;
        try {
          status = await api.delete(`/connections/${encodeURIComponent(name)}`, { 'X-Reason': ADMIN_REASON });
        } catch (err) {
          throw new BrokerCallError((err as Error).message);
        }
        if (status !== 404) return true;
        const c = tracker.conns.get(name);
        if (c === undefined || Date.now() - c.learnedAt > LIST_LAG_MS) return false;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    },
    async close() {
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      clearTimeout(nodeLook);
      await feed?.close();
      joiner.flush();
    },
  };
}

// PUBLISH and SUBSCRIBE after CONNECT: topic rules (180), payload size (287), subscription quota
// (154), retained flag cleared, topic mapping, and the activity the state API reports.

import type { Aedes } from 'aedes';
import type { ActivityEvent } from '../../../../core/clientState';
import { CloseCode, closeReason } from '../../../../core/closeCodes';
import type { ParsedClientId } from '../../../../core/ids';
import { MAX_PAYLOAD_BYTES } from '../../../../core/limits';
import { PolicyClose, type BrokerContext } from './context';
import { deliveredTopic, heldFilter, mayPublish, maySubscribe, publishedTopic, subscriptionQuota } from './rules';
import { describeText, type Session } from './session';

type Known = Session & { id: ParsedClientId };

export function installTrafficHooks(broker: Aedes, ctx: BrokerContext): void {
  const deny = (s: Known, code: number, what: string): PolicyClose => {
    // A closing client's will is checked by the same rules; refusing it closes nothing.
    if (!s.client.closed) {
      s.closeWith(code);
      ctx.log.warn(`${s.id.raw}: ${what}: ${closeReason(code)}; closing with ${code}`);
    }
    return new PolicyClose(`${what}: ${closeReason(code)}`);
  };
  const activity = (s: Known, event: ActivityEvent) => {
    if (!s.client.closed) {
      ctx.states.activity({ id: s.id, protocolLevel: s.protocolLevel, connectTime: s.connectTime }, event, Date.now());
    }
  };
  const known = (s: Session | undefined): s is Known => s?.id !== undefined;

  broker.authorizePublish = (client, packet, done) => {
    const s = ctx.sessions.of(client);
    if (!known(s)) return done(new PolicyClose('publish without a session'));
    const size = typeof packet.payload === 'string' ? Buffer.byteLength(packet.payload) : packet.payload.length;
    if (size > MAX_PAYLOAD_BYTES) {
      return done(deny(s, CloseCode.MessageTooLarge, `a payload of ${size} bytes (at most ${MAX_PAYLOAD_BYTES})`));
    }
    if (!mayPublish(s.id, packet.topic)) {
      return done(deny(s, CloseCode.NotAuthorized, `publish to ${describeText(packet.topic)}`));
    }
    packet.retain = false;
    packet.topic = publishedTopic(s.id, packet.topic);
    if (!s.client.closed) s.readMsg++;
    activity(s, 'mqttPublish');
    done(null);
  };

  broker.authorizeSubscribe = (client, sub, done) => {
    const s = ctx.sessions.of(client);
    if (!known(s)) return done(new PolicyClose('subscribe without a session'));
    const held = heldFilter(s.id, sub.topic);
    if (!maySubscribe(s.id, held)) {
      return done(deny(s, CloseCode.NotAuthorized, `subscribe to ${describeText(sub.topic)}`));
    }
    s.subscriptions.add(held);
    const quota = subscriptionQuota(s.id);
    if (s.subscriptions.size > quota) {
      return done(deny(s, CloseCode.TooManySubscriptions, `subscription ${s.subscriptions.size} (at most ${quota})`));
    }
    done(null, held === sub.topic ? sub : { ...sub, topic: held });
  };

  broker.authorizeForward = (client, packet) => {
    const s = ctx.sessions.of(client);
    if (!known(s)) return packet;
    s.writeMsg++;
    const topic = deliveredTopic(s.id, packet.topic);
    return topic === packet.topic ? packet : { ...packet, topic };
  };

  broker.on('subscribe', (_subs, client) => {
    const s = ctx.sessions.of(client);
    if (known(s)) activity(s, 'mqttSubscribe');
  });

  broker.on('unsubscribe', (topics, client) => {
    const s = ctx.sessions.of(client);
    if (!known(s) || s.client.closed) return;
    const mine = topics.filter((t) => !s.internalUnsubscribes.delete(t));
    if (mine.length === 0) return;
    // A device's short filters are held in their long form: unsubscribe that one too.
    const remapped = mine.map((t) => heldFilter(s.id, t)).filter((held, i) => held !== mine[i]);
    for (const t of mine) s.subscriptions.delete(heldFilter(s.id, t));
    if (remapped.length > 0) {
      for (const t of remapped) s.internalUnsubscribes.add(t);
      // aedes calls the callback unconditionally: it must be given.
      s.client.unsubscribe({ cmd: 'unsubscribe', unsubscriptions: remapped }, (err) => {
        if (err) ctx.log.warn(`${s.id.raw}: unsubscribing ${remapped.length} mapped filter(s) failed: ${err.message}`);
      });
    }
    activity(s, 'mqttUnsubscribe');
  });
}

// An observing server's own side (platform-contract.md §7): the MQTT listener that serves monitor topics to
// applications, the recorder and the board every source shares, and the source of the broker asked for. What the
// store knows from a previous run is `carried` until the broker tells it again, and its retained monitor messages
// are put back first.

import type { SourceInfoWire } from '../../../core/source';
import type { SandboxAdmin } from '../../http/context';
import type { Logger } from '../../log';
import { startMonitorListener, type MonitorListener } from '../../monitor/listener';
import type { TlsMaterial } from '../../mqtt/listeners';
import type { SandboxStore } from '../../store/store';
import { startMosquittoSource } from '../mosquitto';
import { startRabbitSource } from '../rabbitmq';
import { SourceBoard } from './board';
import { brokerUrl, type ObserveOptions } from './options';
import { ObservedRecorder } from './recorder';
import { restoreRetained } from './retained';
import type { ObservedSource } from './source';

export interface ObservingOptions {
  org: string;
  host: string;
  store: SandboxStore;
  log: Logger;
  ports: { mqtt?: number; mqtts?: number; ws?: number; wss?: number };
  tls?: TlsMaterial;
  observe: ObserveOptions;
}

export interface Observing {
  readonly ports: MonitorListener['ports'];
  readonly admin: SandboxAdmin;
  readonly source: () => SourceInfoWire;
  close(): Promise<void>;
}

export async function startObserving(o: ObservingOptions): Promise<Observing> {
  const { store, observe } = o;
  const log = o.log.child(observe.kind);
  store.carryStates();
  const listener = await startMonitorListener({ ...o, log: o.log.child('monitor') });
  let source: ObservedSource | undefined;
  try {
    const restored = restoreRetained(store, listener.publisher);
    if (restored > 0) log.info(`${restored} client(s) known from before: their last state is carried until told again`);
    const url = observe.kind === 'mosquitto' ? observe.url : observe.managementUrl;
    const board = new SourceBoard(
      observe.kind,
      brokerUrl(url),
      Date.now(),
      { listsConnected: observe.kind === 'rabbitmq', history: 'observed', holdKeepAlive: false },
      log,
    );
    const recorder = new ObservedRecorder(store, listener.publisher, log);
    const ctx = { store, recorder, board, log };
    const started: ObservedSource =
      observe.kind === 'mosquitto' ? await startMosquittoSource(ctx, observe) : await startRabbitSource(ctx, observe);
    source = started;
    return {
      ports: listener.ports,
      admin: started.disconnectClient ? { disconnectClient: started.disconnectClient.bind(started) } : {},
      source: () => board.info(),
      close: async () => {
        await started.close();
        await listener.close();
      },
    };
  } catch (err) {
    await source?.close();
    await listener.close();
    throw err;
  }
}

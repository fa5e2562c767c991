// The keep-alive of each paused program's clients: the broker's own deadline when
// it tells one (the sandbox's `keepalive` call, platform-contract.md §8), and — where the platform
// can hold (`capabilities.holdKeepAlive`) and the person wants it — a hold for as long as the
// program stays paused, released when it runs again or its session ends. Holds are short and
// renewed, so a window that goes away mid-pause leaves nothing held for long. A step is a run of
// a few milliseconds between two pauses: what was kept is kept through it (a moment's grace), so
// stepping costs no call to the platform, and a hold outlives a real run by that moment only.

import { Emitter, type Disposable, type Listener } from '../../platform/events';
import type { PlatformLog } from '../../platform/log';
import type { PlatformRestClient } from '../../platform/rest/client';
import type { KeepAliveInfo } from '../../platform/rest/debug';

export type KeepAliveRest = Pick<PlatformRestClient, 'getKeepAlive' | 'holdKeepAlive' | 'releaseKeepAlive'>;

export interface KeeperPlatform {
  readonly name: string;
  readonly rest: KeepAliveRest;
  /** `sandbox`, `mosquitto`, `rabbitmq`, `unknown`. */
  readonly sourceKind: string;
  readonly canHold: boolean;
}

export interface Kept {
  /** Epoch ms at which the broker drops it, as it said; undefined when it does not tell. */
  readonly deadline?: number;
  readonly keepAliveSeconds?: number;
  readonly held: boolean;
}

interface KeeperEvents {
  changed: string;
  /** Paused clients that will not be held, and why (told once per platform by the views). */
  notHeld: { readonly platform: string; readonly clientIds: readonly string[]; readonly reason: string };
}

export interface KeeperOptions {
  platform(): KeeperPlatform | undefined;
  holdEnabled(): boolean;
  log: PlatformLog;
  /** Each hold's length; renewed before it ends (default 60 s, renewed every 20 s). */
  holdSeconds?: number;
  renewMs?: number;
  /** How long a program that runs again keeps what was kept, for a step to stop again (default 1 s). */
  graceMs?: number;
  /** A deadline read before a step is read again this long after it stops (default 250 ms). */
  rereadMs?: number;
}

interface Entry {
  kept: Kept;
  platform: KeeperPlatform;
  renew?: ReturnType<typeof setInterval>;
  /** When the last hold the platform granted ends (ms): a failed renewal is tried again until then. */
  holdEnds?: number;
  /** Its program runs again: let go when this fires, unless it pauses before. */
  grace?: ReturnType<typeof setTimeout>;
  reread?: ReturnType<typeof setTimeout>;
}

export class PauseKeeper {
  private readonly entries = new Map<string, Entry>();
  private readonly emitter = new Emitter<KeeperEvents>();

  constructor(private readonly o: KeeperOptions) {}

  on<K extends keyof KeeperEvents>(name: K, listener: Listener<KeeperEvents[K]>): Disposable {
    return this.emitter.on(name, listener);
  }

  get size(): number {
    return this.entries.size;
  }
  kept(clientId: string): Kept | undefined {
    return this.entries.get(clientId)?.kept;
  }

  /** These clients' program paused: read their deadline, and hold them where possible. */
  paused(clientIds: readonly string[]): void {
    for (const id of clientIds) this.pausedAgain(id);
    const platform = this.o.platform();
    const fresh = clientIds.filter((id) => !this.entries.has(id));
    if (!platform || fresh.length === 0) return;
    for (const id of fresh) this.entries.set(id, { kept: { held: false }, platform });
    const hold = platform.canHold && this.o.holdEnabled();
    if (!hold) {
      const reason = !platform.canHold ? 'cannot hold' : 'off';
      this.emitter.emit('notHeld', { platform: platform.name, clientIds: fresh, reason });
    }
    for (const id of fresh) void (hold ? this.hold(id) : this.read(id));
  }

  /** Their program runs again: what is held is released unless it pauses again within the grace. */
  running(clientIds: readonly string[]): void {
    const ms = this.o.graceMs ?? 1_000;
    for (const id of clientIds) {
      const e = this.entries.get(id);
      if (!e || e.grace) continue;
      clearTimeout(e.reread);
      e.reread = undefined;
      e.grace = setTimeout(() => void this.release(id), ms);
    }
  }

  /** Their session ended, or the platform changed: release what is held now. */
  resumed(clientIds: readonly string[]): Promise<void> {
    return Promise.all(clientIds.map((id) => this.release(id))).then(() => undefined);
  }

  /** The setting changed: clients paused now are held, or let go but still counted down. */
  holdSettingChanged(): void {
    for (const [id, e] of this.entries) {
      if (e.grace) continue;
      const hold = e.platform.canHold && this.o.holdEnabled();
      if (hold && !e.kept.held) void this.hold(id);
      else if (!hold && (e.kept.held || e.renew)) void this.unhold(id, e);
    }
  }

  /** Releases every hold (the window is going). */
  dispose(): Promise<void> {
    this.emitter.clear();
    return this.resumed([...this.entries.keys()]);
  }

  /** Paused again within the grace after a step: kept as it was; a deadline is read again soon. */
  private pausedAgain(clientId: string): void {
    const e = this.entries.get(clientId);
    if (!e?.grace) return;
    clearTimeout(e.grace);
    e.grace = undefined;
    if (e.kept.held || e.renew) return;
    // The program may have pinged while it ran: until read again, the earlier deadline is a bound.
    clearTimeout(e.reread);
    e.reread = setTimeout(() => {
      e.reread = undefined;
      void this.read(clientId);
    }, this.o.rereadMs ?? 250);
  }

  private async read(clientId: string): Promise<void> {
    const e = this.entries.get(clientId);
    if (!e || e.platform.sourceKind !== 'sandbox') return;
    try {
      this.update(clientId, e, await e.platform.rest.getKeepAlive(clientId));
    } catch (error) {
      this.o.log.info(`debug: the keep-alive of ${clientId} could not be read: ${message(error)}`);
    }
  }

  private async hold(clientId: string): Promise<void> {
    const e = this.entries.get(clientId);
    if (!e) return;
    const seconds = this.o.holdSeconds ?? 60;
    try {
      this.update(clientId, e, await e.platform.rest.holdKeepAlive(clientId, seconds));
      e.holdEnds = Date.now() + seconds * 1000;
      if (this.entries.get(clientId) !== e) {
        // Resumed while the hold was on its way: let it go again.
        await e.platform.rest.releaseKeepAlive(clientId).catch(() => undefined);
        return;
      }
      e.renew ??= setInterval(() => void this.renew(clientId, e, seconds), this.o.renewMs ?? 20_000);
      this.o.log.info(`debug: holding the keep-alive of ${clientId} while its program is paused`);
    } catch (error) {
      this.o.log.warn(`debug: the keep-alive of ${clientId} could not be held: ${message(error)}`);
      if (this.entries.get(clientId) === e) {
        this.emitter.emit('notHeld', { platform: e.platform.name, clientIds: [clientId], reason: message(error) });
      }
    }
  }

  private async renew(clientId: string, e: Entry, seconds: number): Promise<void> {
    const asked = Date.now();
    try {
      this.update(clientId, e, await e.platform.rest.holdKeepAlive(clientId, seconds));
      e.holdEnds = asked + seconds * 1000;
    } catch (error) {
      // One call lost (a reset connection, a busy platform) is tried again at the next turn while
      // the last hold still runs; once it has ended, the client is no longer held.
      if (Date.now() < (e.holdEnds ?? 0)) {
        this.o.log.info(`debug: renewing the hold of ${clientId} failed, trying again: ${message(error)}`);
        return;
      }
      clearInterval(e.renew);
      e.renew = undefined;
      this.update(clientId, e, { keepAliveSeconds: e.kept.keepAliveSeconds ?? 0, held: false });
      this.o.log.warn(`debug: the hold of ${clientId} could not be renewed: ${message(error)}`);
    }
  }

  private async unhold(clientId: string, e: Entry): Promise<void> {
    clearInterval(e.renew);
    e.renew = undefined;
    try {
      this.update(clientId, e, await e.platform.rest.releaseKeepAlive(clientId));
      this.o.log.info(`debug: released the keep-alive of ${clientId} (holding turned off)`);
    } catch (error) {
      this.update(clientId, e, { keepAliveSeconds: e.kept.keepAliveSeconds ?? 0, held: false });
      this.o.log.info(`debug: releasing the keep-alive of ${clientId}: ${message(error)}`);
    }
  }

  private async release(clientId: string): Promise<void> {
    const e = this.entries.get(clientId);
    if (!e) return;
    this.entries.delete(clientId);
    clearInterval(e.renew);
    clearTimeout(e.grace);
    clearTimeout(e.reread);
    this.emitter.emit('changed', clientId);
    if (!e.kept.held) return;
    try {
      await e.platform.rest.releaseKeepAlive(clientId);
      this.o.log.info(`debug: released the keep-alive of ${clientId}`);
    } catch (error) {
      // Gone already (it left, the sandbox stopped): the hold ended with it.
      this.o.log.info(`debug: releasing the keep-alive of ${clientId}: ${message(error)}`);
    }
  }

  private update(clientId: string, e: Entry, info: KeepAliveInfo): void {
    if (this.entries.get(clientId) !== e) return;
    e.kept = {
      deadline: info.held ? undefined : info.deadline,
      keepAliveSeconds: info.keepAliveSeconds,
      held: info.held,
    };
    this.emitter.emit('changed', clientId);
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

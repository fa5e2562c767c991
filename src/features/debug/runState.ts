// Whether one debug session's program runs or is paused, from the facts its adapter and VS Code
// exchange (dap.ts). A program counts as paused when the thread that runs its MQTT client is
// stopped; when no thread can be told to be that one, when all its known threads are. Facts may
// come in any order and from any adapter; the state only ever moves between running and paused.

import type { DapFact } from './dap';

/** A thread name that says it runs an MQTT client's network loop (Paho, HiveMQ, mqtt.js workers…). */
const MQTT_THREAD = /mqtt|paho|hivemq/i;
/** Pause spans kept per session, newest last. */
const MAX_SPANS = 50;
/** Threads followed per session: an adapter that names more is not followed past them. */
const MAX_THREADS = 5_000;

export interface PauseSpan {
  readonly from: number;
  /** undefined while it lasts. */
  readonly to?: number;
  /** Why it stopped, as the adapter said (`breakpoint`, `step`, `pause`, `exception`…). */
  readonly reason?: string;
}

export type RunChange = 'paused' | 'resumed' | undefined;

interface Thread {
  name: string;
  stopped: boolean;
  mqtt: boolean;
  /** False for a thread past the bound: answered, but not counted. */
  followed: boolean;
}

export class RunState {
  private readonly threads = new Map<number, Thread>();
  /** Kept in step with `threads`, so each fact costs O(1) however many threads there are. */
  private stoppedCount = 0;
  private mqttCount = 0;
  private mqttStopped = 0;
  /** A stop that named no thread, or all of them: every thread, known or not, is stopped. */
  private allStopped = false;
  private since?: number;
  private sinceReason?: string;
  /** The reason of the latest `stopped`: the pause it begins takes it. */
  private stopReason?: string;
  private readonly spans: PauseSpan[] = [];
  private over = false;

  /** When the current pause began; undefined while running. */
  get pausedSince(): number | undefined {
    return this.since;
  }
  get paused(): boolean {
    return this.since !== undefined;
  }
  get ended(): boolean {
    return this.over;
  }
  /** How the pause is decided: by the MQTT thread when one is known by name, else by all threads. */
  get basis(): 'mqttThread' | 'allThreads' {
    return this.mqttCount > 0 ? 'mqttThread' : 'allThreads';
  }
  /** Closed spans and the current one, oldest first. */
  pauses(): readonly PauseSpan[] {
    if (this.since === undefined) return [...this.spans];
    return [...this.spans, { from: this.since, reason: this.sinceReason }];
  }

  /** Applies one fact; says whether the program just paused or resumed. */
  apply(fact: DapFact, now: number): RunChange {
    if (this.over) return undefined;
    switch (fact.kind) {
      case 'stopped':
        this.stopReason = fact.reason;
        if (fact.all || fact.threadId === undefined) this.setAll(true);
        else this.setStopped(this.thread(fact.threadId), true);
        break;
      case 'continued':
      case 'resume':
        if (fact.all || fact.threadId === undefined) this.setAll(false);
        else this.setStopped(this.thread(fact.threadId), false);
        break;
      case 'thread':
        if (fact.started) this.thread(fact.threadId);
        else this.remove(fact.threadId);
        break;
      case 'threads': {
        const ids = new Set(fact.threads.map((t) => t.id));
        for (const known of [...this.threads.keys()]) if (!ids.has(known)) this.remove(known);
        for (const t of fact.threads) this.rename(this.thread(t.id), t.name);
        break;
      }
      case 'ended':
        this.over = true;
        return this.settle(false, now);
      default:
        return undefined;
    }
    return this.settle(this.isPaused(), now);
  }

  /** The session ended without saying so (its adapter went away): a pause ends with it. */
  end(now: number): RunChange {
    if (this.over) return undefined;
    this.over = true;
    return this.settle(false, now);
  }

  private isPaused(): boolean {
    if (this.mqttCount > 0) return this.mqttStopped > 0;
    if (this.threads.size === 0) return this.allStopped;
    return this.stoppedCount === this.threads.size;
  }

  private setAll(stopped: boolean): void {
    this.allStopped = stopped;
    for (const t of this.threads.values()) t.stopped = stopped;
    this.stoppedCount = stopped ? this.threads.size : 0;
    this.mqttStopped = stopped ? this.mqttCount : 0;
  }

  private setStopped(t: Thread, stopped: boolean): void {
    if (t.stopped === stopped) return;
    t.stopped = stopped;
    if (!t.followed) return;
    const d = stopped ? 1 : -1;
    this.stoppedCount += d;
    if (t.mqtt) this.mqttStopped += d;
  }

  private rename(t: Thread, name: string): void {
    t.name = name;
    const mqtt = MQTT_THREAD.test(name.slice(0, 200));
    if (mqtt === t.mqtt) return;
    t.mqtt = mqtt;
    if (!t.followed) return;
    const d = mqtt ? 1 : -1;
    this.mqttCount += d;
    if (t.stopped) this.mqttStopped += d;
  }

  private remove(threadId: number): void {
    const t = this.threads.get(threadId);
    if (!t) return;
    this.threads.delete(threadId);
    if (t.stopped) this.stoppedCount--;
    if (t.mqtt) {
      this.mqttCount--;
      if (t.stopped) this.mqttStopped--;
    }
  }

  private thread(threadId: number): Thread {
    const known = this.threads.get(threadId);
    if (known) return known;
    const followed = this.threads.size < MAX_THREADS;
    const t: Thread = { name: '', stopped: this.allStopped, mqtt: false, followed };
    if (followed) {
      this.threads.set(threadId, t);
      if (t.stopped) this.stoppedCount++;
    }
    return t;
  }

  private settle(paused: boolean, now: number): RunChange {
    if (paused && this.since === undefined) {
      this.since = now;
      this.sinceReason = this.stopReason;
      return 'paused';
    }
    if (!paused && this.since !== undefined) {
      this.spans.push({ from: this.since, to: now, reason: this.sinceReason });
      if (this.spans.length > MAX_SPANS) this.spans.shift();
      this.since = undefined;
      return 'resumed';
    }
    return undefined;
  }
}

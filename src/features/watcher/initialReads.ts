// The first state of pinned clients that no retained monitor message told of: an application
// (its Disconnect clears the retained message), a device whose retained message expired (45
// days) or that never connected. Read once per client from the state API, a few at a time (the
// REST client paces them to the platform's 10 calls/s); 404 means "never connected": unknown.

import type { ClientState } from '../../core/clientState';
import { isPlatformError } from '../../platform/errors';
import type { WatcherProblem, WatcherRest } from './types';
import { messageOf } from '../../core/errors';

export interface InitialReadHost {
  readonly rest: WatcherRest;
  /** Pinned clients whose state is still unknown. */
  unknownIds(): string[];
  apply(record: ClientState): void;
  /** `undefined` when every read succeeded. */
  problem(problem: WatcherProblem | undefined): void;
}

const CONCURRENCY = 4;

export class InitialReads {
  /** Read (or being read) since pinned: not asked again unless the read failed. */
  private readonly done = new Set<string>();

  constructor(private readonly host: InitialReadHost) {}

  forget(clientId: string): void {
    this.done.delete(clientId);
  }

  async run(signal: AbortSignal): Promise<void> {
    const queue = this.host.unknownIds().filter((id) => !this.done.has(id));
    queue.forEach((id) => this.done.add(id));
    if (queue.length === 0) return;
    const failed: { id: string; error: unknown }[] = [];
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined && !signal.aborted; id = queue.shift()) {
        try {
          this.host.apply(await this.host.rest.getClientState(id, signal));
        } catch (error) {
          if (signal.aborted || isPlatformError(error, 'cancelled')) return;
          if (isPlatformError(error, 'notFound')) continue;
          this.done.delete(id);
          failed.push({ id, error });
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    if (signal.aborted) return;
    const first = failed[0]?.error;
    this.host.problem(
      first === undefined ? undefined : { kind: 'initialReadsFailed', failed: failed.length, detail: messageOf(first) },
    );
  }
}

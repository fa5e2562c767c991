// The ids the extension already knows for the active platform (no `vscode` import; unit-tested):
// the Clients tree's loaded pages, the pins, recent lookups, and whatever later sources add (debug
// sessions' clients, observed brokers' ids) through the one `add(source, ids)`. Recognition asks it
// whether a string value in a document is a known id, so ids of any form are found without
// guessing. Each source keeps its most recent ids up to a bound; `version` moves only when an id
// the index did not hold arrives or one leaves, so readers know when to read documents again.
import { Emitter, type Disposable, type Listener } from '../../platform/events';
import { MAX_VALUE_LENGTH } from './literals';

/** Where an id came from. Open: other features name their own sources. */
export type IdSource = 'tree' | 'pins' | 'lookups' | 'debug' | 'broker' | (string & {});

/** Per source, the most recent ids kept. */
export const IDS_PER_SOURCE = 20_000;

interface IndexEvents {
  /** Ids the index did not hold before. */
  added: readonly string[];
}

export class IdIndex {
  private readonly sources = new Map<IdSource, Map<string, true>>();
  /** How many sources hold each id. */
  private readonly counts = new Map<string, number>();
  private readonly emitter = new Emitter<IndexEvents>();
  private changes = 0;

  constructor(private readonly perSource = IDS_PER_SOURCE) {}

  /** Moves whenever the set of known ids changed. */
  get version(): number {
    return this.changes;
  }

  get size(): number {
    return this.counts.size;
  }

  has(clientId: string): boolean {
    return this.counts.has(clientId);
  }

  sourcesOf(clientId: string): IdSource[] {
    return [...this.sources].filter(([, ids]) => ids.has(clientId)).map(([source]) => source);
  }

  /** Adds ids from a source (the newest kept when it holds too many). Empty or over-long ids are ignored. */
  add(source: IdSource, ids: Iterable<string>): void {
    let held = this.sources.get(source);
    if (!held) this.sources.set(source, (held = new Map()));
    const added: string[] = [];
    for (const id of ids) {
      if (typeof id !== 'string' || id.length === 0 || id.length > MAX_VALUE_LENGTH) continue;
      if (held.has(id)) {
        held.delete(id); // re-inserted below: the most recent last
      } else if (this.hold(id)) added.push(id);
      held.set(id, true);
      if (held.size > this.perSource) this.drop(held, held.keys().next().value as string);
    }
    if (added.length > 0) {
      this.changes++;
      this.emitter.emit('added', added);
    }
  }

  /** Makes a source hold exactly these ids (e.g. the pins after one was removed). */
  replace(source: IdSource, ids: Iterable<string>): void {
    const next = new Set(ids);
    const held = this.sources.get(source);
    if (held) for (const id of [...held.keys()]) if (!next.has(id)) this.drop(held, id);
    this.add(source, next);
  }

  /** Forgets every id (the active platform changed). */
  clear(): void {
    if (this.counts.size === 0) return;
    this.sources.clear();
    this.counts.clear();
    this.changes++;
  }

  on(name: 'added', listener: Listener<readonly string[]>): Disposable {
    return this.emitter.on(name, listener);
  }

  private hold(id: string): boolean {
    const n = this.counts.get(id) ?? 0;
    this.counts.set(id, n + 1);
    return n === 0;
  }

  private drop(held: Map<string, true>, id: string): void {
    if (!held.delete(id)) return;
    const n = (this.counts.get(id) ?? 1) - 1;
    if (n > 0) this.counts.set(id, n);
    else {
      this.counts.delete(id);
      this.changes++;
    }
  }
}

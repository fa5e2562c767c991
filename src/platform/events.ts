// A tiny typed event emitter: listeners are typed by event name, and each registration returns a
// disposable (the shape VS Code's context.subscriptions takes). A listener that throws is reported
// to `onListenerError` and never stops the others or the emitter's owner. And the one way to own
// several disposables (subscriptions included): a DisposableStore.

export interface Disposable {
  dispose(): void;
}

export type Listener<T> = (value: T) => void;

export class Emitter<Events extends object> {
  private readonly listeners = new Map<keyof Events, Set<Listener<never>>>();

  constructor(private readonly onListenerError: (error: unknown) => void = () => {}) {}

  on<K extends keyof Events>(name: K, listener: Listener<Events[K]>): Disposable {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener as Listener<never>);
    return { dispose: () => void set.delete(listener as Listener<never>) };
  }

  emit<K extends keyof Events>(name: K, value: Events[K]): void {
    for (const listener of [...(this.listeners.get(name) ?? [])]) {
      try {
        (listener as Listener<Events[K]>)(value);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}

/**
 * Disposables owned together: `dispose()` disposes them last-added first, each once, and goes on past one that
 * throws (the first error is rethrown at the end). Once disposed, whatever is added is disposed at once.
 */
export class DisposableStore implements Disposable {
  private items: Disposable[] = [];
  private disposed = false;

  /** Takes `item` into the store and returns it. */
  add<T extends Disposable>(item: T): T {
    if (this.disposed) item.dispose();
    else this.items.push(item);
    return item;
  }

  /** Takes each of `items`, in order (so they are disposed in the reverse one). */
  push(...items: Disposable[]): void {
    for (const item of items) this.add(item);
  }

  /** Disposes what the store holds now, last first; the store stays open for more. */
  clear(): void {
    const items = this.items.splice(0).reverse();
    let failure: { error: unknown } | undefined;
    for (const item of items) {
      try {
        item.dispose();
      } catch (error) {
        failure ??= { error };
      }
    }
    if (failure) throw failure.error;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.clear();
  }
}

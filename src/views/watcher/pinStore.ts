// Pins in workspace state: per workspace, surviving reloads, one list per platform name (a pin
// means something on the platform it was made on). Writes go one at a time, so two quick pins
// never overwrite each other.
import * as vscode from 'vscode';
import { readPins, withoutPin, withPin } from '../../features/watcher/pins';

const KEY = 'iotConnectivity.pins';

export class PinStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the platform's name when its pins changed. */
  readonly onDidChange = this.changed.event;
  private writing: Promise<unknown> = Promise.resolve();

  constructor(private readonly memento: vscode.Memento) {}

  list(platform: string): readonly string[] {
    return readPins(this.memento.get<unknown>(KEY))[platform] ?? [];
  }

  has(platform: string, clientId: string): boolean {
    return this.list(platform).includes(clientId);
  }

  /** False when it was pinned already. */
  pin(platform: string, clientId: string): Promise<boolean> {
    return this.update(platform, (list) => withPin(list, clientId));
  }

  /** False when it was not pinned. */
  unpin(platform: string, clientId: string): Promise<boolean> {
    return this.update(platform, (list) => withoutPin(list, clientId));
  }

  private update(platform: string, change: (list: readonly string[]) => string[]): Promise<boolean> {
    const run = this.writing.then(async () => {
      const all = readPins(this.memento.get<unknown>(KEY));
      const before = all[platform] ?? [];
      const after = change(before);
      if (after.length === before.length && after.every((id, i) => id === before[i])) return false;
      if (after.length > 0) all[platform] = after;
      else delete all[platform];
      await this.memento.update(KEY, all);
      this.changed.fire(platform);
      return true;
    });
    this.writing = run.catch(() => undefined);
    return run;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

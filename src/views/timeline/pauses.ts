// Where the timelines get the pauses of the window's debug sessions from (the debugging loop, once
// it is wired in extension.ts), and when to draw them again.
import * as vscode from 'vscode';
import type { DebugPause } from '../../shared/protocol';

export class TimelinePauses implements vscode.Disposable {
  private source: () => readonly DebugPause[] = () => [];
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;

  follow(source: () => readonly DebugPause[]): void {
    this.source = source;
    this.emitter.fire();
  }

  /** A pause began or ended. */
  changed(): void {
    this.emitter.fire();
  }

  get(): readonly DebugPause[] {
    return this.source();
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

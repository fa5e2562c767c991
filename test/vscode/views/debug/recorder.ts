// What every debug adapter says to VS Code and VS Code to it, per session, as a tracker on every
// debug type sees it; for tests that check what an adapter tells (docs/debug-adapters.md).
import * as vscode from 'vscode';

export interface DapMessage {
  /** Epoch ms when the tracker saw it. */
  t: number;
  session: vscode.DebugSession;
  /**
   * 'toAdapter': requests (and reverse-request responses) from VS Code;
   * 'fromAdapter': events, responses, reverse requests.
   */
  direction: 'toAdapter' | 'fromAdapter';
  type: string;
  /** The request's command or the event's name. */
  name: string;
  body: Record<string, unknown>;
}

export class DapRecorder implements vscode.Disposable {
  readonly messages: DapMessage[] = [];
  /** Sessions in the order their trackers were made. */
  readonly sessions: vscode.DebugSession[] = [];
  /** Each session's name when its tracker was made: VS Code may rename it later. */
  readonly firstNames = new Map<string, string>();
  private readonly registration: vscode.Disposable;

  constructor() {
    this.registration = vscode.debug.registerDebugAdapterTrackerFactory('*', {
      createDebugAdapterTracker: (session) => {
        this.sessions.push(session);
        this.firstNames.set(session.id, session.name);
        const note = (direction: DapMessage['direction']) => (m: Record<string, unknown>) => {
          const name = String(m.command ?? m.event ?? '');
          if (name === 'output' || name === 'loadedSource') return;
          this.messages.push({
            t: Date.now(),
            session,
            direction,
            type: String(m.type),
            name,
            body: (m.body ?? m.arguments ?? {}) as Record<string, unknown>,
          });
        };
        return { onWillReceiveMessage: note('toAdapter'), onDidSendMessage: note('fromAdapter') };
      },
    });
  }

  /** Events of one name from the adapter, of one session or all. */
  events(name: string, session?: vscode.DebugSession): DapMessage[] {
    return this.messages.filter(
      (m) => m.type === 'event' && m.name === name && (session === undefined || m.session.id === session.id),
    );
  }

  requests(name: string, session?: vscode.DebugSession): DapMessage[] {
    return this.messages.filter(
      (m) =>
        m.type === 'request' &&
        m.direction === 'toAdapter' &&
        m.name === name &&
        (session === undefined || m.session.id === session.id),
    );
  }

  dispose(): void {
    this.registration.dispose();
  }
}

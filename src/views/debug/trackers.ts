// Every debug session of every type, as VS Code tells it, handed to the debug sessions' book: a
// tracker on '*' sees what the adapter and VS Code say to each other (it is the first sign of a
// session: js-debug's child talks before VS Code says it started), and the start and end events
// make sure no session is missed or kept. Trackers hold nothing: one per session, gone with it.
import * as vscode from 'vscode';
import type { DebugSessions } from '../../features/debug/sessions';

function startOf(session: vscode.DebugSession) {
  const request = session.configuration.request;
  return {
    id: session.id,
    name: session.name,
    type: session.type,
    parentId: session.parentSession?.id,
    request: typeof request === 'string' ? request : undefined,
  };
}

export function followDebugSessions(book: DebugSessions, now: () => number = Date.now): vscode.Disposable {
  const start = (session: vscode.DebugSession) => book.start(startOf(session), now());
  return vscode.Disposable.from(
    vscode.debug.registerDebugAdapterTrackerFactory('*', {
      createDebugAdapterTracker(session) {
        start(session);
        return {
          onWillReceiveMessage: (m: unknown) => book.toAdapter(session.id, m, now()),
          onDidSendMessage: (m: unknown) => {
            // VS Code renames a session without an event (js-debug's child gets its parent's name).
            book.rename(session.id, session.name);
            book.fromAdapter(session.id, m, now());
          },
          onExit: () => book.end(session.id, now()),
        };
      },
    }),
    vscode.debug.onDidStartDebugSession(start),
    vscode.debug.onDidTerminateDebugSession((session) => book.end(session.id, now())),
  );
}

// Where the platform layer writes what it does. The extension passes its LogOutputChannel (which
// has these methods), the sandbox and tests pass their own; nothing here knows VS Code.
// Lines never contain the API token: callers of the platform layer may show them to anyone.

export interface PlatformLog {
  debug?(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** A log of one component, with every level (the extension's log channel gives these). */
export interface ComponentLog extends PlatformLog {
  trace(message: string): void;
  debug(message: string): void;
}

/** Where components get their logs: the extension's channel, or a test's. */
export interface LogSource {
  for(component: string): ComponentLog;
}

export const silentLog: PlatformLog = { info() {}, warn() {}, error() {} };

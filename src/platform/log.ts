// Where the platform layer writes what it does. The extension passes its LogOutputChannel (which
// has these methods), the sandbox and tests pass their own; nothing here knows VS Code.
// Lines never contain the API token: callers of the platform layer may show them to anyone.

export interface PlatformLog {
  debug?(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const silentLog: PlatformLog = { info() {}, warn() {}, error() {} };

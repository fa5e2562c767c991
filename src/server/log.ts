// The sandbox logs to stderr, one line per event, tagged by component; stdout carries only the
// ready line. Tests pass a quiet or capturing logger.

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** The same logger with a component tag. */
  child(component: string): Logger;
}

// stderr on a pipe is written synchronously, one system call per write: an observed broker's burst of events would
// pay one per line on the path to the monitor messages. The lines of one turn of the event loop go out in one write,
// right after it; whatever is left is written when the process exits.
let pending: string[] = [];
let flushing = false;
let onExit = false;

/** Writes the lines not written yet, now. */
export function flushStderr(): void {
  if (pending.length === 0) return;
  const text = pending.join('');
  pending = [];
  process.stderr.write(text);
}

function writeLine(text: string): void {
  pending.push(text);
  if (!onExit) {
    onExit = true;
    process.on('exit', flushStderr);
  }
  if (flushing) return;
  flushing = true;
  setImmediate(() => {
    flushing = false;
    flushStderr();
  });
}

export function stderrLogger(component = 'sandbox'): Logger {
  const line = (level: string, message: string) =>
    writeLine(`${new Date().toISOString()} ${level} [${component}] ${message}\n`);
  return {
    info: (m) => line('info', m),
    warn: (m) => line('warn', m),
    error: (m) => line('error', m),
    child: (c) => stderrLogger(`${component}/${c}`),
  };
}

/** Keeps lines in memory (tests read them); prints nothing. */
export function memoryLogger(lines: string[] = [], component = 'sandbox'): Logger & { lines: string[] } {
  const push = (level: string) => (m: string) => void lines.push(`${level} [${component}] ${m}`);
  return {
    lines,
    info: push('info'),
    warn: push('warn'),
    error: push('error'),
    child: (c) => memoryLogger(lines, `${component}/${c}`),
  };
}

// The sandbox logs to stderr, one line per event, tagged by component; stdout carries only the
// ready line. Tests pass a quiet or capturing logger.

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  /** The same logger with a component tag. */
  child(component: string): Logger;
}

export function stderrLogger(component = 'sandbox'): Logger {
  const line = (level: string, message: string) =>
    process.stderr.write(`${new Date().toISOString()} ${level} [${component}] ${message}\n`);
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

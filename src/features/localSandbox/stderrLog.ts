// The sandbox's stderr lines (`{ISO time} {level} [{component}] {message}`) into the extension's
// log channel at their own level, without the sandbox's timestamp (the channel has its own).
// Anything else it prints (a crash's stack) goes in as a warning. Lines are untrusted text: they
// carry client ids the broker accepted, so they are made plain and bounded.
import { plainText } from '../../core/text';
import type { ComponentLog } from '../../platform/log';

const LINE = /^\S+ (info|warn|error) (.*)$/s;
const MAX_LINE = 2000;

export function logSandboxLine(log: ComponentLog, line: string): void {
  const match = LINE.exec(line);
  const text = plainText(match ? match[2] : line, MAX_LINE);
  if (text === '') return;
  const level = match ? (match[1] as 'info' | 'warn' | 'error') : 'warn';
  log[level](text);
}

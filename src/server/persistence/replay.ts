// Reads a journal back into a store. A last line without its newline is a write torn by a crash:
// it was never acknowledged, so it is skipped with a log line and cut off the file (the next
// append must not glue onto it). Damaged lines elsewhere are skipped and logged.

import * as fs from 'node:fs';
import type { Logger } from '../log';
import type { SandboxStore } from '../store/store';
import { isStoreOp } from './validate';

const NEWLINE = 0x0a;

export interface ReplayResult {
  /** Operations applied. */
  applied: number;
  /** Lines skipped (damaged, or the torn last one). */
  skipped: number;
}

function readOp(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function replayJournal(file: string, store: SandboxStore, log: Logger): ReplayResult {
  if (!fs.existsSync(file)) return { applied: 0, skipped: 0 };
  const data = fs.readFileSync(file);
  let applied = 0,
    skipped = 0,
    pos = 0,
    line = 0;
  while (pos < data.length) {
    const end = data.indexOf(NEWLINE, pos);
    line++;
    if (end < 0) {
      log.warn(
        `journal ${file}: the last line (${data.length - pos} bytes, line ${line}) is incomplete, from a crash ` +
          `during a write; it is skipped`,
      );
      fs.truncateSync(file, pos);
      skipped++;
      break;
    }
    const text = data.toString('utf8', pos, end);
    pos = end + 1;
    if (text.trim() === '') continue;
    const op = readOp(text);
    if (!isStoreOp(op)) {
      log.warn(`journal ${file}: line ${line} is not a store operation; skipped`);
      skipped++;
      continue;
    }
    store.replayOne(op);
    applied++;
  }
  return { applied, skipped };
}

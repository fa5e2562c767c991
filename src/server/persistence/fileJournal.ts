// The journal on disk: one JSON line per change, written synchronously before the change is
// applied and acknowledged. The write reaches the kernel before the caller goes on, so a killed
// process (kill -9) loses nothing it acknowledged; a power cut may lose the last moments (fsync on
// every change would cost milliseconds per client activity). When the file grows well past the
// live state, it is compacted: snapshot to a temp file, fsync, rename over the journal.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Logger } from '../log';
import type { Journal, StoreOp } from '../store/types';

/** What the journal needs from the store to compact itself. */
export interface Compactable {
  snapshot(): Iterable<StoreOp>;
  liveOpCount(): number;
}

/** Compact when the file holds more than this many times the live operations (plus slack). */
const GROWTH_FACTOR = 3;
const MIN_OPS_BEFORE_COMPACTION = 20_000;
const WRITE_CHUNK_BYTES = 1 << 20;

function writeAll(fd: number, data: Buffer): void {
  let written = 0;
  while (written < data.length) written += fs.writeSync(fd, data, written, data.length - written);
}

/** Writes the snapshot to `file` atomically; returns the number of operations written. */
export function writeSnapshot(file: string, ops: Iterable<StoreOp>): number {
  const tmp = `${file}.compacting`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  let count = 0;
  try {
    let pending: string[] = [];
    let size = 0;
    for (const op of ops) {
      const line = `${JSON.stringify(op)}\n`;
      pending.push(line);
      size += line.length;
      count++;
      if (size >= WRITE_CHUNK_BYTES) {
        writeAll(fd, Buffer.from(pending.join(''), 'utf8'));
        pending = [];
        size = 0;
      }
    }
    writeAll(fd, Buffer.from(pending.join(''), 'utf8'));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  // Make the rename itself durable.
  const dir = fs.openSync(path.dirname(file), 'r');
  try {
    fs.fsyncSync(dir);
  } finally {
    fs.closeSync(dir);
  }
  return count;
}

export class FileJournal implements Journal {
  private fd: number | undefined;

  constructor(
    private readonly file: string,
    private readonly store: Compactable,
    private readonly log: Logger,
    /** Lines already in the file. */
    private opsInFile: number,
  ) {
    this.fd = fs.openSync(file, 'a', 0o600);
  }

  append(op: StoreOp): void {
    if (this.fd === undefined) throw new Error('the store is closed');
    // Compact before writing: the snapshot is the state before this change, which follows it.
    if (this.opsInFile > MIN_OPS_BEFORE_COMPACTION && this.opsInFile > GROWTH_FACTOR * this.store.liveOpCount()) {
      this.compact();
    }
    writeAll(this.fd, Buffer.from(`${JSON.stringify(op)}\n`, 'utf8'));
    this.opsInFile++;
  }

  compact(): void {
    if (this.fd === undefined) return;
    const started = performance.now();
    const before = this.opsInFile;
    fs.closeSync(this.fd);
    this.fd = undefined;
    try {
      this.opsInFile = writeSnapshot(this.file, this.store.snapshot());
    } finally {
      this.fd = fs.openSync(this.file, 'a', 0o600);
    }
    this.log.info(
      `journal compacted: ${before} → ${this.opsInFile} lines in ${(performance.now() - started).toFixed(0)} ms`,
    );
  }

  close(): void {
    if (this.fd === undefined) return;
    fs.fsyncSync(this.fd);
    fs.closeSync(this.fd);
    this.fd = undefined;
  }
}

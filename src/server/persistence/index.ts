// The sandbox's store, kept in memory and, with a data dir, journaled to disk: registry, API
// keys, client states and connection logs survive a restart and a crash.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Logger } from '../log';
import { SandboxStore } from '../store/store';
import type { Journal } from '../store/types';
import { FileJournal } from './fileJournal';
import { lockDataDir } from './lock';
import { replayJournal } from './replay';

export const JOURNAL_FILE = 'journal.jsonl';
export const LOCK_FILE = 'sandbox.lock';

/**
 * A journal that also releases the data dir's lock when closed (once: a second close must not remove a lock another
 * process has taken since).
 */
function releasingOnClose(journal: Journal, release: () => void): Journal {
  let open = true;
  return {
    append: (op) => journal.append(op),
    close: () => {
      if (!open) return;
      open = false;
      try {
        journal.close();
      } finally {
        release();
      }
    },
  };
}

/** Opens the store: memory only when `dataDir` is undefined, else replayed from and journaled to it. */
export function openStore(dataDir: string | undefined, log: Logger): SandboxStore {
  const store = new SandboxStore();
  if (dataDir === undefined) return store;
  const plog = log.child('store');
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const release = lockDataDir(path.join(dataDir, LOCK_FILE));
  try {
    const file = path.join(dataDir, JOURNAL_FILE);
    fs.rmSync(`${file}.compacting`, { force: true }); // a compaction cut short; the journal is intact
    const started = performance.now();
    const { applied, skipped } = replayJournal(file, store, plog);
    plog.info(
      `opened ${file}: ${applied} changes replayed${skipped > 0 ? `, ${skipped} skipped` : ''} in ` +
        `${(performance.now() - started).toFixed(0)} ms`,
    );
    store.setJournal(releasingOnClose(new FileJournal(file, store, plog, applied + skipped), release));
    return store;
  } catch (err) {
    release();
    throw err;
  }
}

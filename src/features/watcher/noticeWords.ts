// A watcher notification in words (no `vscode` import; unit-tested): the policy decides what to
// tell as facts (notifyPolicy.ts), the notifier shows these words.

import { stormWords, transitionWords } from '../../core/presence/words';
import type { WatcherNotice } from './notifyPolicy';

export function noticeWords(notice: WatcherNotice): string {
  return notice.kind === 'storm' ? stormWords(notice.summary) : transitionWords(notice.transition);
}

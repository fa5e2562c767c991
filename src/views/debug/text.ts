// The debugging loop's words, translated (features/debug/words.ts gives templates and arguments).
import * as vscode from 'vscode';
import type { Words } from '../../features/debug/words';

export function t(w: Words): string {
  return vscode.l10n.t(w.template, ...w.args.map((a) => (typeof a === 'object' ? t(a) : a)));
}

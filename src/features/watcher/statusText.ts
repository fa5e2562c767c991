// Untrusted text inside a status-bar item's text (no `vscode` import; unit-tested). VS Code
// renders `$(name)` there as an icon, so a device named `$(check)` could show a tick that is not
// ours: icon syntax is removed from untrusted parts, and plainText drops control and bidirectional
// characters (which could make "evil" read as "live") and bounds the length.

import { plainText } from '../../core/text';

// Also in the form plainText leaves it (`$\u2009(`, core/text.ts): removed either way.
const ICON = /\$\u2009?\([^)]*\)?/g;

export function statusBarSafe(text: string, max = 40): string {
  // Cut first (never scan a megabyte), then remove icons, and any `$(` a removal may have joined.
  let out = plainText(text, max * 2 + 8).replace(ICON, '');
  while (/\$\u2009?\(/.test(out)) out = out.replace(/\$\u2009?\(/g, '(');
  return plainText(out.trim(), max);
}

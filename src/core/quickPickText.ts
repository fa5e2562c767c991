// Untrusted text in a QuickPick label or description (no `vscode` import): those render
// `$(icon)` codicons, so the syntax is broken up; plainText removes control and bidi characters.

import { plainText } from './text';

export function quickPickText(text: string, max = 120): string {
  return plainText(text, max).replace(/\$\(/g, '$\u2009(');
}

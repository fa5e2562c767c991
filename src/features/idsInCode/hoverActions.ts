// The actions a hover offers for a client id, and the `command:` links that run them (no
// `vscode` import; unit-tested). Each is one of the extension's own commands with an argument it
// checks; the id travels JSON-encoded inside the link, never as Markdown. In an untrusted
// workspace only what reads is offered (Show Timeline, Copy Client ID): nothing that pins, or that
// registers a device on the platform because a file said so.
import { isDeviceLike, parseClientId } from '../../core/ids';
import { Command, type CommandId } from '../../shared/commands';
import type { Lookup } from './lookupTypes';

export type HoverAction =
  | { readonly kind: 'timeline' | 'pin' | 'unpin' | 'copy'; readonly command: CommandId; readonly arg: string }
  | {
      readonly kind: 'register';
      readonly command: CommandId;
      readonly arg: { readonly typeId: string; readonly deviceId: string; readonly ask: true };
    };

/** Ids longer than this get no links (a link carries the whole id). */
export const MAX_LINKED_ID = 4096;

export interface HoverContext {
  readonly trusted: boolean;
  readonly pinned: boolean;
  /** The active platform's organization, when known: Register Device makes ids of that org only. */
  readonly orgId?: string;
}

export function hoverActions(clientId: string, lookup: Lookup | undefined, c: HoverContext): HoverAction[] {
  if (clientId.length > MAX_LINKED_ID) return [];
  const copy: HoverAction = { kind: 'copy', command: Command.copyClientId, arg: clientId };
  if (lookup?.kind === 'notFound') {
    const parsed = parseClientId(clientId);
    const registrable =
      c.trusted &&
      parsed !== undefined &&
      parsed.kind === 'device' &&
      isDeviceLike(parsed) &&
      (c.orgId === undefined || parsed.orgId === c.orgId);
    return registrable
      ? [
          {
            kind: 'register',
            command: Command.registerDevice,
            arg: { typeId: parsed.typeId, deviceId: parsed.deviceId, ask: true },
          },
          copy,
        ]
      : [copy];
  }
  const timeline: HoverAction = { kind: 'timeline', command: Command.showTimeline, arg: clientId };
  if (!c.trusted) return [timeline, copy];
  const pin: HoverAction = c.pinned
    ? { kind: 'unpin', command: Command.unpinClient, arg: clientId }
    : { kind: 'pin', command: Command.pinClient, arg: clientId };
  return [timeline, pin, copy];
}

/** `command:<id>?<arguments>`, the arguments JSON in the query, with every character a Markdown
 *  link destination could end at (`(`, `)`, spaces, `<`, `>`) percent-encoded. */
export function commandUri(command: CommandId, ...args: unknown[]): string {
  const query = encodeURIComponent(JSON.stringify(args)).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `command:${command}?${query}`;
}

/** The commands hover links may run (a MarkdownString's `enabledCommands`). */
export const HOVER_COMMANDS: readonly CommandId[] = [
  Command.showTimeline,
  Command.pinClient,
  Command.unpinClient,
  Command.copyClientId,
  Command.registerDevice,
];

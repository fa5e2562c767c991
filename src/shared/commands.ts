// Every command of the extension in one place: its id, what internal callers may pass it and what
// it returns. Features and views import this file; package.json's contributions are checked
// against it (test/unit/manifest). No `vscode` import.
//
// A command may also be run from outside the extension (menus, `command:` links, keybindings,
// other extensions) with any argument at all: handlers therefore receive `unknown` in each
// position and check it (see CommandHandlers); the types below bind the extension's own callers.
import type { ClientState } from '../core/clientState';
import type { StateQuery } from '../core/query';

export const Command = {
  showLog: 'iotConnectivity.showLog',
  refresh: 'iotConnectivity.refresh',
  queryClients: 'iotConnectivity.queryClients',
  clearQuery: 'iotConnectivity.clearQuery',
  showClient: 'iotConnectivity.showClient',
  showDetails: 'iotConnectivity.showDetails',
  copyClientId: 'iotConnectivity.copyClientId',
  showTimeline: 'iotConnectivity.showTimeline',
  connectPlatform: 'iotConnectivity.connectPlatform',
  selectPlatform: 'iotConnectivity.selectPlatform',
  setCredentials: 'iotConnectivity.setCredentials',
  removePlatform: 'iotConnectivity.removePlatform',
  enableClientState: 'iotConnectivity.enableClientState',
  startLocalSandbox: 'iotConnectivity.startLocalSandbox',
  stopLocalSandbox: 'iotConnectivity.stopLocalSandbox',
  watchBroker: 'iotConnectivity.watchBroker',
  watchBrokerAgain: 'iotConnectivity.watchBrokerAgain',
  registerDevice: 'iotConnectivity.registerDevice',
  pinClient: 'iotConnectivity.pinClient',
  unpinClient: 'iotConnectivity.unpinClient',
  showPinned: 'iotConnectivity.showPinned',
  /** The lines that fix a problem of the observed broker, from its row in the Clients tree. */
  copySourceFix: 'iotConnectivity.copySourceFix',
  /** Internal: the "Load more…" leaf of the Clients tree (not contributed). */
  loadMore: 'iotConnectivity.loadMore',
} as const;

export type CommandId = (typeof Command)[keyof typeof Command];

/**
 * The mark of the extension's own callers (tree actions, notification buttons), passed last to the
 * commands that change where a token goes (connectPlatform, selectPlatform, setCredentials). It is
 * compared by identity: JSON, all a `command:` link can carry, cannot make it, and it is not given
 * to other extensions. Without it, those commands ask the person before acting on an argument
 * (views/commands/outsideCall.ts).
 */
export interface OwnCall {
  readonly ownCall: 'iotConnectivity';
}
export const OWN_CALL: OwnCall = Object.freeze({ ownCall: 'iotConnectivity' as const });

export function isOwnCall(value: unknown): value is OwnCall {
  return value === OWN_CALL;
}

/** A client as commands take it: its id, a state record, or a tree row that carries one. */
export type ClientArg = string | ClientState | { readonly state: ClientState };

/** "Connect to Platform…": a platform's name to edit, or a draft of its fields. */
export type ConnectArg = string | { readonly [field: string]: unknown };

export type ConnectOutcome =
  | { readonly ok: true; readonly name: string; readonly clientStateEnabled: boolean }
  | { readonly ok: false; readonly cancelled?: boolean; readonly message: string };

export interface StartedSandbox {
  /** The sandbox process (for the tests: it is a real child process). */
  readonly pid: number;
  readonly apiUrl: string;
  readonly mqttUrl: string;
  readonly fleetSize: number;
  readonly alreadyRunning: boolean;
}

/** A broker watched by a server this window runs (Watch a Broker…), now the active platform. */
export interface WatchedBroker {
  readonly name: string;
  readonly apiUrl: string;
  readonly mqttUrl: string;
  /** The server process (for the tests: it is a real child process). */
  readonly pid: number;
}

export interface RegisteredDevice {
  readonly clientId: string;
  readonly typeId: string;
  readonly deviceId: string;
  /** The document with the snippets. */
  readonly uri: string;
}

/** Each command's parameters (as the extension's own callers pass them) and result. */
export interface CommandSignatures {
  [Command.showLog]: () => void;
  [Command.refresh]: () => void;
  [Command.queryClients]: (query?: StateQuery) => StateQuery | undefined;
  [Command.clearQuery]: () => void;
  [Command.showClient]: (clientOrDeviceId?: string) => ClientState | undefined;
  [Command.showDetails]: (client: ClientArg) => void;
  [Command.copyClientId]: (client: ClientArg) => void;
  [Command.showTimeline]: (client?: ClientArg) => void;
  [Command.connectPlatform]: (platform?: ConnectArg, caller?: OwnCall) => ConnectOutcome;
  [Command.selectPlatform]: (platformName?: string, caller?: OwnCall) => void;
  [Command.setCredentials]: (platformName?: string, caller?: OwnCall) => void;
  [Command.removePlatform]: (platformName?: string) => void;
  [Command.enableClientState]: () => void;
  [Command.startLocalSandbox]: (options?: { readonly fleetSize?: number }) => StartedSandbox;
  /** Whether a sandbox was running and is now stopped. */
  [Command.stopLocalSandbox]: () => boolean;
  /** Asks which broker; undefined when the person backed out. Takes no argument (it asks for a password). */
  [Command.watchBroker]: () => WatchedBroker | undefined;
  /** Starts the server watching the active platform's broker again (as after a restart of VS Code); undefined when
   *  it runs already or the active platform is no watched broker's. Takes no argument. */
  [Command.watchBrokerAgain]: () => WatchedBroker | undefined;
  /** With a target: registers it at once; with `ask: true`, asks the questions with it filled in. */
  [Command.registerDevice]: (target?: {
    readonly typeId: string;
    readonly deviceId: string;
    readonly ask?: boolean;
  }) => RegisteredDevice | undefined;
  [Command.pinClient]: (client?: ClientArg) => boolean;
  [Command.unpinClient]: (client?: ClientArg) => boolean;
  [Command.showPinned]: () => void;
  /** Whether there was a fix to copy. */
  [Command.copySourceFix]: (node: object) => boolean;
  [Command.loadMore]: (node: object) => void;
}

export type CommandArgs<K extends CommandId> = Parameters<CommandSignatures[K]>;
export type CommandResult<K extends CommandId> = ReturnType<CommandSignatures[K]>;

/** A handler gets `unknown` in each parameter position (it must check) and returns the command's result. */
export type CommandHandler<K extends CommandId> = (
  ...args: Unchecked<CommandArgs<K>>
) => CommandResult<K> | Promise<CommandResult<K>>;

/** The same parameter list with every position `unknown` (optional ones stay optional). */
type Unchecked<T extends readonly unknown[]> = { [I in keyof T]: unknown };

/** One handler per command: a missing command is a compile error where they are put together. */
export type CommandHandlers = { readonly [K in CommandId]: CommandHandler<K> };

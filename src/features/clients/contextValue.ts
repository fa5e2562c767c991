// The capabilities a client item advertises in its contextValue (no `vscode` import), matched in
// package.json menus with `viewItem =~ /…/`: `client;device;hasLog;connected` (kinds: device,
// gateway, application, other). Always starts with `client;`. Menu groups of the item's context
// menu: 1_inspect (Show Details), 2_timeline (Show Connection Timeline, for `hasLog`), 3_pin
// (Pin/Unpin), 9_copy (Copy Client ID).

import type { ClientState } from '../../core/clientState';
import { logAddressOf, parseClientId } from '../../core/ids';

/** The capability of the window's own monitor connection: its row says so (clientNode.ts). */
export const THIS_WINDOW = 'thisWindow';

/** Adds capabilities from other features (e.g. `pinned`), given the client's state. */
export type CapabilityProvider = (state: ClientState) => string | undefined;

export function clientContextValue(state: ClientState, providers: readonly CapabilityProvider[] = []): string {
  const id = parseClientId(state.id);
  const kind = id?.kind === 'gateway' ? 'gateway' : id?.kind === 'device' ? 'device' : id ? 'application' : 'other';
  const caps = ['client', kind];
  // The Logs API serves devices and gateways, and ids of other forms by client id (platform-contract.md §3, §7.2).
  if (logAddressOf(state.id) !== undefined) caps.push('hasLog');
  caps.push(state.status);
  for (const provide of providers) {
    const cap = provide(state);
    if (cap && /^[A-Za-z][\w-]*$/.test(cap)) caps.push(cap);
  }
  return caps.join(';');
}

// The client a command is about: a tree item's node, a state record (from "Show Client…"), or
// nothing (the palette; these commands are hidden there).
import type { ClientState } from '../../core/clientState';
import { isClientStateNode } from '../clients/node';

export function clientStateOf(arg: unknown): ClientState | undefined {
  if (isClientStateNode(arg)) return arg.state;
  if (
    typeof arg === 'object' &&
    arg !== null &&
    typeof (arg as ClientState).id === 'string' &&
    typeof (arg as ClientState).raw === 'object'
  ) {
    return arg as ClientState;
  }
  return undefined;
}

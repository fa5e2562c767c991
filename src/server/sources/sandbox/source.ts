// `GET /config/source` for the server's own broker (platform-contract.md §7.2): it lists every connected client,
// keeps the platform's whole history, can hold a paused client's keep-alive (§8), and is always heard.

import type { SourceInfoWire } from '../../../core/source';
import { toIso } from '../../../core/time';

export function sandboxSource(
  brokerUrl: string,
  since: number,
  connectedCount: () => number,
  holdKeepAlive: () => boolean,
): () => SourceInfoWire {
  const observingSince = toIso(since);
  return () => ({
    kind: 'sandbox',
    broker: brokerUrl,
    observingSince,
    connectedCount: connectedCount(),
    nodes: [],
    capabilities: { listsConnected: true, history: 'platform', holdKeepAlive: holdKeepAlive() },
    sourceStatus: 'connected',
    diagnostics: [],
  });
}

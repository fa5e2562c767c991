// The active platform as features see it: its settings resolved, its REST client and the
// credentials for other protocols; or why there is none (and which command would fix that).
import type { ProxySettings } from '../../platform/proxy/agents';
import type { PlatformRestClient } from '../../platform/rest/client';
import type { ResolvedPlatform } from './config';

export interface ActivePlatform {
  readonly name: string;
  readonly resolved: ResolvedPlatform;
  readonly rest: PlatformRestClient;
  /** For clients of other protocols (the MQTT monitor): never log or show these. */
  readonly credentials: { readonly apiKey: string; readonly apiToken: string; readonly ca?: string };
  /** VS Code's proxy settings, for the monitor's MQTT over WebSocket; none: direct. */
  readonly proxy?: ProxySettings;
}

/** What would fix a problem: a command of this extension (`localToken`: Set Credentials, which offers the
 *  token a local sandbox on this machine keeps; `watchAgain`: start the server watching the broker again, or
 *  Watch a Broker… to change it). */
export type PlatformFix = 'connect' | 'setCredentials' | 'select' | 'localToken' | 'watchAgain';

/** A problem another feature knows of a platform (its server could not start), shown instead of its status. */
export interface KnownProblem {
  readonly message: string;
  readonly fix: PlatformFix;
}

export type PlatformStatus =
  | { readonly kind: 'none' }
  | { readonly kind: 'problem'; readonly name?: string; readonly message: string; readonly fix: PlatformFix }
  | { readonly kind: 'ready'; readonly platform: ActivePlatform };

// The window's one monitor connection per active platform, owned here and disposed with the
// window. The pinned-client watcher and every open timeline take leases on it (sharedMonitor.ts);
// none of them connects on its own.
// The app id is unique to the window, so two windows (or a reload racing the old one) never throw
// each other off with the same id (288). A platform whose connection differs (another platform,
// new credentials) replaces the monitor: leases on the old one are told it closed.

import { randomBytes } from 'crypto';
import { orgFromApiKey } from '../../core/ids';
import type { PlatformLog } from '../../platform/log';
import type { ActivePlatform } from '../platforms/active';
import { SharedMonitor, type SharedMonitorOptions } from './sharedMonitor';
import type { MonitorLease } from './types';
import { messageOf } from '../../core/errors';

export type LeaseResult =
  { readonly ok: true; readonly lease: MonitorLease } | { readonly ok: false; readonly reason: string };

type Tuning = Partial<Pick<SharedMonitorOptions, 'backoff' | 'keepaliveSeconds' | 'coverThreshold'>>;

export class WindowMonitor {
  readonly appId = `iotc-monitor-${randomBytes(6).toString('hex')}`;
  private current?: { readonly key: string; readonly platformName: string; readonly monitor: SharedMonitor };

  constructor(
    private readonly log: PlatformLog,
    private readonly tuning: Tuning = {},
  ) {}

  /** The MQTT client id of the current connection, when there is a monitor. */
  get clientId(): string | undefined {
    return this.current?.monitor.clientId;
  }
  /** The current monitor (tests, the log); leases are how its users reach it. */
  get monitor(): SharedMonitor | undefined {
    return this.current?.monitor;
  }

  /** A lease on this platform's monitor, or why it cannot be watched. */
  lease(platform: ActivePlatform): LeaseResult {
    const { mqttUrl } = platform.resolved;
    const orgId = platform.resolved.orgId ?? orgFromApiKey(platform.resolved.apiKey);
    if (!mqttUrl) {
      return {
        ok: false,
        reason: `platform "${platform.name}" has no MQTT URL, so its monitor topics cannot be watched`,
      };
    }
    if (!orgId) {
      return { ok: false, reason: `the organization of platform "${platform.name}" is not known (set its orgId)` };
    }
    const { apiKey, apiToken, ca } = platform.credentials;
    // Everything the connection is made of: the same platform read again keeps its connection.
    const key = JSON.stringify([
      mqttUrl,
      orgId,
      apiKey,
      apiToken,
      ca ?? '',
      platform.resolved.rejectUnauthorized ?? true,
      platform.proxy ?? null,
    ]);
    if (this.current?.key !== key) {
      const startAfter = this.retire();
      let monitor: SharedMonitor;
      try {
        monitor = new SharedMonitor({
          mqttUrl,
          orgId,
          appId: this.appId,
          apiKey,
          apiToken,
          ca,
          rejectUnauthorized: platform.resolved.rejectUnauthorized,
          proxy: platform.proxy,
          log: this.log,
          startAfter,
          ...this.tuning,
        });
      } catch (error) {
        return { ok: false, reason: messageOf(error) };
      }
      this.current = { key, platformName: platform.name, monitor };
      this.log.info(`monitor: the window's monitor of ${platform.name} is ${monitor.clientId}`);
    }
    return { ok: true, lease: this.current.monitor.lease() };
  }

  dispose(): Promise<void> {
    return this.retire();
  }

  private retire(): Promise<void> {
    const old = this.current;
    this.current = undefined;
    return old
      ? old.monitor
          .dispose()
          .catch((error: unknown) => this.log.warn(`monitor: did not close cleanly: ${String(error)}`))
      : Promise.resolve();
  }
}

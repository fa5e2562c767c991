// The platforms a person has set up and the active one, with its REST client. Settings come from
// user scope only (settings.ts), tokens from secret storage (secrets.ts). Everything that talks
// to the platform asks this service for the active platform and listens to onDidChange.
import * as vscode from 'vscode';
import { PlatformRestClient } from '../../platform/rest/client';
import type { Log } from '../log';
import type { TokenStore } from '../secrets';
import { onSettingsChanged, settings, updateUserSetting } from '../settings';
import { PLATFORM_SETTINGS, Setting } from '../settingKeys';
import { readCaFile } from '../../features/platforms/caFile';
import {
  readPlatforms,
  resolvePlatform,
  settingsEntry,
  withoutPlatform,
  withPlatform,
  type PlatformConfig,
  type ResolvedPlatform,
} from '../../features/platforms/config';
import { tokenFit } from '../../features/platforms/tokenBinding';
import type { KnownProblem, PlatformStatus } from '../../features/platforms/active';
import { plainText } from '../../core/text';
import { messageOf } from '../../core/errors';
import { DisposableStore } from '../../platform/events';
import type { ProxySettings } from '../../platform/proxy/agents';
import { onProxySettingsChanged, proxySettings } from '../proxySettings';
import type { KeptToken, KeptTokenTarget } from '../../features/localSandbox/keptToken';

/** The token a local sandbox on this machine keeps for a platform (features/localSandbox/keptToken.ts). */
export type KeptTokenFinder = (target: KeptTokenTarget) => Promise<KeptToken | undefined>;

export class PlatformService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the platforms, the active one or a token changed: ask status() again. */
  readonly onDidChange = this.changed.event;
  private current?: Promise<PlatformStatus>;
  private clients: PlatformRestClient[] = [];
  private readonly subscriptions = new DisposableStore();
  /** npm start's handover (and a watched broker's server starting again) while under way: the status waits for
   *  them, so no row flashes. */
  private handover?: Promise<unknown>;
  /** Problems other features know of a platform, by name (setProblem). */
  private readonly known = new Map<string, KnownProblem>();

  constructor(
    private readonly tokens: TokenStore,
    private readonly log: Log,
    private readonly findKept: KeptTokenFinder = () => Promise.resolve(undefined),
  ) {
    this.subscriptions.push(
      onSettingsChanged(PLATFORM_SETTINGS, () => this.invalidate()),
      onProxySettingsChanged(() => this.invalidate()),
      tokens.onDidChange(() => this.invalidate()),
      this.changed,
    );
  }

  list(): PlatformConfig[] {
    return readPlatforms(settings.platforms()).platforms;
  }

  activeName(): string | undefined {
    return settings.activePlatform() ?? this.list()[0]?.name;
  }

  status(): Promise<PlatformStatus> {
    return (this.current ??= this.handover ? this.handover.then(() => this.load()) : this.load());
  }

  /** The status waits for `handover` (npm start's, which sets the platform and its token) to settle, and for any
   *  held before. */
  holdUntil(handover: Promise<unknown>): void {
    const held = Promise.all([this.handover, handover.catch(() => undefined)])
      .catch(() => undefined)
      .finally(() => {
        if (this.handover === held) this.handover = undefined;
      });
    this.handover = held;
    this.invalidate();
  }

  /** The token a local sandbox keeps for this platform, if it is one on this machine. */
  keptToken(config: PlatformConfig): Promise<KeptToken | undefined> {
    const resolved = resolvePlatform(config);
    return resolved.ok ? this.findKept(resolved.platform) : Promise.resolve(undefined);
  }

  /** Adds or replaces a platform, stores its token and makes it the active one. */
  async save(config: PlatformConfig, token: string): Promise<void> {
    const resolved = resolvePlatform(config);
    if (!resolved.ok) throw new Error(resolved.problem);
    this.log.addSecret(config.apiKey, token);
    await this.tokens.set(resolved.platform, token);
    await updateUserSetting(Setting.platforms, withPlatform(this.list(), config).map(settingsEntry));
    await updateUserSetting(Setting.activePlatform, config.name);
    this.invalidate();
  }

  async setToken(name: string, token: string): Promise<void> {
    const config = this.list().find((p) => p.name === name);
    if (!config) throw new Error(vscode.l10n.t('There is no usable platform named "{0}".', plainText(name, 60)));
    await this.setCredentials(name, config.apiKey, token);
  }

  /** A new API key (kept in settings) and token (in secret storage) for a platform. */
  async setCredentials(name: string, apiKey: string, token: string): Promise<void> {
    const config = this.list().find((p) => p.name === name);
    const updated = config ? { ...config, apiKey } : undefined;
    const resolved = updated ? resolvePlatform(updated) : undefined;
    if (!updated || !resolved?.ok) {
      throw new Error(vscode.l10n.t('There is no usable platform named "{0}".', plainText(name, 60)));
    }
    this.log.addSecret(apiKey, token);
    await this.tokens.set(resolved.platform, token);
    if (config?.apiKey !== apiKey) {
      await updateUserSetting(Setting.platforms, withPlatform(this.list(), updated).map(settingsEntry));
    }
    this.invalidate();
  }

  async remove(name: string): Promise<void> {
    await this.tokens.delete(name);
    await updateUserSetting(Setting.platforms, withoutPlatform(this.list(), name).map(settingsEntry));
    if (settings.activePlatform() === name) await updateUserSetting(Setting.activePlatform, undefined);
    this.invalidate();
  }

  /** A problem of the platform `name` that its status says until cleared (undefined). */
  setProblem(name: string, problem: KnownProblem | undefined): void {
    if (problem) this.known.set(name, problem);
    else if (!this.known.delete(name)) return;
    this.invalidate();
  }

  async select(name: string): Promise<void> {
    await updateUserSetting(Setting.activePlatform, name);
    this.invalidate();
  }

  invalidate(): void {
    this.current = undefined;
    this.changed.fire();
  }

  private async load(): Promise<PlatformStatus> {
    // Clients of an earlier status may still finish their calls; new calls open new connections.
    for (const client of this.clients.splice(0)) client.dispose();
    const { platforms, problems } = readPlatforms(settings.platforms());
    if (platforms.length === 0) {
      return problems.length > 0 ? { kind: 'problem', message: problems[0], fix: 'connect' } : { kind: 'none' };
    }
    const name = settings.activePlatform() ?? platforms[0].name;
    const shown = plainText(name, 60);
    const config = platforms.find((p) => p.name === name);
    if (!config) {
      return {
        kind: 'problem',
        name,
        message: vscode.l10n.t('The active platform "{0}" is not among the configured platforms.', shown),
        fix: 'select',
      };
    }
    const resolved = resolvePlatform(config);
    if (!resolved.ok) return { kind: 'problem', name, message: resolved.problem, fix: 'connect' };
    const known = this.known.get(name);
    if (known) return { kind: 'problem', name, ...known };
    const stored = await this.tokens.get(name);
    const fit = stored ? tokenFit(stored, resolved.platform) : undefined;
    // A local sandbox on this machine that keeps this platform's token: offered (with a question).
    const kept = !stored || !fit?.ok ? await this.findKept(resolved.platform) : undefined;
    if (kept) {
      return {
        kind: 'problem',
        name,
        message: vscode.l10n.t(
          'This VS Code has no API token for platform "{0}"; the local sandbox on this computer keeps it in {1}.',
          shown,
          kept.file,
        ),
        fix: 'localToken',
      };
    }
    if (!stored) {
      return {
        kind: 'problem',
        name,
        message: vscode.l10n.t('No API token is stored on this computer for platform "{0}".', shown),
        fix: 'setCredentials',
      };
    }
    if (fit && !fit.ok) {
      return {
        kind: 'problem',
        name,
        message: fit.downgrade
          ? vscode.l10n.t(
              'Platform "{0}" now uses {1} without TLS, where its token was given for {2}: it would travel ' +
                'unencrypted. Set its credentials again to send it there anyway.',
              shown,
              fit.now,
              fit.was,
            )
          : vscode.l10n.t(
              'The URLs of platform "{0}" changed since its token was stored ({1} → {2}); set its credentials ' +
                'again to send the token to the new address.',
              shown,
              fit.was || '?',
              fit.now,
            ),
        fix: 'setCredentials',
      };
    }
    this.log.addSecret(config.apiKey, stored.token);
    let ca: string | undefined;
    if (resolved.platform.caFile) {
      const read = await readCaFile(resolved.platform.caFile);
      if (!read.ok) return { kind: 'problem', name, message: read.problem, fix: 'connect' };
      ca = read.pem;
    }
    try {
      const proxy = proxySettings();
      const rest = createRestClient(resolved.platform, stored.token, ca, this.log, proxy);
      this.clients.push(rest);
      return {
        kind: 'ready',
        platform: {
          name,
          resolved: resolved.platform,
          rest,
          credentials: { apiKey: config.apiKey, apiToken: stored.token, ca },
          proxy,
        },
      };
    } catch (error) {
      return { kind: 'problem', name, message: messageOf(error), fix: 'connect' };
    }
  }

  dispose(): void {
    for (const client of this.clients.splice(0)) client.dispose();
    this.subscriptions.dispose();
  }
}

export function createRestClient(
  platform: ResolvedPlatform,
  token: string,
  ca: string | undefined,
  log: Log,
  proxy: ProxySettings | undefined = proxySettings(),
): PlatformRestClient {
  return new PlatformRestClient({
    apiUrl: platform.apiUrl,
    apiKey: platform.apiKey,
    apiToken: token,
    ca,
    rejectUnauthorized: platform.rejectUnauthorized,
    proxy,
    log: log.for('rest'),
  });
}

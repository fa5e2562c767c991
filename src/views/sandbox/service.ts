// The local sandbox of this window: the bundled sandbox CLI run as a child process with VS Code's
// own Node, on free ports, its data in the extension's global storage (so the fleet, API key and
// logs survive a restart), made the active "Local sandbox" platform with its token in secret
// storage. It stops with the window: dispose() sends SIGTERM, and child.ts kills it on exit.
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { ReadyInfo } from '../../core/readyInfo';
import { ContextKey } from '../../vscode/contextKeys';
import type { Log } from '../../vscode/log';
import type { PlatformService } from '../../vscode/platforms/service';
import { startSandboxChild, type SandboxChild } from '../../features/localSandbox/child';
import { localSandboxPlatform } from '../../features/localSandbox/platform';
import { logSandboxLine } from '../../features/localSandbox/stderrLog';

export interface LocalSandboxOptions {
  readonly platforms: PlatformService;
  readonly log: Log;
  /** dist/sandbox.js of the installed extension. */
  readonly cliPath: string;
  readonly dataDir: string;
}

export interface StartResult {
  readonly ready: ReadyInfo;
  readonly alreadyRunning: boolean;
}

export class LocalSandbox implements vscode.Disposable {
  private child?: SandboxChild;
  private stopping?: SandboxChild;
  private starting?: Promise<StartResult>;
  private readonly stopEmitter = new vscode.EventEmitter<void>();
  /** The sandbox this window ran has ended (stopped, or on its own). */
  readonly onDidStop = this.stopEmitter.event;

  constructor(private readonly o: LocalSandboxOptions) {}

  get running(): boolean {
    return this.child?.running === true;
  }

  get pid(): number | undefined {
    return this.running ? this.child?.pid : undefined;
  }

  /** Starts it (or finds it running) and makes it the active platform. */
  start(fleetSize: number, signal?: AbortSignal): Promise<StartResult> {
    if (this.child?.running) return this.activate(this.child.ready, true);
    return (this.starting ??= this.spawn(fleetSize, signal).finally(() => (this.starting = undefined)));
  }

  private async spawn(fleetSize: number, signal?: AbortSignal): Promise<StartResult> {
    const log = this.o.log.for('sandbox');
    await fs.promises.mkdir(this.o.dataDir, { recursive: true });
    const args = ['--http-port', '0', '--mqtt-port', '0', '--ws-port', '0', '--data-dir', this.o.dataDir];
    if (fleetSize > 0) args.push('--simulate', String(fleetSize));
    log.info(`starting ${this.o.cliPath} ${args.join(' ')}`);
    const child = await startSandboxChild({
      cliPath: this.o.cliPath,
      args,
      signal,
      onStderrLine: (line) => logSandboxLine(log, line),
    });
    this.o.log.addSecret(child.ready.apiKey, child.ready.apiToken);
    try {
      const result = await this.activate(child.ready, false);
      this.child = child;
      void child.exited.then((code) => this.ended(child, code));
      await this.setRunning(true);
      log.info(`running (pid ${child.pid}): API ${child.ready.apiUrl}, MQTT ${child.ready.mqttUrl}`);
      return result;
    } catch (err) {
      await child.stop();
      throw err;
    }
  }

  private async activate(ready: ReadyInfo, alreadyRunning: boolean): Promise<StartResult> {
    const { config, token } = localSandboxPlatform(ready);
    await this.o.platforms.save(config, token);
    return { ready, alreadyRunning };
  }

  /** Stops it; false when it was not running. */
  async stop(): Promise<boolean> {
    const child = this.child;
    if (!child?.running) return false;
    this.stopping = child;
    await child.stop();
    return true;
  }

  private async ended(child: SandboxChild, code: number | null): Promise<void> {
    if (this.child !== child) return;
    this.child = undefined;
    const log = this.o.log.for('sandbox');
    this.stopEmitter.fire();
    await this.setRunning(false);
    if (this.stopping === child) {
      log.info(`stopped (exit code ${code ?? 'none: killed'})`);
    } else {
      log.error(`ended on its own (exit code ${code ?? 'none: killed'})`);
      const showLog = vscode.l10n.t('Show Log');
      void vscode.window
        .showWarningMessage(
          vscode.l10n.t('The local sandbox ended unexpectedly (exit code {0}).', String(code)),
          showLog,
        )
        .then((choice) => choice === showLog && this.o.log.show());
    }
    // Its platform stays (a restart updates it); the tree now says the API cannot be reached.
    this.o.platforms.invalidate();
  }

  private async setRunning(running: boolean): Promise<void> {
    await vscode.commands.executeCommand('setContext', ContextKey.localSandboxRunning, running);
  }

  dispose(): void {
    // Not awaited: the window is going; SIGTERM lets the sandbox close its clients with 93.
    void this.child?.stop();
    this.stopEmitter.dispose();
  }
}

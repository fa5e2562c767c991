// The brokers this window watches: for each, the bundled server (dist/sandbox.js) run as a child
// process observing it (`--observe-mosquitto` / `--observe-rabbitmq --observe-amqp`, platform-contract.md
// §7), with VS Code's own Node, on free ports, its data in global storage per broker (so the history
// and the API key survive a restart of VS Code), made the active platform through the platform
// service — never through a command, so nothing outside the extension can re-point a token here.
// The broker's password comes from and goes to secret storage; the command line that carries it
// is never logged. Each server stops with the window (dispose, and child.ts on exit).
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { ReadyInfo } from '../../core/readyInfo';
import { startSandboxChild, type SandboxChild } from '../../features/localSandbox/child';
import { localSandboxPlatform } from '../../features/localSandbox/platform';
import { logSandboxLine } from '../../features/localSandbox/stderrLog';
import { readRemembered, remember } from '../../features/watchBroker/remembered';
import { observeDataDir } from '../../features/watchBroker/resume';
import {
  brokerWhere,
  loggableArgs,
  observerArgs,
  platformNameOf,
  targetKey,
  type BrokerTarget,
} from '../../features/watchBroker/target';
import type { Log } from '../../vscode/log';
import type { PlatformService } from '../../vscode/platforms/service';
import type { BrokerPasswords } from '../../vscode/secrets';
import { BrokerResumer, type ResumeCause } from './resume';

const REMEMBERED = 'iotConnectivity.watchedBrokers';
/** The observing server waits for its broker's first answers (RabbitMQ: a snapshot of every connection). */
const READY_MS = 120_000;

export interface WatchedBrokersOptions {
  readonly platforms: PlatformService;
  readonly log: Log;
  readonly passwords: BrokerPasswords;
  readonly memento: vscode.Memento;
  /** dist/sandbox.js of the installed extension. */
  readonly cliPath: string;
  /** Global storage: one data directory per broker under it. */
  readonly storageDir: string;
}

export interface WatchStarted {
  readonly name: string;
  readonly ready: ReadyInfo;
  readonly pid: number;
  readonly dataDir: string;
}

interface Running {
  readonly child: SandboxChild;
  readonly name: string;
  stopping: boolean;
}

export class WatchedBrokers implements vscode.Disposable {
  private readonly running = new Map<string, Running>();
  private readonly resumer: BrokerResumer;

  constructor(private readonly o: WatchedBrokersOptions) {
    this.resumer = new BrokerResumer(this, o.platforms, o.log.for('observe'));
  }

  /**
   * Starts the server of the active platform's broker again when it does not run (resume.ts): at activation, when
   * its platform is selected, and on Retry.
   */
  resume(cause: ResumeCause): Promise<WatchStarted | undefined> {
    return this.resumer.resume(cause);
  }

  /** Where the server watching `target` keeps its data (global storage). */
  dataDirOf(target: BrokerTarget): string {
    return observeDataDir(this.o.storageDir, target);
  }

  /** Brokers watched before, newest first (no secrets). */
  remembered(): BrokerTarget[] {
    return readRemembered(this.o.memento.get<unknown>(REMEMBERED));
  }

  storedPassword(target: BrokerTarget): Promise<string | undefined> {
    return this.o.passwords.get(targetKey(target));
  }

  /** The pid of the server watching `target`, while it runs. */
  pidOf(target: BrokerTarget): number | undefined {
    const r = this.running.get(targetKey(target));
    return r?.child.running ? r.child.pid : undefined;
  }

  /**
   * Starts a server observing `target` (a server already watching it is stopped first: the data directory is one
   * server's) and makes it the active platform. `password` goes to secret storage for the next time.
   */
  async start(target: BrokerTarget, password: string | undefined, signal?: AbortSignal): Promise<WatchStarted> {
    const key = targetKey(target);
    const name = platformNameOf(target);
    const log = this.o.log.for('observe');
    if (password) this.o.log.addSecret(target.user ?? '', password);
    await this.stopKey(key);
    const dataDir = this.dataDirOf(target);
    await fs.promises.mkdir(dataDir, { recursive: true });
    const args = observerArgs(target, password, dataDir);
    log.info(`starting ${this.o.cliPath} ${loggableArgs(args).join(' ')}`);
    const child = await startSandboxChild({
      cliPath: this.o.cliPath,
      args,
      signal,
      readyTimeoutMs: READY_MS,
      onStderrLine: (line) => logSandboxLine(log, line),
    });
    this.o.log.addSecret(child.ready.apiKey, child.ready.apiToken);
    const running: Running = { child, name, stopping: false };
    // Running from here on: saving the platform below makes it the active one, which resume.ts follows.
    this.running.set(key, running);
    try {
      const { config, token } = localSandboxPlatform(child.ready, name);
      this.o.platforms.setProblem(name, undefined);
      await this.o.platforms.save(config, token);
      await this.o.passwords.set(key, password);
      await this.o.memento.update(REMEMBERED, remember(this.remembered(), target));
    } catch (err) {
      if (this.running.get(key) === running) this.running.delete(key);
      await child.stop();
      throw err;
    }
    void child.exited.then((code) => this.ended(key, running, code));
    log.info(
      `watching ${brokerWhere(target)} (pid ${child.pid}): API ${child.ready.apiUrl}, MQTT ${child.ready.mqttUrl}, ` +
        `data in ${dataDir}`,
    );
    return { name, ready: child.ready, pid: child.pid, dataDir };
  }

  /** Stops every server this window runs. */
  async stopAll(): Promise<number> {
    const keys = [...this.running.keys()];
    await Promise.all(keys.map((k) => this.stopKey(k)));
    return keys.length;
  }

  private async stopKey(key: string): Promise<void> {
    const r = this.running.get(key);
    if (!r) return;
    r.stopping = true;
    await r.child.stop();
  }

  private ended(key: string, r: Running, code: number | null): void {
    if (this.running.get(key) === r) this.running.delete(key);
    const log = this.o.log.for('observe');
    if (r.stopping) {
      log.info(`the server watching "${r.name}" stopped (exit code ${code ?? 'none: killed'})`);
      return;
    }
    log.error(`the server watching "${r.name}" ended on its own (exit code ${code ?? 'none: killed'})`);
    const showLog = vscode.l10n.t('Show Log');
    void vscode.window
      .showWarningMessage(
        vscode.l10n.t('The server watching {0} ended unexpectedly (exit code {1}).', r.name, String(code)),
        showLog,
      )
      .then((choice) => choice === showLog && this.o.log.show());
    // Its platform stays (watching again updates it); the tree now says the API cannot be reached.
    this.o.platforms.invalidate();
  }

  dispose(): void {
    this.resumer.dispose();
    // Not awaited: the window is going; SIGTERM lets each server write its data and end.
    for (const r of this.running.values()) {
      r.stopping = true;
      void r.child.stop();
    }
  }
}

// The extension's one log channel (a LogOutputChannel): every line tagged with its component,
// `[tree] …`, and passed through the redaction so no token reaches it.
import * as vscode from 'vscode';
import type { ComponentLog, LogSource } from '../platform/log';
import { Redaction } from './redaction';
import { messageOf } from '../core/errors';

export class Log implements vscode.Disposable, LogSource {
  private readonly redaction = new Redaction();

  constructor(private readonly channel: vscode.LogOutputChannel) {}

  /** A logger whose lines start with `[component]`. */
  for(component: string): ComponentLog {
    const line = (message: unknown) => this.redaction.apply(`[${component}] ${messageOf(message)}`);
    return {
      trace: (m) => this.channel.trace(line(m)),
      debug: (m) => this.channel.debug(line(m)),
      info: (m) => this.channel.info(line(m)),
      warn: (m) => this.channel.warn(line(m)),
      error: (m) => this.channel.error(line(m)),
    };
  }

  /** Tokens the extension holds: never written, in any form. */
  addSecret(apiKey: string, token: string): void {
    this.redaction.addSecret(apiKey, token);
  }

  redact(text: string): string {
    return this.redaction.apply(text);
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}

export function createLog(context: vscode.ExtensionContext): Log {
  const log = new Log(vscode.window.createOutputChannel('IoT Connectivity', { log: true }));
  context.subscriptions.push(log);
  return log;
}

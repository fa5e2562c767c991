// What `npm start` prints: one `[start]` line per step, and when VS Code is up, how to reach it.
// The API token is never printed (it reaches VS Code through the handover file, or from the sandbox's data
// dir when a browser without it asks).
import * as path from 'path';
import type { ReadyInfo } from '../../src/core/readyInfo';
import { projectRoot } from '../vscode-web/paths';

export function say(line: string): void {
  console.log(`[start] ${line}`);
}

/** A path as short as it reads well: relative inside the project, absolute outside it. */
export function shown(file: string): string {
  const rel = path.relative(projectRoot, file);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
}

export interface ReadyReport {
  readonly url: string;
  readonly port: number;
  readonly seconds: string;
  readonly ready: ReadyInfo;
  readonly sandboxLog: string;
  readonly codeServerLog: string;
}

export function reportReady(r: ReadyReport): void {
  console.log(
    [
      '',
      `VS Code with IoT Connectivity is ready (${r.seconds} s). Open this URL in a browser on this machine:`,
      '',
      `  ${r.url}`,
      '',
      `From another machine, forward the port first: ssh -L ${r.port}:127.0.0.1:${r.port} <this machine>, then open ` +
        `the same URL there.`,
      'VS Code opens on the IoT Connectivity view: the Clients view shows the simulated fleet.',
      "The API token is handed over once per start into that browser's VS Code. Another browser (or one whose site " +
        "data was cleared) is offered the sandbox's token in the Clients view, after a question.",
      '',
      `Sandbox platform (org ${r.ready.org}): API ${r.ready.apiUrl}, MQTT ${r.ready.mqttUrl}, WebSocket ` +
        `${r.ready.wsUrl}`,
      `Logs: ${shown(r.sandboxLog)} (sandbox), ${shown(r.codeServerLog)} (VS Code server)`,
      'Ctrl-C stops VS Code and the sandbox.',
      '',
    ].join('\n'),
  );
}

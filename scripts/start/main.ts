// `npm start`: the sandbox with a simulated fleet, a VS Code profile connected to it, and VS Code
// with the extension (desktop `code` when on PATH, else code-server in the browser). Ctrl-C (or
// SIGTERM) stops VS Code and the sandbox, in that order, and exits 0. See options.ts for --help.
import * as fs from 'fs';
import * as path from 'path';
import { BOOTSTRAP_ENV } from '../../src/features/localSandbox/bootstrap';
import { SANDBOX_DATA_ENV } from '../../src/features/localSandbox/keptToken';
import type { SandboxChild } from '../../src/features/localSandbox/child';
import { startCodeServer, type CodeServer } from '../vscode-web/codeServer';
import { projectRoot } from '../vscode-web/paths';
import { workbenchUrl } from '../vscode-web/workbenchUrl';
import { checkWorkbench } from './check';
import { installByLocation } from './extensionEntry';
import { desktopCode, openDesktop } from './desktop';
import { ensureCodeServer } from './install';
import { parseStartArgs, START_HELP, type StartOptions } from './options';
import { preferredOrFree } from './ports';
import { startPaths, writeProfile } from './profile';
import { startFleetSandbox } from './sandbox';
import { writeSampleProject } from './sample';
import { reportReady, say, shown } from './report';
import { messageOf } from '../../src/core/errors';

const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);

interface Running {
  sandbox?: SandboxChild;
  server?: CodeServer;
  /** Set once everything is up: from then on a signal is the normal way to stop. */
  up?: boolean;
}

async function stopAll(running: Running): Promise<void> {
  await running.server?.stop().catch((err: unknown) => say(`code-server did not stop cleanly: ${String(err)}`));
  await running.sandbox?.stop();
}

// Listened to from the start, so that Ctrl-C during start-up also stops what has started.
const signalled = new Promise<string>((resolve) => {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => resolve(signal));
});

/** Resolves when the person (or CI) asks to stop, or when `ended` settles. */
function stopRequested(ended: Promise<unknown>[]): Promise<string> {
  return Promise.race([signalled, ...ended.map((p) => p.then(() => 'ended'))]);
}

async function run(o: StartOptions, running: Running): Promise<number> {
  const code = o.browser ? undefined : desktopCode();
  const paths = startPaths(o.dataDir, code ? 'desktop' : 'browser');
  if (!code) await ensureCodeServer(say);
  running.sandbox = await startFleetSandboxLogged(o, paths.sandboxData);
  const { ready } = running.sandbox;
  writeProfile(paths, ready);
  await writeSampleProject(paths.workspace, ready, o.dataDir);
  // The handover of the token, and where a browser without it is offered the sandbox's (with a question).
  const env = { [BOOTSTRAP_ENV]: paths.bootstrapFile, [SANDBOX_DATA_ENV]: paths.sandboxData };
  if (code) {
    say(`opening the desktop VS Code (${code}) with its own profile in ${shown(paths.userDataDir)}`);
    const window = openDesktop(code, paths, env);
    running.up = true;
    const reason = await stopRequested([
      new Promise((resolve) => window.once('close', resolve)),
      running.sandbox.exited,
    ]);
    say(
      reason === 'ended'
        ? 'VS Code window closed: stopping the sandbox'
        : `${reason}: stopping the sandbox (the VS Code window stays open)`,
    );
    return 0;
  }
  installByLocation(paths.extensionsDir, projectRoot);
  const port = await preferredOrFree(o.port);
  if (port !== o.port) say(`port ${o.port} is taken: VS Code gets another free port`);
  running.server = await startCodeServer({
    runDir: paths.runDir,
    userDataDir: paths.userDataDir,
    extensionsDir: paths.extensionsDir,
    env,
    port,
  });
  const url = workbenchUrl({ origin: running.server.origin, folder: paths.workspace });
  if (o.check) {
    say(`VS Code server up in ${seconds()} s`);
    const result = await checkWorkbench(
      url,
      (what) => say(`${what} in ${seconds()} s`),
      path.join(o.dataDir, 'check.png'),
    );
    say(`ready in ${seconds()} s: the Clients view shows Connected (${result.connected}) [${result.rows.join(' | ')}]`);
    return 0;
  }
  running.up = true;
  reportReady({
    url,
    port: running.server.port,
    seconds: seconds(),
    ready,
    sandboxLog: path.join(o.dataDir, 'sandbox.log'),
    codeServerLog: running.server.logFile,
  });
  const reason = await stopRequested([running.server.exited, running.sandbox.exited]);
  say(
    reason === 'ended'
      ? 'VS Code or the sandbox ended: stopping the rest'
      : `${reason}: stopping VS Code and the sandbox`,
  );
  return reason === 'ended' ? 1 : 0;
}

async function startFleetSandboxLogged(o: StartOptions, dataDir: string): Promise<SandboxChild> {
  const sandbox = await startFleetSandbox(dataDir, o.fleet, path.join(o.dataDir, 'sandbox.log'));
  say(`sandbox ready in ${seconds()} s: ${o.fleet} simulated clients, data in ${shown(dataDir)}`);
  return sandbox;
}

async function main(argv: string[]): Promise<number> {
  let command;
  try {
    command = parseStartArgs(argv, projectRoot);
  } catch (err) {
    say(`${messageOf(err)}\n\n${START_HELP}`);
    return 2;
  }
  if (command.kind === 'help') {
    console.log(START_HELP);
    return 0;
  }
  fs.mkdirSync(command.options.dataDir, { recursive: true });
  const running: Running = {};
  try {
    const interrupted = signalled.then((signal) => {
      if (running.up) return new Promise<number>(() => undefined);
      say(`${signal} during start-up: stopping what has started`);
      return 130;
    });
    return await Promise.race([run(command.options, running), interrupted]);
  } finally {
    await stopAll(running);
    say('stopped');
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    say(`failed after ${seconds()} s: ${messageOf(err)}`);
    process.exit(1);
  },
);

// "IoT Connectivity: Local Sandbox" as a task: a background task that starts the
// local sandbox (or finds it running) and stays running with it, so a launch configuration's
// `preLaunchTask` can start the platform with the program. Its problem matcher
// (`$iotConnectivity-sandbox`, package.json) begins at the `[iot-connectivity] starting` line and
// ends at the `[iot-connectivity] ready` line: VS Code starts the debuggee after that line. Those
// two lines are fixed text for the matcher; the sentences for people below them are translated.
// Ending the task stops the sandbox when the task started it. Its tokens are never written here.
import * as vscode from 'vscode';
import { messageOf } from '../../core/errors';
import { settings } from '../../vscode/settings';
import type { LocalSandbox } from '../sandbox/service';

const TASK_TYPE = 'iotConnectivity';
const SANDBOX_TASK = 'localSandbox';
const SOURCE = 'IoT Connectivity';
const NAME = 'Local Sandbox';
const MATCHER = '$iotConnectivity-sandbox';

class SandboxTerminal implements vscode.Pseudoterminal {
  private readonly writeEmitter = new vscode.EventEmitter<string>();
  private readonly closeEmitter = new vscode.EventEmitter<number>();
  readonly onDidWrite = this.writeEmitter.event;
  readonly onDidClose = this.closeEmitter.event;
  private startedHere = false;
  private closed = false;
  private stopWatch?: vscode.Disposable;

  constructor(private readonly sandbox: LocalSandbox) {}

  open(): void {
    this.line('[iot-connectivity] starting');
    this.line(vscode.l10n.t('Starting the local sandbox…'));
    this.sandbox.start(settings.localSandboxFleetSize()).then(
      ({ ready, alreadyRunning }) => {
        this.startedHere = !alreadyRunning;
        this.line(`[iot-connectivity] ready mqtt=${ready.mqttUrl} api=${ready.apiUrl}`);
        this.line(
          alreadyRunning
            ? vscode.l10n.t('The local sandbox is already running; it is the active platform.')
            : vscode.l10n.t('The local sandbox is running (API {0}, MQTT {1}).', ready.apiUrl, ready.mqttUrl),
        );
        this.line(vscode.l10n.t('This task runs as long as the sandbox; ending it stops a sandbox it started.'));
        this.stopWatch = this.sandbox.onDidStop(() => this.end(0));
        if (!this.sandbox.running) this.end(0);
      },
      (error: unknown) => {
        this.line(vscode.l10n.t('The local sandbox could not start: {0}', messageOf(error)));
        this.end(1);
      },
    );
  }

  /** The task was ended (or its terminal closed). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.stopWatch?.dispose();
    if (this.startedHere) void this.sandbox.stop();
  }

  private end(code: number): void {
    if (this.closed) return;
    this.closed = true;
    this.stopWatch?.dispose();
    this.closeEmitter.fire(code);
  }

  private line(text: string): void {
    this.writeEmitter.fire(`${text.replace(/\r?\n/g, '\r\n')}\r\n`);
  }
}

function sandboxTask(
  sandbox: LocalSandbox,
  definition: vscode.TaskDefinition,
  scope: vscode.WorkspaceFolder | vscode.TaskScope.Workspace,
): vscode.Task {
  const task = new vscode.Task(
    definition,
    scope,
    NAME,
    SOURCE,
    new vscode.CustomExecution(() => Promise.resolve(new SandboxTerminal(sandbox))),
    MATCHER,
  );
  task.isBackground = true;
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Silent, panel: vscode.TaskPanelKind.Dedicated };
  return task;
}

export function registerSandboxTask(sandbox: LocalSandbox): vscode.Disposable {
  return vscode.tasks.registerTaskProvider(TASK_TYPE, {
    // One per folder: VS Code looks a launch configuration's preLaunchTask up among its folder's tasks.
    provideTasks: () =>
      (vscode.workspace.workspaceFolders ?? [vscode.TaskScope.Workspace as const]).map((scope) =>
        sandboxTask(sandbox, { type: TASK_TYPE, task: SANDBOX_TASK }, scope),
      ),
    resolveTask: (task) =>
      task.definition.task === SANDBOX_TASK
        ? sandboxTask(
            sandbox,
            task.definition,
            typeof task.scope === 'object' ? task.scope : vscode.TaskScope.Workspace,
          )
        : undefined,
  });
}

// A multi-step input with a Back button (the pattern of VS Code's quick-input sample): each step
// resolves with a value, Back rethrows to the previous step, Escape cancels the whole flow.
import * as vscode from 'vscode';

export class FlowBack extends Error {}
export class FlowCancelled extends vscode.CancellationError {}

interface Common {
  readonly title: string;
  readonly step: number;
  readonly totalSteps: number;
}

export interface InputStep extends Common {
  readonly value?: string;
  readonly prompt: string;
  readonly placeholder?: string;
  readonly password?: boolean;
  /** Resolve with the value as typed, spaces at its ends included (a password may have them). */
  readonly untrimmed?: boolean;
  /** A message when the value cannot be used; undefined when it can. */
  readonly validate: (value: string) => string | undefined;
}

export interface PickStep<T extends vscode.QuickPickItem> extends Common {
  readonly items: readonly T[];
  readonly active?: T;
  readonly placeholder?: string;
}

function buttons(step: number): vscode.QuickInputButton[] {
  return step > 1 ? [vscode.QuickInputButtons.Back] : [];
}

export function inputStep(o: InputStep): Promise<string> {
  const box = vscode.window.createInputBox();
  return new Promise<string>((resolve, reject) => {
    Object.assign(box, {
      title: o.title,
      step: o.step,
      totalSteps: o.totalSteps,
      value: o.value ?? '',
      prompt: o.prompt,
      placeholder: o.placeholder,
      password: o.password === true,
      ignoreFocusOut: true,
      buttons: buttons(o.step),
    });
    box.onDidTriggerButton(() => reject(new FlowBack()));
    box.onDidChangeValue((v) => (box.validationMessage = v === '' ? undefined : o.validate(v)));
    box.onDidAccept(() => {
      const problem = o.validate(box.value);
      box.validationMessage = problem;
      if (problem === undefined) resolve(o.untrimmed ? box.value : box.value.trim());
    });
    box.onDidHide(() => reject(new FlowCancelled()));
    box.show();
  }).finally(() => box.dispose());
}

export function pickStep<T extends vscode.QuickPickItem>(o: PickStep<T>): Promise<T> {
  const pick = vscode.window.createQuickPick<T>();
  return new Promise<T>((resolve, reject) => {
    Object.assign(pick, {
      title: o.title,
      step: o.step,
      totalSteps: o.totalSteps,
      placeholder: o.placeholder,
      ignoreFocusOut: true,
      buttons: buttons(o.step),
      items: o.items,
    });
    if (o.active) pick.activeItems = [o.active];
    pick.onDidTriggerButton(() => reject(new FlowBack()));
    pick.onDidAccept(() => pick.selectedItems[0] && resolve(pick.selectedItems[0]));
    pick.onDidHide(() => reject(new FlowCancelled()));
    pick.show();
  }).finally(() => pick.dispose());
}

/** Runs steps in order; a step returns the next one (or undefined at the end); Back goes back. */
export async function runSteps<S>(state: S, first: (state: S) => Promise<Step<S> | undefined>): Promise<S> {
  const done: ((state: S) => Promise<Step<S> | undefined>)[] = [];
  let step: Step<S> | undefined = first;
  while (step) {
    try {
      const next: Step<S> | undefined = await step(state);
      done.push(step);
      step = next;
    } catch (error) {
      if (!(error instanceof FlowBack)) throw error;
      step = done.pop() ?? step;
    }
  }
  return state;
}

export type Step<S> = (state: S) => Promise<Step<S> | undefined>;

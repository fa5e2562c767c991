// The two hooks a VS Code workbench calls when it runs extension tests: codeAutomationLog for
// the extension host's output and codeAutomationExit for the result. They must exist before
// the workbench loads, so they are exposed before page.goto.
import type { Page } from 'playwright-core';
import { format } from 'util';
import { isHarmlessNoise } from './noise';

const verbose = process.env.IOTC_VSCODE_VERBOSE === '1';

export interface AutomationHooks {
  /** The exit code the workbench reports when the tests end. */
  readonly exitCode: Promise<number>;
}

// The host forwards console calls as they were made: a format string and its values.
function text(args: unknown): string {
  return Array.isArray(args) ? format(...(args as unknown[])) : format(args);
}

export async function exposeAutomationHooks(
  page: Page,
  write: (level: string, message: string) => void,
): Promise<AutomationHooks> {
  let report: (code: number) => void = () => undefined;
  const exitCode = new Promise<number>((resolve) => (report = resolve));
  await page.exposeFunction('codeAutomationExit', (code: unknown) => report(typeof code === 'number' ? code : 1));
  await page.exposeFunction('codeAutomationLog', (level: unknown, args: unknown) => {
    const message = text(args);
    if (verbose) write(String(level), `[${String(level)}] ${message}`);
    else if (!isHarmlessNoise(message)) write(String(level), message);
  });
  return { exitCode };
}

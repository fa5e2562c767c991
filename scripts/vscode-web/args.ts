// The command line that @vscode/test-electron (and @vscode/test-cli through it) gives a VS Code
// executable. What code-server has no use for (Electron's sandbox and GPU switches, update and
// welcome switches) is accepted and ignored, so the same runTests call works here and elsewhere.

export interface HostArgs {
  extensionDevelopmentPaths: string[];
  extensionTestsPath?: string;
  extensionsDir?: string;
  userDataDir?: string;
  /** The folder or workspace file to open: the first argument that is not an option. */
  folder?: string;
  ignored: string[];
}

const VALUE_OPTIONS: Record<
  string,
  'extensionDevelopmentPaths' | 'extensionTestsPath' | 'extensionsDir' | 'userDataDir'
> = {
  '--extensionDevelopmentPath': 'extensionDevelopmentPaths',
  '--extensionTestsPath': 'extensionTestsPath',
  '--extensions-dir': 'extensionsDir',
  '--user-data-dir': 'userDataDir',
};

export function parseHostArgs(argv: readonly string[]): HostArgs {
  const result: HostArgs = { extensionDevelopmentPaths: [], ignored: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const key = VALUE_OPTIONS[name];
    if (key) {
      const value = name !== arg ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new Error(`${name} needs a value`);
      if (key === 'extensionDevelopmentPaths') result.extensionDevelopmentPaths.push(value);
      else result[key] = value;
    } else if (arg.startsWith('-')) {
      result.ignored.push(arg);
    } else if (result.folder === undefined) {
      result.folder = arg;
    } else {
      result.ignored.push(arg);
    }
  }
  return result;
}

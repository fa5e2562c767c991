// Lint of package.json: every contributed command titled, in the "IoT Connectivity" category and
// known to the code; every menu `when` reads only context keys that exist and compares them with
// values that exist; commands that act on the active platform hidden from the palette until it is
// ready; activation after start-up and by what may come before it (views, commands, URI, webview
// serializer, debugging, files that may hold client ids); every
// %key% localised in English and Brazilian Portuguese; settings as the code reads them.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Command } from '../../../src/shared/commands';
import { ContextKey } from '../../../src/vscode/contextKeys';
import { PLATFORM_SETTINGS, SECTION, Setting } from '../../../src/vscode/settingKeys';
import { whenRegExp, whenTerms } from './whenClause';

const root = path.resolve(__dirname, '..', '..', '..', '..');
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the manifest is checked field by field below
const manifest = read('package.json') as any;
const nls = read('package.nls.json') as Record<string, string>;
const nlsPtBr = read('package.nls.pt-br.json') as Record<string, string>;
const contributes = manifest.contributes;

/** Context keys VS Code itself sets that our menus may use. */
const BUILT_IN_KEYS = new Set([
  'view',
  'viewItem',
  'viewContainer',
  'focusedView',
  'resourceScheme',
  'resourceLangId',
  'editorLangId',
  'activeWebviewPanelId',
  'webviewId',
  'isWeb',
  'inDebugMode',
  'debugState',
]);
const OUR_KEYS = new Set<string>(Object.values(ContextKey));
const COMMAND_IDS = new Set<string>(Object.values(Command));
const VIEW_IDS = new Set<string>(
  Object.values(contributes.views as Record<string, { id: string }[]>)
    .flat()
    .map((v) => v.id),
);
/** contextValues the extension's items can have (client items start with `client;`). */
const SAMPLE_ITEMS = [
  'client;device;hasLog;connected',
  'client;gateway;hasLog;disconnected',
  'client;application;connected',
  'client;device;hasLog;connected;pinned',
  'client;other;hasLog;disconnected',
  'sourceProblem;hasFix',
  'sourceProblem',
];

function localised(text: string): string {
  const m = /^%(.+)%$/.exec(text);
  if (!m) return text;
  assert.ok(m[1] in nls, `package.nls.json has no "${m[1]}"`);
  return nls[m[1]];
}

function menuEntries(): { menu: string; command?: string; when?: string }[] {
  return Object.entries(
    contributes.menus as Record<string, { command?: string; submenu?: string; when?: string }[]>,
  ).flatMap(([menu, items]) => items.map((i) => ({ menu, command: i.command, when: i.when })));
}

describe('package.json lint', () => {
  it('titles every contributed command and puts it in the "IoT Connectivity" category', () => {
    for (const c of contributes.commands as { command: string; title: string; category: string }[]) {
      assert.match(c.command, /^iotConnectivity\.\w+$/);
      assert.ok(localised(c.title).trim().length > 0, `${c.command} has no title`);
      assert.strictEqual(c.category, 'IoT Connectivity', `${c.command} is not in the category`);
    }
  });

  it('contributes only commands the code registers (their ids are in src/shared/commands.ts)', () => {
    for (const c of contributes.commands as { command: string }[]) {
      assert.ok(COMMAND_IDS.has(c.command), `${c.command} is contributed but not a known command`);
    }
    for (const m of menuEntries()) {
      if (m.command) {
        assert.ok(COMMAND_IDS.has(m.command), `menu ${m.menu} names ${m.command}, which is not a known command`);
      }
    }
  });

  it('reads only existing context keys in menus and welcome views, and compares them with existing values', () => {
    const whens = [
      ...menuEntries().map((m) => ({ where: `${m.menu} ${m.command}`, when: m.when })),
      ...((contributes.viewsWelcome ?? []) as { view: string; when?: string }[]).map((w) => ({
        where: `viewsWelcome ${w.view}`,
        when: w.when,
      })),
    ];
    for (const { where, when } of whens) {
      if (!when) continue;
      for (const term of whenTerms(when)) {
        assert.ok(
          BUILT_IN_KEYS.has(term.key) || OUR_KEYS.has(term.key),
          `${where}: "${term.key}" is not a context key anyone sets`,
        );
        if (term.key === 'view' && term.value) assert.ok(VIEW_IDS.has(term.value), `${where}: no view ${term.value}`);
        if (term.key === 'viewItem' && term.op === '=~' && term.value) {
          const re = whenRegExp(term.value);
          assert.ok(
            SAMPLE_ITEMS.some((v) => re.test(v)),
            `${where}: ${term.value} matches no item of the tree`,
          );
        }
        if (term.key === ContextKey.platformState && term.value) {
          assert.ok(['none', 'problem', 'ready'].includes(term.value), `${where}: no platform state ${term.value}`);
        }
      }
    }
  });

  // onStartupFinished: after start-up, never before it; the status bar shows the workspace's pinned
  // clients from the start, and a window npm start opens shows the Clients view with the fleet. The
  // others may come before start-up has finished: onDebug, a debug session's tracker must be there
  // from its first message; onLanguage, a file restored at start-up gets its lenses; onWebviewPanel,
  // a timeline restored. Views and commands activate it by themselves (VS Code ^1.74).
  it('activates after start-up, by its views, commands, URIs, webviews, debugging, files that may hold ids', () => {
    for (const event of manifest.activationEvents as string[]) {
      assert.match(
        event,
        /^(onStartupFinished$|onView:iotConnectivity\.|onCommand:iotConnectivity\.|onUri$|onWebviewPanel:iotConnectivity\.|onDebug$|onLanguage:[a-z]+$)/,
        `activation event ${event} is not allowed`,
      );
    }
  });

  it('offers in the palette the commands that act on the active platform only once it is ready', () => {
    // Each of these asks the active platform first; without one it could only say so.
    const needReady: string[] = [
      Command.queryClients,
      Command.showClient,
      Command.showTimeline,
      Command.enableClientState,
      Command.pinClient,
      Command.unpinClient,
      Command.showPinned,
      Command.registerDevice,
    ];
    const palette = new Map(
      ((contributes.menus.commandPalette ?? []) as { command: string; when?: string }[]).map((m) => [
        m.command,
        m.when,
      ]),
    );
    for (const command of needReady) {
      assert.strictEqual(palette.get(command), `${ContextKey.platformState} == ready`, command);
    }
  });

  it('localises every %key% in English and Brazilian Portuguese', () => {
    const keys = [...JSON.stringify(manifest).matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 10);
    for (const key of keys) {
      assert.ok(key in nls, `package.nls.json has no "${key}"`);
      assert.ok(key in nlsPtBr, `package.nls.pt-br.json has no "${key}"`);
    }
    assert.deepStrictEqual(
      Object.keys(nlsPtBr).filter((k) => !(k in nls)),
      [],
      'pt-BR keys that English does not have',
    );
  });

  it('declares the settings the code reads; platform settings machine-scoped and restricted', () => {
    const properties = contributes.configuration.properties as Record<string, { scope?: string }>;
    for (const name of Object.values(Setting)) {
      assert.ok(`${SECTION}.${name}` in properties, `${SECTION}.${name} is not declared`);
    }
    const restricted = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations as string[];
    for (const name of PLATFORM_SETTINGS) {
      assert.strictEqual(properties[`${SECTION}.${name}`].scope, 'machine');
      assert.ok(restricted.includes(`${SECTION}.${name}`), `${name} is not a restricted configuration`);
    }
  });
});

// The hover of an id, rendered by the Markdown renderer VS Code bundles (marked 14): the tooltip's
// words for a found client with today's drops; "not known" and "unreachable" in words; the only
// links are the actions' command links; nothing from an id or the wire becomes a link, image or HTML.
import * as assert from 'assert';
import { marked } from 'marked';
import { normaliseClientState } from '../../../../src/core/clientState';
import {
  commandUri,
  hoverActions,
  HOVER_COMMANDS,
  MAX_LINKED_ID,
} from '../../../../src/features/idsInCode/hoverActions';
import { hoverMarkdown, type HoverLink } from '../../../../src/features/idsInCode/hoverText';
import type { Lookup } from '../../../../src/features/idsInCode/lookupTypes';
import { Command } from '../../../../src/shared/commands';
import { HOSTILE_STRINGS } from '../../core/hostile';

const NOW = Date.parse('2024-05-01T12:00:00Z');
const render = (md: string) => marked.parse(md, { async: false, gfm: true }) as string;

function links(clientId: string, lookup: Lookup | undefined, trusted = true): HoverLink[] {
  return hoverActions(clientId, lookup, { trusted, pinned: false, orgId: 'org1x2' }).map((a) => ({
    label: a.kind,
    uri: commandUri(a.command, a.arg),
  }));
}

function hrefs(html: string): string[] {
  return [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]);
}

function foundLookup(id: string): Lookup {
  const state = normaliseClientState({
    id,
    clientType: 'device',
    connectionStatus: 'disconnected',
    lastDisconnectTime: '2024-05-01T11:58:00Z',
    closeCode: 160,
    closeReason: '[x](command:workbench.action.terminal.new) <img src=x onerror=alert(1)>',
  });
  assert.ok(state);
  return { kind: 'found', state, at: NOW, drops: { day: NOW - 1e6, total: 2, codes: [[160, 2]], atLeast: false } };
}

describe('features/idsInCode/hoverText and hoverActions', () => {
  it('shows the state in words, the drops of the day, and Show Timeline · Pin · Copy Client ID', () => {
    const id = 'd:org1x2:boiler:boiler-1';
    const html = render(
      hoverMarkdown(id, foundLookup(id), { now: NOW, platformName: 'sandbox', links: links(id, foundLookup(id)) }),
    );
    assert.match(html, /boiler-1 disconnected: keep-alive timed out/);
    assert.match(html, /2 drops today \(160 ×2\)/);
    assert.deepStrictEqual(
      hrefs(html).map((h) => decodeURIComponent(h)),
      [
        `command:${Command.showTimeline}?["${id}"]`,
        `command:${Command.pinClient}?["${id}"]`,
        `command:${Command.copyClientId}?["${id}"]`,
      ],
    );
  });

  it('says an unknown id is not known, and offers Register Device… for a device of the platform’s org', () => {
    const id = 'd:org1x2:boiler:ghost';
    const lookup: Lookup = { kind: 'notFound', at: NOW };
    const html = render(hoverMarkdown(id, lookup, { now: NOW, platformName: 'sandbox', links: links(id, lookup) }));
    assert.match(html, /ghost is not known to platform sandbox \(never connected, or not registered\)/);
    assert.deepStrictEqual(
      hrefs(html).map((h) => JSON.parse(decodeURIComponent(h.split('?')[1]))),
      [[{ typeId: 'boiler', deviceId: 'ghost', ask: true }], [id]],
    );
    assert.deepStrictEqual(
      links('d:other1:boiler:ghost', lookup).map((l) => l.label),
      ['copy'],
      'another org: registering would make another id',
    );
    assert.deepStrictEqual(
      links('a:org1x2:app', lookup).map((l) => l.label),
      ['copy'],
    );
  });

  it('offers only what reads in an untrusted workspace', () => {
    const id = 'd:org1x2:boiler:boiler-1';
    assert.deepStrictEqual(
      links(id, foundLookup(id), false).map((l) => l.label),
      ['timeline', 'copy'],
    );
    assert.deepStrictEqual(
      links(id, { kind: 'notFound', at: NOW }, false).map((l) => l.label),
      ['copy'],
    );
  });

  it('says why a platform could not be asked, its words as text', () => {
    const lookup: Lookup = {
      kind: 'unreachable',
      at: NOW,
      problem: { kind: 'server', message: 'The platform said: [x](command:evil) **bold**' },
    };
    const html = render(hoverMarkdown('a:org1x2:app', lookup, { now: NOW, platformName: 'sandbox', links: [] }));
    assert.match(html, /could not be reached/);
    // Read as it was said; the thin spaces of neutraliseLinks (core/text.ts) keep it from being a link.
    assert.match(html, /\[x\]\u2009\(command\u2009:evil\) \*\*bold\*\*/);
    assert.deepStrictEqual(hrefs(html), []);
  });

  it('keeps hostile ids and platform texts inert: links only from the actions, to the hover commands', () => {
    const ids = [...HOSTILE_STRINGS.filter((s) => s !== '' && s.length <= 65_535), 'x'.repeat(65_535)];
    for (const id of ids) {
      for (const lookup of [foundLookup(id), { kind: 'notFound', at: NOW } as Lookup, undefined]) {
        const md = hoverMarkdown(id, lookup, {
          now: NOW,
          platformName: '[p](command:x) <b>',
          links: links(id, lookup),
        });
        const html = render(md);
        assert.ok(!/<(img|script|iframe|b)\b/i.test(html), `markup from ${id.slice(0, 40)}`);
        for (const href of hrefs(html)) {
          const command = href.slice('command:'.length).split('?')[0];
          assert.ok(href.startsWith('command:') && HOVER_COMMANDS.includes(command as never), href.slice(0, 80));
          // The id travels whole, as JSON, in the link's arguments (Register Device takes its parts).
          const [arg] = JSON.parse(decodeURIComponent(href.split('?')[1])) as unknown[];
          if (!href.includes(Command.registerDevice)) assert.ok(arg === id, 'the argument is the id');
        }
        if (id.length > MAX_LINKED_ID) assert.deepStrictEqual(hrefs(html), []);
        assert.ok(md.length < 40_000, `a ${id.length}-character id makes a ${md.length}-character hover`);
      }
    }
  });

  it('puts no link on an id too long to carry', () => {
    assert.deepStrictEqual(links('x'.repeat(MAX_LINKED_ID + 1), { kind: 'notFound', at: NOW }), []);
  });
});

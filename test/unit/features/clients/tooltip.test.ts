// The client tooltip with hostile records, rendered by the Markdown renderer VS Code 1.100
// bundles (marked 14): nothing from the record may become a link, image, HTML or emphasis, and
// huge ids stay short. Ids the broker refuses can only reach the tree through a misbehaving
// API, so they are tested here, through the builder.
import * as assert from 'assert';
import { marked } from 'marked';
import { normaliseClientState, type ClientState } from '../../../../src/core/clientState';
import { escapeMarkdown } from '../../../../src/core/markdown';
import { tooltipMarkdown } from '../../../../src/features/clients/tooltip';
import { HOSTILE_STRINGS } from '../../core/hostile';

const NOW = Date.parse('2024-05-01T12:00:00Z');

function render(markdown: string): string {
  return marked.parse(markdown, { async: false, gfm: true }) as string;
}

function record(id: string, extra: Record<string, unknown> = {}): ClientState {
  const state = normaliseClientState({
    id,
    clientType: 'device',
    connectionStatus: 'disconnected',
    lastConnectTime: '2024-05-01T11:00:00.000Z',
    lastDisconnectTime: '2024-05-01T11:58:00.000Z',
    lastActivityEvent: 'mqttDisconnect',
    lastActivityTime: '2024-05-01T11:58:00.000Z',
    mqttConnectProtocol: '3.1.1',
    closeCode: 160,
    closeReason: 'The connection timed out',
    ...extra,
  });
  assert.ok(state);
  return state;
}

const ACTIVE_MARKUP = /<(a|img|script|iframe|em|del|code|pre|h\d|ul|ol|table|blockquote)\b/i;

describe('features/clients/tooltip: a hostile record is inert text', () => {
  const hostileIds = [
    ...HOSTILE_STRINGS.filter((s) => s !== ''),
    'd:org1x2:t:**bold**_x_',
    '[x](command:workbench.action.terminal.new "t")',
    '![img](https://evil.example/p.png)',
    'https://evil.example/phish',
    '<https://evil.example>',
    '&lt;b&gt;',
    '`code`',
    '# heading',
    '> quote',
    '| a | b |',
    '~~del~~',
    'd:org1x2:t:\u202Egnp.exe',
    'x'.repeat(64 * 1024),
  ];

  for (const id of hostileIds) {
    it(`renders ${JSON.stringify(id.slice(0, 40))}${id.length > 40 ? '…' : ''} without markup`, () => {
      const md = tooltipMarkdown(
        record(id, { closeReason: id, lastActivityEvent: id, [id.slice(0, 50) || 'k']: id }),
        NOW,
      );
      const html = render(md);
      assert.doesNotMatch(html, ACTIVE_MARKUP);
      assert.strictEqual((html.match(/<strong>/g) ?? []).length, 1, 'only the headline is bold');
      assert.doesNotMatch(html, /[\u202a-\u202e\u2066-\u2069]/);
      assert.ok(md.length < 8000, `the tooltip of a ${id.length}-character id is ${md.length} characters`);
    });
  }

  it('explains every field of a record in words: initiator, close code, MQTT reason code, times', () => {
    const md = tooltipMarkdown(
      record('d:org1x2:sensor:s-01', { disconnectInitiator: 'network', mqttReasonCode: 141, extraField: 'seen' }),
      NOW,
    );
    const text = render(md).replace(/<[^>]+>/g, '');
    for (const words of [
      'Client ID: d:org1x2:sensor:s-01',
      'Status: disconnected',
      'Disconnected by: the network',
      'Close code: 160 — The connection timed out',
      'MQTT reason code: 141 — keep alive timeout',
      'Last activity: mqttDisconnect, 2024-05-01T11:58:00.000Z (2 min. ago)',
      'MQTT protocol: 3.1.1',
      'extraField: seen',
    ]) {
      assert.ok(text.includes(words), `missing "${words}" in:\n${text}`);
    }
  });

  it('escapes every ASCII punctuation mark, so CommonMark shows each as itself', () => {
    const all = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
    assert.strictEqual(
      render(escapeMarkdown(all)).trim(),
      '<p>!&quot;#$%&amp;&#39;()*+,-./:;&lt;=&gt;?@[\\]^_`{|}~</p>',
    );
  });
});

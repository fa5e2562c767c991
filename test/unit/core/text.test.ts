import * as assert from 'node:assert/strict';
import { marked } from 'marked';
import { escapeMarkdown } from '../../../src/core/markdown';
import { quickPickText } from '../../../src/core/quickPickText';
import { hashText, linksAsSent, neutraliseLinks, plainLine, plainText } from '../../../src/core/text';
import { HOSTILE_STRINGS, MEGABYTE } from './hostile';
import { COMMAND_LINK, hasLinkedText } from './links';

const LINKY = [
  COMMAND_LINK,
  '![img](https://evil.example/x.png)',
  '[a](file:///etc/passwd "t")',
  '<command:workbench.action.terminal.new>',
  '<https://evil.example>',
  '<img src=x onerror=alert(1)>',
  '</script><!-- c --><?x?>',
  'open command:workbench.action.terminal.new now',
  '$(alert) spoofed icon',
];

describe('core/text', () => {
  it('keeps ordinary text as it is', () => {
    assert.equal(plainText('sensor-7 disconnected'), 'sensor-7 disconnected');
    assert.equal(plainText('1 < 2 and [a] (b)'), '1 < 2 and [a] (b)');
    assert.equal(plainText('the command: refresh'), 'the command: refresh');
  });
  it('neutralises link syntax: no link, autolink, HTML tag, command: URI or icon a renderer would act on', () => {
    for (const text of LINKY) {
      for (const shown of [plainText(text), quickPickText(text), neutraliseLinks(text)]) {
        assert.ok(!hasLinkedText(shown), `a link in ${JSON.stringify(shown)}`);
        assert.doesNotMatch(shown, /\]\(|<[a-z/!?]|command:|\$\(/i, JSON.stringify(shown));
      }
      const html = marked.parse(escapeMarkdown(text), { async: false, gfm: true }) as string;
      assert.doesNotMatch(html, /<(a|img|script|!--)\b/i, html);
    }
  });
  it('keeps the text readable: only a thin space is added, and twice is once', () => {
    assert.equal(plainText(COMMAND_LINK, 1000).replace(/\u2009/g, ''), COMMAND_LINK);
    for (const text of LINKY) assert.equal(neutraliseLinks(neutraliseLinks(text)), neutraliseLinks(text));
  });
  it('gives a medium that never makes links (the webview) the text as sent, less controls and bidi', () => {
    for (const text of LINKY) {
      assert.equal(linksAsSent(plainText(text, 1000)), text);
      assert.equal(plainLine(text, 1000), text);
    }
    assert.equal(linksAsSent('a thin\u2009space of its own stays'), 'a thin\u2009space of its own stays');
    assert.equal(plainLine('<b>\u202eevil\u0007', 100), '<b>evil ');
  });
  it('replaces control characters and drops bidirectional overrides', () => {
    assert.equal(plainText('a\u0000b\nc\u009bd'), 'a b c d');
    assert.equal(plainText('one\u2028[iot] forged\u2029line'), 'one [iot] forged line');
    assert.equal(plainText('\u202Eevil\u202C \u2066x\u2069\u200F'), 'evil x');
  });
  it('bounds the length with an ellipsis, without splitting a surrogate pair', () => {
    assert.equal(plainText('abcdef', 4), 'abc…');
    assert.equal(plainText('abcd', 4), 'abcd');
    const cut = plainText('ab\ud83d\ude00cd', 4);
    assert.equal(cut, 'ab…');
    const big = plainText(MEGABYTE, 100);
    assert.equal(big.length, 100);
    assert.ok(big.endsWith('…'));
  });
  it('marks a cut even when removed marks brought the head under the limit', () => {
    const text = '\u202E'.repeat(300) + 'tail';
    assert.ok(plainText(text, 10).endsWith('…'));
  });
  it('never throws on hostile text and never returns control characters', () => {
    for (const s of HOSTILE_STRINGS) {
      const out = plainText(s);
      assert.ok(out.length <= 200);
      // eslint-disable-next-line no-control-regex -- asserting their absence
      assert.doesNotMatch(out, /[\u0000-\u001f\u202a-\u202e]/);
    }
    assert.equal(plainText(undefined as unknown as string), '');
  });
  it('hashes stably and tells different texts apart', () => {
    assert.equal(hashText('abc'), hashText('abc'));
    assert.notEqual(hashText('abc'), hashText('abd'));
    assert.match(hashText(MEGABYTE), /^[0-9a-z]+$/);
  });
});

import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { makeNonce, timelineHtml } from '../../../../src/features/timeline/html';

const parts = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  scriptUri: 'https://x/dist/webview/timeline.js',
  styleUri: 'https://x/media/timeline/timeline.css',
  language: 'en',
};

function csp(html: string): string {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(m, 'the page has a CSP meta element');
  return m[1];
}

describe('features/timeline/html', () => {
  it('allows nothing by default, the script only by its nonce, styles only from the extension', () => {
    const nonce = makeNonce(randomBytes);
    const html = timelineHtml({ ...parts, nonce });
    const policy = csp(html);
    assert.match(policy, /^default-src 'none';/);
    assert.match(policy, new RegExp(`script-src 'nonce-${nonce.replace(/[+/=]/g, '\\$&')}'`));
    assert.match(policy, /style-src https:\/\/file\+\.vscode-resource\.vscode-cdn\.net;/);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval|http:|\*/);
    // The only script is the bundle, carrying the nonce; no inline script, no inline style.
    assert.deepEqual(
      [...html.matchAll(/<script[^>]*>/g)].map((m) => m[0]),
      [`<script nonce="${nonce}" src="${parts.scriptUri}">`],
    );
    assert.doesNotMatch(html, /<style[\s>]|\sstyle="|\son[a-z]+=/i);
  });
  it('makes a new 128-bit nonce each time', () => {
    const a = makeNonce(randomBytes);
    const b = makeNonce(randomBytes);
    assert.notEqual(a, b);
    assert.equal(Buffer.from(a, 'base64').length, 16);
  });
  it('refuses a weak nonce and escapes the URIs it is given', () => {
    assert.throws(() => timelineHtml({ ...parts, nonce: 'abc' }), /nonce/);
    const html = timelineHtml({
      ...parts,
      nonce: makeNonce(randomBytes),
      scriptUri: 'https://x/"><img src=x onerror=alert(1)>',
    });
    assert.doesNotMatch(html, /<img/);
  });
  it("sets the page's lang and carries the host's bundle as text in an attribute", () => {
    const bundle = { Stop: 'Parar', 'a "quoted" <b>{0}</b>': 'um "citado" <b>{0}</b>' };
    const html = timelineHtml({ ...parts, nonce: makeNonce(randomBytes), language: 'pt-br', bundle });
    assert.match(html, /<html lang="pt-br">/);
    const m = /<main id="app" data-l10n="([^"]*)">/.exec(html);
    assert.ok(m, 'the bundle is in one attribute');
    assert.doesNotMatch(m[1], /[<>"]/);
    const decoded = m[1]
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    assert.deepEqual(JSON.parse(decoded), bundle);
    assert.match(timelineHtml({ ...parts, nonce: makeNonce(randomBytes), language: 'x" onload="y' }), /lang="x&quot;/);
  });
});

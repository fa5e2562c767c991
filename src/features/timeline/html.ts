// The panel's one HTML page (no `vscode` import): a strict Content Security Policy — nothing by
// default, the script only by a fresh nonce, styles only from the extension — and no data but the
// person's language: `lang`, and the host's l10n bundle in an attribute the page's script reads
// before it draws anything (webview/timeline/main.ts). Everything it shows arrives later by message
// and is set as text.

import * as l10n from '@vscode/l10n';
import type { L10nBundle } from '../../core/l10n';

export interface HtmlParts {
  /** webview.cspSource */
  readonly cspSource: string;
  /** webview.asWebviewUri(…) of dist/webview/timeline.js and media/timeline/timeline.css, as strings. */
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly nonce: string;
  /** vscode.env.language: the page's `lang`. */
  readonly language: string;
  /** vscode.l10n.bundle: the words of the page in that language (undefined: English). */
  readonly bundle?: L10nBundle;
}

/** A nonce of 128 random bits, base64 (a new one for every page). */
export function makeNonce(random: (bytes: number) => Uint8Array): string {
  return Buffer.from(random(16)).toString('base64');
}

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function timelineHtml(p: HtmlParts): string {
  if (!/^[A-Za-z0-9+/=]{16,}$/.test(p.nonce)) throw new Error('a nonce must be base64 of at least 12 random bytes');
  const csp = [
    "default-src 'none'",
    `style-src ${p.cspSource}`,
    `img-src ${p.cspSource} data:`,
    `font-src ${p.cspSource}`,
    `script-src 'nonce-${p.nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${attr(p.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(p.styleUri)}">
<title>${attr(l10n.t('Connection timeline'))}</title>
</head>
<body>
<main id="app" data-l10n="${attr(JSON.stringify(p.bundle ?? {}))}"></main>
<script nonce="${attr(p.nonce)}" src="${attr(p.scriptUri)}"></script>
</body>
</html>`;
}

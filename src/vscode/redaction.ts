// Keeps tokens out of the log (no `vscode` import; unit-tested). Known tokens are replaced in
// every form they travel in (platform/rest/redact.ts); anything shaped like a credential —
// an Authorization header, a token or password field — is masked even when it is not known.

import { secretForms } from '../platform';

const MASK = '***';
const PATTERNS: readonly [RegExp, string][] = [
  [/\b(authorization["']?\s*[:=]\s*["']?)(basic|bearer)\s+[A-Za-z0-9+/=._~-]+/gi, `$1$2 ${MASK}`],
  [
    /\b((?:api[_-]?token|auth[_-]?token|apiToken|authToken|password|passwd|token)["']?\s*[:=]\s*["']?)[^"'\s,;&}]+/gi,
    `$1${MASK}`,
  ],
];

export class Redaction {
  private readonly needles = new Set<string>();

  /** Remembers a token (and its Basic form with `apiKey`) so that it never appears in text. */
  addSecret(apiKey: string, token: string): void {
    for (const form of secretForms(apiKey, token)) if (form.length >= 4) this.needles.add(form);
  }

  apply(text: string): string {
    let out = typeof text === 'string' ? text : String(text);
    // Longest first, so that a token inside its Basic form does not leave the rest behind.
    for (const needle of [...this.needles].sort((a, b) => b.length - a.length)) out = out.split(needle).join(MASK);
    for (const [re, replacement] of PATTERNS) out = out.replace(re, replacement);
    return out;
  }
}

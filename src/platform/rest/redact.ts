// Keeps the API token out of every text the platform layer produces. Text from the server (its
// error messages) is redacted too: a misbehaving server or proxy may echo the request back.

const MAX_TEXT = 2000;

export type Redactor = (text: string) => string;

export function redactor(secrets: readonly string[]): Redactor {
  const needles = secrets.filter((s) => s.length >= 4);
  return (text) => {
    let out = text;
    for (const needle of needles) out = out.split(needle).join('***');
    return out.length > MAX_TEXT ? `${out.slice(0, MAX_TEXT)}… (${out.length} characters)` : out;
  };
}

/** The token and every form in which it travels: the Basic credential, base64 and URL-encoded. */
export function secretForms(apiKey: string, apiToken: string): string[] {
  const basic = Buffer.from(`${apiKey}:${apiToken}`, 'utf8').toString('base64');
  return [apiToken, encodeURIComponent(apiToken), basic];
}

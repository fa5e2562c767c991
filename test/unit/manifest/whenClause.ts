// The context keys a `when` clause reads, and the values it compares them with: enough of the
// grammar of VS Code's when clauses for the package.json lint test.

export interface WhenTerm {
  readonly key: string;
  readonly op?: '==' | '!=' | '=~' | 'in' | 'not in' | '<' | '>' | '<=' | '>=';
  readonly value?: string;
}

/** Splits at && and || (outside regexes and quotes), drops ! and parentheses. */
export function whenTerms(when: string): WhenTerm[] {
  const terms: WhenTerm[] = [];
  const parts = when.split(/&&|\|\|/).map((p) => p.trim().replace(/^[!(\s]+|[)\s]+$/g, ''));
  for (const part of parts) {
    if (part === '' || part === 'true' || part === 'false') continue;
    const m = /^([\w.:-]+)\s*(==|!=|=~|not in|in|<=|>=|<|>)?\s*(.*)$/.exec(part);
    if (!m) throw new Error(`cannot read the when clause term "${part}"`);
    terms.push({
      key: m[1],
      op: m[2] as WhenTerm['op'],
      value: m[3] === '' ? undefined : m[3].replace(/^'(.*)'$/, '$1'),
    });
  }
  return terms;
}

/** The RegExp of a `=~ /…/flags` value. */
export function whenRegExp(value: string): RegExp {
  const m = /^\/(.*)\/([a-z]*)$/.exec(value);
  if (!m) throw new Error(`${value} is not a /regex/`);
  return new RegExp(m[1], m[2]);
}

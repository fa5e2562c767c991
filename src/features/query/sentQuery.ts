// The query as the API receives it (no `vscode` import): relative spans ("2d") resolved against
// now, each refresh anew, so a kept query "connected in the last 2 days" stays relative.

import type { StateQuery } from '../../core/query';
import { stateQueryParams } from '../../core/stateQuery';

export function sentQuery(query: StateQuery, now: number): StateQuery {
  const r = stateQueryParams(query, now);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join(' '));
  return Object.fromEntries(r.params) as StateQuery;
}

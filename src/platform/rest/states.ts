// The Client Connection State API (platform-contract.md §2): pages of records, one record, and the feature switch.

import { normaliseClientState, type ClientState } from '../../core/clientState';
import { STATE_PAGE_MAX } from '../../core/limits';
import { STATE_QUERY_PARAMS, type StateQuery, type StateSortField } from '../../core/query';
import { isPlatformError, PlatformError } from '../errors';
import type { Transport } from './http';
import { PageGuard } from './paging';
import { isUsableSegment, pathSegment, quote } from './text';

export type StateSort = StateSortField | `-${StateSortField}`;

export interface StatePageRequest {
  readonly query?: StateQuery;
  /** 1–100 records; the API's default is 25. */
  readonly limit?: number;
  /** Fields in order, `-` for descending: `['-lastActivityTime']`. */
  readonly sort?: readonly StateSort[];
  /** The previous page's `bookmark`. */
  readonly bookmark?: string;
}

export interface ClientStatePage {
  readonly records: readonly ClientState[];
  /** For the next page; absent on the last one. */
  readonly bookmark?: string;
  /** Every match of the query (`meta.total_rows`), when the API said. */
  readonly totalRows?: number;
  /** Records without a usable id: not shown, counted. */
  readonly skipped: number;
}

export interface ClientStateConfig {
  readonly enabled: boolean;
}

const STATES = '/clientconnectionstates';
const CONFIG = '/config/clientstate';

export async function listClientStates(
  t: Transport,
  request: StatePageRequest = {},
  signal?: AbortSignal,
): Promise<ClientStatePage> {
  const params: Record<string, string | number> = {};
  const query = (request.query ?? {}) as Record<string, string | undefined>;
  for (const name of STATE_QUERY_PARAMS) {
    const value = query[name];
    if (value !== undefined && value !== '') params[name] = value;
  }
  if (request.limit !== undefined) params._limit = Math.min(STATE_PAGE_MAX, Math.max(1, Math.floor(request.limit)));
  if (request.sort && request.sort.length > 0) params._sort = request.sort.join(',');
  if (request.bookmark) params._bookmark = request.bookmark;
  const { body } = await explainForbidden(t, signal, () => t.send({ method: 'GET', path: STATES, params, signal }));
  return readStatePage(body, t.host);
}

/** Every page of a query, first to last, within the client's page budget (paging.ts). Stops early when the
 *  caller breaks out of the loop or `signal` fires. */
export async function* allClientStates(
  t: Transport,
  request: StatePageRequest = {},
  signal?: AbortSignal,
): AsyncGenerator<ClientStatePage> {
  const guard = new PageGuard(t.host, 'client states', t.pageBudget, signal);
  const seen = new Set<string>();
  let bookmark = request.bookmark;
  for (;;) {
    const page = await guard.page((pageSignal) => listClientStates(t, { ...request, bookmark }, pageSignal));
    yield page;
    if (page.bookmark === undefined || page.records.length + page.skipped === 0) return;
    if (seen.has(page.bookmark)) {
      throw new PlatformError({
        kind: 'malformed',
        message: `${t.host} sent the same bookmark twice while paging; stopped to avoid an endless loop.`,
      });
    }
    seen.add(page.bookmark);
    bookmark = page.bookmark;
  }
}

export async function getClientState(t: Transport, clientId: string, signal?: AbortSignal): Promise<ClientState> {
  if (!isUsableSegment(clientId)) {
    throw new PlatformError({
      kind: 'badRequest',
      message: `${quote(clientId)} cannot be a client id (${clientId.length} characters).`,
    });
  }
  let body: unknown;
  try {
    ({ body } = await explainForbidden(t, signal, () =>
      t.send({ method: 'GET', path: `${STATES}/${pathSegment(clientId)}`, signal }),
    ));
  } catch (error) {
    if (isPlatformError(error, 'notFound')) {
      throw error.withKind(
        'notFound',
        `The platform has no connection state for ${quote(clientId)}: it has not connected (or tried to) since the ` +
          `state API was switched on, or it is not registered.`,
      );
    }
    throw error;
  }
  const state = normaliseClientState(body);
  if (!state) {
    throw new PlatformError({
      kind: 'malformed',
      message: `${t.host} answered with something that is not a client state record for ${quote(clientId)}.`,
    });
  }
  return state;
}

export async function getClientStateConfig(
  t: Transport,
  signal?: AbortSignal,
  retries?: number,
): Promise<ClientStateConfig> {
  const { body } = await t.send({ method: 'GET', path: CONFIG, signal, retries });
  return readConfig(body, t.host);
}

export async function setClientStateConfig(
  t: Transport,
  enabled: boolean,
  signal?: AbortSignal,
): Promise<ClientStateConfig> {
  const { body } = await t.send({ method: 'PUT', path: CONFIG, body: { enabled }, signal });
  return body === undefined ? { enabled } : readConfig(body, t.host);
}

/** A 403 from the state API means "switched off" when the switch says so; one extra call, only on a 403. */
async function explainForbidden<T>(t: Transport, signal: AbortSignal | undefined, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!isPlatformError(error, 'forbidden')) throw error;
    const config = await getClientStateConfig(t, signal).catch(() => undefined);
    if (config?.enabled === false) {
      throw error.withKind(
        'featureDisabled',
        'The Client Connection State API is switched off for this organization (HTTP 403). Switch it on to see the ' +
          'connection state of clients.',
      );
    }
    throw error;
  }
}

function readConfig(body: unknown, host: string): ClientStateConfig {
  const enabled = typeof body === 'object' && body !== null ? (body as { enabled?: unknown }).enabled : undefined;
  if (typeof enabled !== 'boolean') {
    throw new PlatformError({
      kind: 'malformed',
      message: `${host} answered config/clientstate without an "enabled" true or false.`,
    });
  }
  return { enabled };
}

function readStatePage(body: unknown, host: string): ClientStatePage {
  const results = typeof body === 'object' && body !== null ? (body as { results?: unknown }).results : undefined;
  if (!Array.isArray(results)) {
    throw new PlatformError({
      kind: 'malformed',
      message: `${host} answered the state query without a "results" list.`,
    });
  }
  const records: ClientState[] = [];
  for (const item of results) {
    const state = normaliseClientState(item);
    if (state) records.push(state);
  }
  const { bookmark, meta } = body as { bookmark?: unknown; meta?: { total_rows?: unknown } };
  const total = typeof meta === 'object' && meta !== null ? meta.total_rows : undefined;
  return {
    records,
    bookmark: typeof bookmark === 'string' && bookmark !== '' ? bookmark : undefined,
    totalRows: typeof total === 'number' && Number.isInteger(total) && total >= 0 ? total : undefined,
    skipped: results.length - records.length,
  };
}

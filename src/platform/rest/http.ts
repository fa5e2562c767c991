// The HTTP transport of one REST client: an axios instance with Basic auth, the platform's CA,
// timeouts, pacing shared by all its calls, retries (axios-retry with retryPolicy.ts), and every
// failure turned into a PlatformError. Bodies are read as text and parsed here, so that an answer
// that is not JSON is reported as such instead of arriving as a string where an object was due.

import * as http from 'node:http';
import * as https from 'node:https';
import axios, { type AxiosError, type AxiosInstance, type GenericAbortSignal } from 'axios';
import axiosRetry from 'axios-retry';
import { PlatformError } from '../errors';
import { proxyAgent } from '../proxy/agents';
import { silentLog, type PlatformLog } from '../log';
import { toPlatformError } from './failures';
import { PACING_WINDOW_MS, type ResolvedRestOptions } from './options';
import { Pacer, type PacerSlot } from './pacer';
import type { PageBudget } from './paging';
import { redactor, secretForms, type Redactor } from './redact';
import { retryDelayMs, retryReason, type FailedAttempt } from './retryPolicy';

export interface HttpRequest {
  readonly method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  /** Under the API base, each segment already encoded: `/clientconnectionstates/d:o:t:x`. */
  readonly path: string;
  readonly params?: Readonly<Record<string, string | number | undefined>>;
  readonly body?: unknown;
  readonly signal?: AbortSignal;
  /** Overrides the client's retry count (verify() makes exactly one call). */
  readonly retries?: number;
}

export interface HttpResponse {
  readonly status: number;
  /** Parsed JSON; undefined for an empty body. */
  readonly body: unknown;
}

/** The pacing slot of each attempt in flight, by its axios config. */
const slots = new WeakMap<object, PacerSlot>();

function finishSlot(config: object | undefined): void {
  if (config === undefined) return;
  slots.get(config)?.finish();
  slots.delete(config);
}

/** Largest answer read; a state page of 100 records is ~40 KB. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

export class Transport {
  readonly host: string;
  /** What one loop over pages may read (paging.ts). */
  readonly pageBudget: PageBudget;
  readonly redact: Redactor;
  private readonly axios: AxiosInstance;
  private readonly pacer: Pacer;
  private readonly agents: { http: http.Agent; https: http.Agent };
  private readonly log: PlatformLog;

  constructor(private readonly options: ResolvedRestOptions) {
    this.host = options.host;
    this.pageBudget = options.pageBudget;
    this.log = options.log ?? silentLog;
    this.redact = redactor(secretForms(options.apiKey, options.apiToken));
    this.pacer = new Pacer(options.callsPerSecond, PACING_WINDOW_MS);
    const tls = { ca: options.ca, rejectUnauthorized: options.rejectUnauthorized };
    // Through VS Code's proxy when its settings say so (platform/proxy): one agent for the one base URL.
    const viaProxy = proxyAgent(options.baseUrl, options.proxy, tls);
    this.agents = {
      http: viaProxy ?? new http.Agent({ keepAlive: true }),
      https: viaProxy ?? new https.Agent({ keepAlive: true, ...tls }),
    };
    const credential = Buffer.from(`${options.apiKey}:${options.apiToken}`, 'utf8').toString('base64');
    this.axios = axios.create({
      // Node's http and https, never the browser adapters (kept out of the bundle: scripts/bundle-trim-extension.js).
      adapter: 'http',
      baseURL: options.baseUrl,
      timeout: options.timeoutMs,
      headers: { Accept: 'application/json', Authorization: `Basic ${credential}` },
      httpAgent: this.agents.http,
      httpsAgent: this.agents.https,
      // Never send the credentials through an environment proxy or on to a redirect's host.
      proxy: false,
      maxRedirects: 0,
      maxContentLength: MAX_BODY_BYTES,
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      validateStatus: (status) => status >= 200 && status < 300,
    });
    // Each attempt (retries too) takes a pacing slot and frees it when its answer or failure is in.
    // The freeing interceptor is registered before axios-retry's, so that an attempt waiting to be
    // retried does not hold a slot its retry may need.
    this.axios.interceptors.request.use(async (config) => {
      slots.set(config, await this.pacer.take(config.signal as AbortSignal | undefined));
      return config;
    });
    this.axios.interceptors.response.use(
      (response) => (finishSlot(response.config), response),
      (error: unknown) => {
        finishSlot((error as Partial<AxiosError> | undefined)?.config);
        throw error;
      },
    );
    axiosRetry(this.axios, {
      retries: options.maxRetries,
      shouldResetTimeout: true,
      retryCondition: (error) => this.reasonToRetry(error) !== undefined,
      retryDelay: (retry, error) => this.delayBeforeRetry(retry, error),
    });
  }

  async send(request: HttpRequest): Promise<HttpResponse> {
    const what = `${request.method} ${new URL(this.options.baseUrl).pathname}${request.path}`;
    const started = Date.now();
    let text: string;
    let status: number;
    try {
      const response = await this.axios.request<string>({
        method: request.method,
        url: request.path,
        params: request.params,
        data: request.body,
        signal: request.signal as GenericAbortSignal | undefined,
        ...(request.retries !== undefined ? { 'axios-retry': { retries: request.retries } } : {}),
      });
      text = typeof response.data === 'string' ? response.data : '';
      status = response.status;
    } catch (error) {
      const failure = toPlatformError(error, {
        host: this.host,
        request: this.redact(what),
        timeoutMs: this.options.timeoutMs,
        redact: this.redact,
        signal: request.signal,
      });
      this.log.debug?.(`${this.redact(what)} failed after ${Date.now() - started} ms: ${failure.kind}`);
      throw failure;
    }
    this.log.debug?.(`${this.redact(what)} → ${status} in ${Date.now() - started} ms`);
    return { status, body: this.parse(text, what) };
  }

  dispose(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  private parse(text: string, what: string): unknown {
    if (text.trim() === '') return undefined;
    try {
      return JSON.parse(text);
    } catch {
      const start = this.redact(text.slice(0, 40)).replace(/\s+/g, ' ');
      throw new PlatformError({
        kind: 'malformed',
        request: this.redact(what),
        message:
          `${this.host} answered with something that is not JSON ("${start}…"): is ${this.options.baseUrl} ` +
          `the platform's API URL?`,
      });
    }
  }

  private attemptOf(error: AxiosError): FailedAttempt {
    const header = error.response?.headers?.['retry-after'];
    return {
      method: error.config?.method,
      status: error.response?.status,
      code: error.code,
      retryAfterHeader: typeof header === 'string' ? header : undefined,
    };
  }

  private reasonToRetry(error: AxiosError) {
    return retryReason(this.attemptOf(error), this.options.maxRetryAfterMs);
  }

  private delayBeforeRetry(retry: number, error: AxiosError): number {
    const attempt = this.attemptOf(error);
    const reason = retryReason(attempt, this.options.maxRetryAfterMs) ?? 'transient';
    const delay = retryDelayMs(reason, retry, this.options.backoff, attempt.retryAfterHeader);
    // A 429 holds back every call of this client, not only the one that met it.
    if (reason === 'rateLimited') this.pacer.pauseUntil(Date.now() + delay);
    this.log.info(
      `${error.config?.method?.toUpperCase() ?? ''} ${this.redact(error.config?.url ?? '')}: ` +
        `${attempt.status ?? attempt.code ?? 'failure'}; retry ${retry} of ${this.options.maxRetries} in ${delay} ms`,
    );
    return delay;
  }
}

// Which failures are retried and after how long: pure rules, no network.

import * as assert from 'node:assert/strict';
import { backoffDelay } from '../../../../src/platform';
import { parseRetryAfter, retryDelayMs, retryReason } from '../../../../src/platform/rest/retryPolicy';

describe('platform retry policy', () => {
  const now = Date.UTC(2024, 0, 1, 12, 0, 0);

  it('reads Retry-After as seconds or as an HTTP date, and nothing else', () => {
    assert.equal(parseRetryAfter('0', now), 0);
    assert.equal(parseRetryAfter(' 7 ', now), 7000);
    assert.equal(parseRetryAfter('Mon, 01 Jan 2024 12:00:05 GMT', now), 5000);
    assert.equal(parseRetryAfter('Mon, 01 Jan 2024 11:00:00 GMT', now), 0, 'a date in the past means now');
    for (const bad of [undefined, '', '-1', '1.5', 'soon', '12345678901', 'x'.repeat(100)]) {
      assert.equal(parseRetryAfter(bad, now), undefined, String(bad));
    }
  });

  it('retries 429 for every method when Retry-After is short enough', () => {
    assert.equal(retryReason({ method: 'post', status: 429, retryAfterHeader: '2' }, 10_000, now), 'rateLimited');
    assert.equal(retryReason({ method: 'get', status: 429 }, 10_000, now), 'rateLimited');
    assert.equal(retryReason({ method: 'get', status: 429, retryAfterHeader: '11' }, 10_000, now), undefined);
  });

  it('retries 5xx and transient network errors only for idempotent methods, never 4xx', () => {
    assert.equal(retryReason({ method: 'get', status: 503 }, 0), 'transient');
    assert.equal(retryReason({ method: 'PUT', status: 500 }, 0), 'transient');
    assert.equal(retryReason({ method: 'post', status: 500 }, 0), undefined);
    for (const status of [400, 401, 403, 404, 409]) assert.equal(retryReason({ method: 'get', status }, 0), undefined);
    assert.equal(retryReason({ method: 'get', code: 'ECONNRESET' }, 0), 'transient');
    assert.equal(retryReason({ method: 'post', code: 'ECONNRESET' }, 0), undefined);
    for (const code of ['ECONNABORTED', 'ERR_CANCELED', 'CERT_HAS_EXPIRED', 'ENOTFOUND']) {
      assert.equal(retryReason({ method: 'get', code }, 0), undefined, code);
    }
  });

  it('waits Retry-After for a 429, backoff otherwise', () => {
    const backoff = { initialMs: 100, maxMs: 1000 };
    assert.equal(retryDelayMs('rateLimited', 1, backoff, '3', now), 3000);
    const d = retryDelayMs('rateLimited', 1, backoff, undefined, now);
    assert.ok(d >= 50 && d <= 100);
  });

  it('grows backoff exponentially with jitter, capped', () => {
    const o = { initialMs: 100, maxMs: 1000 };
    assert.equal(
      backoffDelay(1, o, () => 0),
      50,
    );
    assert.equal(
      backoffDelay(1, o, () => 1),
      100,
    );
    assert.equal(
      backoffDelay(3, o, () => 1),
      400,
    );
    assert.equal(
      backoffDelay(30, o, () => 1),
      1000,
    );
    assert.equal(
      backoffDelay(30, o, () => 0),
      500,
      'never below half the step',
    );
  });
});

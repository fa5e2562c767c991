// What the loader's tests share: times of a fixed day, a REST client, a notice in the page's words.
import { PlatformRestClient } from '../../../../src/platform';
import type { Notice } from '../../../../src/shared/notices';
import { noticeText } from '../../../../src/webview/timeline/notices';

const T = Date.UTC(2024, 0, 1, 12);

/** `s` seconds after noon, 1 January 2024, as ISO text. */
export const iso = (s: number) => new Date(T + s * 1000).toISOString();

/** A notice as the panel's page words it. */
export const textOf = (n: Notice | undefined) => (n ? noticeText(n) : '');

export function restOf(
  apiUrl: string,
  apiKey: string,
  apiToken: string,
  extra: Partial<ConstructorParameters<typeof PlatformRestClient>[0]> = {},
): PlatformRestClient {
  return new PlatformRestClient({ apiUrl, apiKey, apiToken, ...extra });
}

// The platform's numbers (platform-contract.md §2.2, §3, §5), shared by the sandbox that enforces them and the
// extension that stays within them.

/** Largest MQTT payload accepted; larger closes the connection with 287. */
export const MAX_PAYLOAD_BYTES = 131072;
/** Subscriptions allowed on one application connection; past it the server closes with 154. */
export const APP_SUBSCRIPTION_QUOTA = 500;
/** Subscriptions allowed on one device connection. */
export const DEVICE_SUBSCRIPTION_QUOTA = 50;
/** Fair-use rate of REST calls per organization. */
export const API_CALLS_PER_SECOND = 10;

/** The longest client id MQTT can carry (a UTF-8 string of at most 65,535 bytes); observed brokers accept such ids. */
export const MAX_CLIENT_ID_BYTES = 65535;

/** State API page sizes. */
export const STATE_PAGE_DEFAULT = 25;
export const STATE_PAGE_MAX = 100;

/** Connection log paging. */
export const LOG_LIMIT_MIN = 1;
export const LOG_LIMIT_MAX = 20;
export const LOG_OFFSET_MAX = 1000;
/** Entries the sandbox keeps per device (at least the last 1000, which the API can reach). */
export const LOG_ENTRIES_KEPT = 1020;

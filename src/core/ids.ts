// Client ids, API keys and monitor topics of the platform (platform-contract.md §1, §4).
// Ids arrive from devices and from the network: every parser here returns undefined for
// anything it does not recognise instead of throwing.

export type ClientKind = 'device' | 'gateway' | 'application' | 'scalableApplication';

/**
 * The `clientType` the state API reports (platform-contract.md §2.2). Scalable applications are applications; an id
 * not of the platform's form, from an observed broker, is `other` (platform-contract.md §7.2).
 */
export type ClientType = 'device' | 'gateway' | 'application' | 'other';

export interface DeviceClientId {
  readonly kind: 'device' | 'gateway';
  readonly orgId: string;
  readonly typeId: string;
  readonly deviceId: string;
  readonly raw: string;
}

export interface AppClientId {
  readonly kind: 'application' | 'scalableApplication';
  readonly orgId: string;
  readonly appId: string;
  readonly instanceId?: string;
  readonly raw: string;
}

export type ParsedClientId = DeviceClientId | AppClientId;

/** Id parts use only `[A-Za-z0-9._-]`, at most 36 characters (platform-contract.md §1). */
export const ID_PART_PATTERN = /^[A-Za-z0-9._-]{1,36}$/;
/** Organization ids are 6 characters. */
export const ORG_ID_PATTERN = /^[A-Za-z0-9]{6}$/;

export function isValidIdPart(part: string): boolean {
  return ID_PART_PATTERN.test(part);
}

export function isValidOrgId(orgId: string): boolean {
  return ORG_ID_PATTERN.test(orgId);
}

/** Parses an MQTT client id of the platform's form, or returns undefined. */
export function parseClientId(raw: string): ParsedClientId | undefined {
  if (typeof raw !== 'string' || raw.length > 4 * 37) return undefined;
  const parts = raw.split(':');
  const [prefix, orgId] = parts;
  if (orgId === undefined || !isValidIdPart(orgId)) return undefined;
  if (!parts.slice(2).every(isValidIdPart)) return undefined;
  switch (prefix) {
    case 'd':
    case 'g':
      if (parts.length !== 4) return undefined;
      return { kind: prefix === 'd' ? 'device' : 'gateway', orgId, typeId: parts[2], deviceId: parts[3], raw };
    case 'a':
      if (parts.length !== 3) return undefined;
      return { kind: 'application', orgId, appId: parts[2], raw };
    case 'A':
      if (parts.length === 3) return { kind: 'scalableApplication', orgId, appId: parts[2], raw };
      if (parts.length === 4) return { kind: 'scalableApplication', orgId, appId: parts[2], instanceId: parts[3], raw };
      return undefined;
    default:
      return undefined;
  }
}

export function isDeviceLike(id: ParsedClientId): id is DeviceClientId {
  return id.kind === 'device' || id.kind === 'gateway';
}

export function clientTypeOf(kind: ClientKind): ClientType {
  return kind === 'scalableApplication' ? 'application' : kind;
}

/** The `clientType` of any client id: its kind when it has the platform's form, else `other`. */
export function clientTypeOfId(raw: string): ClientType {
  const id = parseClientId(raw);
  return id === undefined ? 'other' : clientTypeOf(id.kind);
}

export function deviceClientId(orgId: string, typeId: string, deviceId: string, gateway = false): string {
  return `${gateway ? 'g' : 'd'}:${orgId}:${typeId}:${deviceId}`;
}

export function appClientId(orgId: string, appId: string): string {
  return `a:${orgId}:${appId}`;
}

/** The short name a person knows a client by: the device id or the app id. */
export function shortName(id: ParsedClientId): string {
  return isDeviceLike(id) ? id.deviceId : id.instanceId ? `${id.appId}:${id.instanceId}` : id.appId;
}

// --- API keys (platform-contract.md §1): `a-{orgId}-{10 random chars}`; SDKs derive the org as key.split('-')[1].

export const API_KEY_PATTERN = /^a-([A-Za-z0-9]{6})-([A-Za-z0-9]{10})$/;

export function orgFromApiKey(apiKey: string): string | undefined {
  const m = API_KEY_PATTERN.exec(apiKey);
  return m ? m[1] : undefined;
}

// --- Monitor topics (platform-contract.md §4)

export const DEVICE_MONITOR_TOPIC = /^iot-2\/type\/([^/]+)\/id\/([^/]+)\/mon$/;
export const APP_MONITOR_TOPIC = /^iot-2\/app\/([^/]+)\/mon$/;

export function deviceMonitorTopic(typeId: string, deviceId: string): string {
  return `iot-2/type/${typeId}/id/${deviceId}/mon`;
}

export function appMonitorTopic(appId: string): string {
  return `iot-2/app/${appId}/mon`;
}

/** The monitor topic on which the platform reports this client's connectivity. */
export function monitorTopicFor(id: ParsedClientId): string {
  return isDeviceLike(id) ? deviceMonitorTopic(id.typeId, id.deviceId) : appMonitorTopic(id.appId);
}

/** Ids not of the platform's form, from an observed broker (platform-contract.md §7.2); `+` allowed for the id. */
export function clientMonitorTopic(clientId: string): string {
  return `iot-2/client/${encodeURIComponent(clientId)}/mon`;
}

/** The monitor topic of any client id: the platform's topic for its form, else the client topic of §7.2. */
export function monitorTopicOfId(raw: string): string {
  const id = parseClientId(raw);
  return id === undefined ? clientMonitorTopic(raw) : monitorTopicFor(id);
}

/**
 * Where the Logs API keeps a client's log: a device's or gateway's by its type and device id (platform-contract.md §3),
 * an id not of the platform's form by the id itself (§7.2). Applications have none (§3): undefined.
 */
export type LogAddress = { readonly typeId: string; readonly deviceId: string } | { readonly clientId: string };

export function logAddressOf(raw: string): LogAddress | undefined {
  const id = parseClientId(raw);
  if (id === undefined) return typeof raw === 'string' && raw !== '' ? { clientId: raw } : undefined;
  return isDeviceLike(id) ? { typeId: id.typeId, deviceId: id.deviceId } : undefined;
}

/** MQTT caps a topic at 65,535 bytes of UTF-8. */
export const MAX_TOPIC_BYTES = 65535;

/**
 * The monitor topic to watch a client id on, or undefined when there is none: an id that cannot be encoded (a lone
 * surrogate) or whose encoded topic would pass MQTT's limit (the server sends no monitor message for it, §7.2).
 */
export function watchTopicOf(raw: string): string | undefined {
  if (typeof raw !== 'string' || raw === '' || raw.length > MAX_TOPIC_BYTES) return undefined;
  try {
    // Both forms of topic are ASCII (id parts of the platform's form; percent-encoding): a character is a byte.
    const topic = monitorTopicOfId(raw);
    return topic.length <= MAX_TOPIC_BYTES ? topic : undefined;
  } catch {
    return undefined;
  }
}

export const CLIENT_MONITOR_TOPIC = /^iot-2\/client\/([^/]+)\/mon$/;

export type MonitorTopic =
  | { readonly kind: 'device'; readonly typeId: string; readonly deviceId: string }
  | { readonly kind: 'application'; readonly appId: string }
  | { readonly kind: 'client'; readonly clientId: string };

/** Parses a concrete (or wildcard) monitor topic; `+` parts stay `+`. */
export function parseMonitorTopic(topic: string): MonitorTopic | undefined {
  const d = DEVICE_MONITOR_TOPIC.exec(topic);
  if (d) return { kind: 'device', typeId: d[1], deviceId: d[2] };
  const a = APP_MONITOR_TOPIC.exec(topic);
  if (a) return { kind: 'application', appId: a[1] };
  const c = CLIENT_MONITOR_TOPIC.exec(topic);
  if (c) {
    try {
      return { kind: 'client', clientId: c[1] === '+' ? '+' : decodeURIComponent(c[1]) };
    } catch {
      return undefined;
    }
  }
  return undefined;
}

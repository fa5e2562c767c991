// The device registry subset the sandbox serves (platform-contract.md §5): device types, creating a device (the
// only moment its token is shown) and reading one device.

import { deviceClientId } from '../../core/ids';
import { PlatformError } from '../errors';
import type { Transport } from './http';
import { PageGuard } from './paging';
import { isUsableSegment, pathSegment, quote } from './text';

export interface DeviceType {
  readonly id: string;
  readonly description?: string;
}

export interface Device {
  readonly typeId: string;
  readonly deviceId: string;
  /** `d:{org}:{type}:{device}` when the API said, or built from the org given to the client. */
  readonly clientId?: string;
  readonly raw: Readonly<Record<string, unknown>>;
}

export interface CreatedDevice extends Device {
  /** The device's token: shown once. Keep it secret; it is never logged. */
  readonly authToken: string;
}

const TYPES = '/device/types';

/** Every device type, page after page: within the client's page budget (paging.ts), cancellable by `signal`. */
export async function listDeviceTypes(t: Transport, signal?: AbortSignal): Promise<DeviceType[]> {
  const types: DeviceType[] = [];
  const seen = new Set<string>();
  const guard = new PageGuard(t.host, 'device types', t.pageBudget, signal);
  let bookmark: string | undefined;
  do {
    const { body } = await guard.page((pageSignal) =>
      t.send({ method: 'GET', path: TYPES, params: bookmark ? { _bookmark: bookmark } : {}, signal: pageSignal }),
    );
    const results = Array.isArray(body) ? body : objectOf(body).results;
    if (!Array.isArray(results)) throw malformed(t, 'the list of device types');
    for (const item of results) {
      const type = readType(item);
      if (type) types.push(type);
    }
    const next = Array.isArray(body) ? undefined : objectOf(body).bookmark;
    bookmark = typeof next === 'string' && next !== '' && !seen.has(next) ? next : undefined;
    if (bookmark) seen.add(bookmark);
  } while (bookmark);
  return types;
}

export async function createDeviceType(
  t: Transport,
  id: string,
  description?: string,
  signal?: AbortSignal,
): Promise<DeviceType> {
  const { body } = await t.send({
    method: 'POST',
    path: TYPES,
    body: description === undefined ? { id } : { id, description },
    signal,
  });
  return readType(body) ?? { id, description };
}

export async function createDevice(
  t: Transport,
  typeId: string,
  device: { deviceId: string; authToken?: string },
  signal?: AbortSignal,
): Promise<CreatedDevice> {
  const { body } = await t.send({ method: 'POST', path: `${TYPES}/${segment(typeId)}/devices`, body: device, signal });
  const read = readDevice(body);
  const authToken = objectOf(body).authToken;
  if (!read || typeof authToken !== 'string') throw malformed(t, `the new device ${quote(device.deviceId)}`);
  return { ...read, authToken };
}

export async function getDevice(t: Transport, typeId: string, deviceId: string, signal?: AbortSignal): Promise<Device> {
  const { body } = await t.send({
    method: 'GET',
    path: `${TYPES}/${segment(typeId)}/devices/${segment(deviceId)}`,
    signal,
  });
  const device = readDevice(body);
  if (!device) throw malformed(t, `device ${quote(deviceId)}`);
  return device;
}

/** The client id of a registered device, from the API key's org when the record lacks it. */
export function clientIdOf(device: Device, orgId: string | undefined): string | undefined {
  return device.clientId ?? (orgId ? deviceClientId(orgId, device.typeId, device.deviceId) : undefined);
}

function segment(text: string): string {
  if (!isUsableSegment(text)) {
    throw new PlatformError({ kind: 'badRequest', message: `${quote(text)} cannot be a device type or device id.` });
  }
  return pathSegment(text);
}

function objectOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function readType(value: unknown): DeviceType | undefined {
  const r = objectOf(value);
  if (typeof r.id !== 'string') return undefined;
  return typeof r.description === 'string' ? { id: r.id, description: r.description } : { id: r.id };
}

function readDevice(value: unknown): Device | undefined {
  const r = objectOf(value);
  if (typeof r.typeId !== 'string' || typeof r.deviceId !== 'string') return undefined;
  // The record as received, minus the token: `raw` is shown in "Show Details".
  const { authToken: _token, ...raw } = r;
  return {
    typeId: r.typeId,
    deviceId: r.deviceId,
    clientId: typeof r.clientId === 'string' ? r.clientId : undefined,
    raw,
  };
}

function malformed(t: Transport, what: string): PlatformError {
  return new PlatformError({ kind: 'malformed', message: `${t.host} answered with something that is not ${what}.` });
}

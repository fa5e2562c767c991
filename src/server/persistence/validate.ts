// A journal line is read back only when it has the shape of a store operation; a line edited by
// hand or damaged on disk is skipped instead of corrupting memory.

import type { StoreOp } from '../store/types';

type Fields = Record<string, unknown>;
const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string';
const isEntry = (v: unknown) => isObject(v) && isText(v.message) && isText(v.timestamp);

const checks: Record<StoreOp['op'], (o: Fields) => boolean> = {
  'type.add': (o) => isObject(o.type) && isText(o.type.id),
  'device.add': (o) =>
    isObject(o.device) && isText(o.device.typeId) && isText(o.device.deviceId) && isText(o.device.tokenHash),
  'device.delete': (o) => isText(o.typeId) && isText(o.deviceId),
  'apikey.add': (o) => isObject(o.apiKey) && isText(o.apiKey.key) && isText(o.apiKey.tokenHash),
  'state.put': (o) =>
    isObject(o.state) && isText(o.state.id) && isText(o.state.clientType) && isText(o.state.connectionStatus),
  'state.activity': (o) => isText(o.id),
  'state.clear': () => true,
  'state.carry': () => true,
  'config.clientstate': (o) => typeof o.enabled === 'boolean',
  'log.append': (o) => isText(o.typeId) && isText(o.deviceId) && isEntry(o.entry),
  'log.client': (o) => isText(o.clientId) && isEntry(o.entry),
};

export function isStoreOp(value: unknown): value is StoreOp {
  if (!isObject(value) || !isText(value.op) || !Object.hasOwn(checks, value.op)) return false;
  return checks[value.op as StoreOp['op']](value);
}

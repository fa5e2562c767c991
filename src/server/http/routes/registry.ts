// Device registry subset (platform-contract.md §5): device types, and devices of a type. A device's token is
// generated when absent and shown only in the 201 response; the store keeps only its hash.

import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isValidIdPart } from '../../../core/ids';
import { toIso } from '../../../core/time';
import { hashToken } from '../../store/store';
import { readJsonBody } from '../body';
import { errors, invalidRequest, quote, violation, ViolationId } from '../errors';
import type { Route } from '../router';
import { deviceView, pageBody, readPageParams, typeView } from './registryViews';

const TOKEN_PATTERN = /^[\x21-\x7e]{8,128}$/;
const MAX_DESCRIPTION = 1000;
/** What the registry holds at most (platform-contract.md §5): room for the largest simulated fleet
 *  (100,000 devices), not for whoever fills memory and the journal through the API. */
export const REGISTRY_QUOTA = { types: 1_000, devices: 200_000 };

/** The body as an object, or a 400 that says what was expected. */
async function objectBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const body = await readJsonBody(req);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalidRequest('CUDRG0400E', [violation(ViolationId.BadField, 'The body must be a JSON object.')]);
  }
  return body as Record<string, unknown>;
}

function field(name: string, message: string) {
  return violation(ViolationId.BadField, `${name}: ${message}`, [name]);
}

function idViolation(name: string, value: unknown) {
  // `.` and `..` fit the pattern, but a URL path resolves them away: nothing could address them.
  if (value === '.' || value === '..') return [field(name, `${quote(value)} cannot be an id: URLs resolve it away.`)];
  if (typeof value === 'string' && isValidIdPart(value)) return [];
  const shown = typeof value === 'string' ? quote(value) : value === undefined ? 'missing' : `a ${typeof value}`;
  return [field(name, `${shown} is not a valid id: use 1 to 36 of A-Z a-z 0-9 . _ -.`)];
}

export const registryRoutes: Route[] = [
  {
    method: 'GET',
    path: '/device/types',
    handler: ({ deps, query }) => {
      const { limit, after } = readPageParams(query, 'CUDRG0400E');
      return { status: 200, body: pageBody(deps.store.pageTypes(after, limit), (t) => t.id, typeView) };
    },
  },
  {
    method: 'POST',
    path: '/device/types',
    handler: async ({ deps, req }) => {
      const body = await objectBody(req);
      // Optional fields may come as null (the SDKs send what they were given).
      const { id } = body;
      const description = body.description ?? undefined,
        classId = body.classId ?? undefined;
      const problems = idViolation('id', id);
      if (description !== undefined && (typeof description !== 'string' || description.length > MAX_DESCRIPTION)) {
        problems.push(field('description', `a text of at most ${MAX_DESCRIPTION} characters.`));
      }
      if (classId !== undefined && classId !== 'Device' && classId !== 'Gateway') {
        problems.push(field('classId', 'Device or Gateway.'));
      }
      if (problems.length > 0) throw invalidRequest('CUDRG0400E', problems);
      const typeId = id as string;
      if (deps.store.getType(typeId)) throw errors.typeExists(typeId);
      if (deps.store.typeCount() >= REGISTRY_QUOTA.types) {
        throw errors.registryFull('device types', REGISTRY_QUOTA.types);
      }
      const type = {
        id: typeId,
        classId: (classId as 'Device' | 'Gateway' | undefined) ?? 'Device',
        ...(typeof description === 'string' ? { description } : {}),
        createdDateTime: toIso(Date.now()),
      };
      deps.store.addType(type);
      return { status: 201, body: typeView(type) };
    },
  },
  {
    method: 'GET',
    path: '/device/types/:typeId',
    handler: ({ deps, params }) => {
      const type = deps.store.getType(params.typeId);
      if (!type) throw errors.typeNotFound(params.typeId);
      return { status: 200, body: typeView(type) };
    },
  },
  {
    method: 'GET',
    path: '/device/types/:typeId/devices',
    handler: ({ deps, params, query }) => {
      const { limit, after } = readPageParams(query, 'CUDRG0400E');
      if (!deps.store.getType(params.typeId)) throw errors.typeNotFound(params.typeId);
      const page = deps.store.pageDevices(params.typeId, after, limit);
      return {
        status: 200,
        body: pageBody(
          page,
          (d) => d.deviceId,
          (d) => deviceView(deps.org, d),
        ),
      };
    },
  },
  {
    method: 'POST',
    path: '/device/types/:typeId/devices',
    handler: async ({ deps, params, req }) => {
      const type = deps.store.getType(params.typeId);
      if (!type) throw errors.typeNotFound(params.typeId);
      const body = await objectBody(req);
      const deviceId = body.deviceId,
        authToken = body.authToken ?? undefined;
      const problems = idViolation('deviceId', deviceId);
      if (authToken !== undefined && (typeof authToken !== 'string' || !TOKEN_PATTERN.test(authToken))) {
        problems.push(field('authToken', 'a token of 8 to 128 printable ASCII characters without spaces.'));
      }
      if (problems.length > 0) throw invalidRequest('CUDRG0400E', problems);
      const id = deviceId as string;
      if (deps.store.getDevice(type.id, id)) throw errors.deviceExists(type.id, id);
      if (deps.store.deviceCount() >= REGISTRY_QUOTA.devices) {
        throw errors.registryFull('devices', REGISTRY_QUOTA.devices);
      }
      const token = typeof authToken === 'string' ? authToken : randomBytes(15).toString('base64url');
      const device = {
        typeId: type.id,
        deviceId: id,
        gateway: type.classId === 'Gateway',
        tokenHash: hashToken(token),
        createdDateTime: toIso(Date.now()),
      };
      deps.store.addDevice(device);
      deps.log.info(`device registered: ${deviceView(deps.org, device).clientId}`);
      return { status: 201, body: { ...deviceView(deps.org, device), authToken: token } };
    },
  },
  {
    method: 'GET',
    path: '/device/types/:typeId/devices/:deviceId',
    handler: ({ deps, params }) => {
      const device = deps.store.getDevice(params.typeId, params.deviceId);
      if (!device) throw errors.deviceNotFound(params.typeId, params.deviceId);
      return { status: 200, body: deviceView(deps.org, device) };
    },
  },
  {
    method: 'DELETE',
    path: '/device/types/:typeId/devices/:deviceId',
    handler: ({ deps, params }) => {
      if (!deps.store.getDevice(params.typeId, params.deviceId)) {
        throw errors.deviceNotFound(params.typeId, params.deviceId);
      }
      deps.store.deleteDevice(params.typeId, params.deviceId);
      deps.log.info(`device deleted: ${params.typeId}/${params.deviceId}`);
      return { status: 204 };
    },
  },
];

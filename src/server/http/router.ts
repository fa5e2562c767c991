// A small path router for the API's few routes: `/device/types/:typeId` style patterns matched
// segment by segment, so a raw client id with colons (`d:org:type:dev`) and its `%3A` form
// both arrive decoded in one parameter. Unknown paths → 404, known paths with another
// method → 405 with `Allow`.

import type { IncomingMessage } from 'node:http';
import type { ApiDeps } from './context';
import { errors, invalidRequest, violation, ViolationId } from './errors';

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RouteContext {
  readonly req: IncomingMessage;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly deps: ApiDeps;
}

export type Handler = (ctx: RouteContext) => Reply | Promise<Reply>;

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Relative to the API base, e.g. `/device/types/:typeId`. */
  path: string;
  handler: Handler;
}

interface Compiled extends Route {
  segments: string[];
}

export interface Match {
  handler: Handler;
  params: Record<string, string>;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw invalidRequest('CUDAP0400E', [
      violation(ViolationId.BadValue, 'A path segment is not valid percent-encoding.'),
    ]);
  }
}

export class Router {
  private readonly routes: Compiled[];

  /** `base` prefixes every route path, e.g. `/api/v0002`. */
  constructor(
    private readonly base: string,
    routes: Route[],
  ) {
    this.routes = routes.map((r) => ({ ...r, segments: r.path.split('/').slice(1) }));
  }

  /** Finds the route for a request path (already split from its query). */
  match(method: string, path: string): Match {
    if (!path.startsWith(`${this.base}/`)) throw errors.unknownRoute(method, path);
    const parts = path.slice(this.base.length).split('/').slice(1);
    const allowed: string[] = [];
    for (const route of this.routes) {
      const params = this.bind(route.segments, parts);
      if (!params) continue;
      if (route.method === method) return { handler: route.handler, params };
      allowed.push(route.method);
    }
    if (allowed.length > 0) throw errors.methodNotAllowed(method, allowed);
    throw errors.unknownRoute(method, path);
  }

  private bind(pattern: string[], parts: string[]): Record<string, string> | undefined {
    if (pattern.length !== parts.length) return undefined;
    const params: Record<string, string> = {};
    for (let i = 0; i < pattern.length; i++) {
      const p = pattern[i];
      if (p.startsWith(':')) {
        if (parts[i] === '') return undefined;
        params[p.slice(1)] = parts[i];
      } else if (p !== parts[i]) {
        return undefined;
      }
    }
    // Decode only once the route is known, so a bad escape in an unknown path is still a 404.
    for (const k of Object.keys(params)) params[k] = decodeSegment(params[k]);
    return params;
  }
}

// What a debug adapter and VS Code say to each other (the Debug Adapter Protocol), read into the
// few facts the debugging loop needs, whatever the debug type. Messages come from adapters of any
// quality: anything missing, mistyped or unknown gives no fact, never an exception.

/** Requests after which the debuggee runs again, though many adapters send no `continued` event. */
const RESUMING = new Set(['continue', 'next', 'stepIn', 'stepOut', 'stepBack', 'reverseContinue', 'goto']);

export type DapFact =
  /** A thread (or all of them) stopped: breakpoint, step, pause, exception… */
  | { readonly kind: 'stopped'; readonly threadId?: number; readonly all: boolean; readonly reason: string }
  /** The adapter said it runs again. */
  | { readonly kind: 'continued'; readonly threadId?: number; readonly all: boolean }
  /** VS Code asked it to run again (continue, step…); `all` unless `singleThread`. */
  | { readonly kind: 'resume'; readonly threadId?: number; readonly all: boolean }
  | { readonly kind: 'thread'; readonly threadId: number; readonly started: boolean }
  /** The answer to `threads`: every thread the adapter knows, with its name. */
  | { readonly kind: 'threads'; readonly threads: readonly { readonly id: number; readonly name: string }[] }
  /** The debuggee's process id (DAP `process` event, `systemProcessId`). */
  | { readonly kind: 'process'; readonly pid: number }
  /** The program was started in a terminal: the process there (the program, or the shell it runs under). */
  | { readonly kind: 'terminal'; readonly pid: number }
  /** The debuggee ended (`terminated` or `exited`). */
  | { readonly kind: 'ended' };

type Obj = Readonly<Record<string, unknown>>;

function obj(v: unknown): Obj | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : undefined;
}
function id(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isSafeInteger(v) ? v : undefined;
}
function pid(v: unknown): number | undefined {
  const n = id(v);
  return n !== undefined && n > 0 && n < 2 ** 31 ? n : undefined;
}

/** A message the adapter sent (event, response, reverse request). */
export function fromAdapter(message: unknown): DapFact | undefined {
  const m = obj(message);
  if (!m) return undefined;
  const body = obj(m.body) ?? {};
  if (m.type === 'event') return eventFact(String(m.event), body);
  if (m.type === 'response' && m.command === 'threads' && m.success !== false) {
    const list = Array.isArray(body.threads) ? body.threads : [];
    const threads = list.flatMap((t) => {
      const o = obj(t);
      const tid = id(o?.id);
      return tid === undefined ? [] : [{ id: tid, name: typeof o?.name === 'string' ? o.name : '' }];
    });
    return { kind: 'threads', threads };
  }
  return undefined;
}

/** A message VS Code sent the adapter (request, or the response to a reverse request). */
export function toAdapter(message: unknown): DapFact | undefined {
  const m = obj(message);
  if (!m) return undefined;
  if (m.type === 'request' && typeof m.command === 'string' && RESUMING.has(m.command)) {
    const args = obj(m.arguments) ?? {};
    return { kind: 'resume', threadId: id(args.threadId), all: args.singleThread !== true };
  }
  if (m.type === 'response' && m.command === 'runInTerminal' && m.success !== false) {
    const body = obj(m.body) ?? {};
    const p = pid(body.processId) ?? pid(body.shellProcessId);
    return p === undefined ? undefined : { kind: 'terminal', pid: p };
  }
  return undefined;
}

function eventFact(event: string, body: Obj): DapFact | undefined {
  switch (event) {
    case 'stopped':
      return {
        kind: 'stopped',
        threadId: id(body.threadId),
        all: body.allThreadsStopped === true,
        reason: typeof body.reason === 'string' ? body.reason.slice(0, 40) : 'unknown',
      };
    case 'continued':
      return { kind: 'continued', threadId: id(body.threadId), all: body.allThreadsContinued === true };
    case 'thread': {
      const tid = id(body.threadId);
      if (tid === undefined || (body.reason !== 'started' && body.reason !== 'exited')) return undefined;
      return { kind: 'thread', threadId: tid, started: body.reason === 'started' };
    }
    case 'process': {
      const p = pid(body.systemProcessId);
      return p === undefined ? undefined : { kind: 'process', pid: p };
    }
    case 'terminated':
    case 'exited':
      return { kind: 'ended' };
    default:
      return undefined;
  }
}

/** The PID in a session or thread name as js-debug gives it: `device.js [14129]`, `… [14129] « parent`. */
export function pidInName(name: string): number | undefined {
  const m = /\[(\d{1,10})\](?:$| «)/.exec(name.slice(0, 500));
  return m ? pid(Number(m[1])) : undefined;
}

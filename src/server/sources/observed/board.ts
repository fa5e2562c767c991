// What `GET /config/source` says of an observed broker (platform-contract.md §7.2), kept up to date by its source:
// whether the server hears it now, why not, which nodes it has, its own count of connected clients, and what it is
// not set up to tell with the lines that fix it. Every change of these is said once on stderr too.

import type { SourceCapabilities, SourceDiagnostic, SourceInfoWire, SourceKind } from '../../../core/source';
import type { SourceStatus } from '../../../core/source';
import { toIso } from '../../../core/time';
import type { Logger } from '../../log';

export class SourceBoard {
  private state: SourceStatus = 'reconnecting';
  private error: string | undefined = 'not connected yet';
  private readonly diagnostics = new Map<string, SourceDiagnostic>();
  private nodes: string[] = [];
  /** Something wrong while the broker is heard (its management API busy, say), in words. */
  private trouble: string | undefined;
  /** The broker's own count of connected clients; null until it tells. */
  connectedCount: number | null = null;

  constructor(
    private readonly kind: Exclude<SourceKind, 'sandbox'>,
    /** Without credentials. */
    readonly broker: string,
    private readonly since: number,
    private readonly capabilities: SourceCapabilities,
    private readonly log: Logger,
  ) {}

  get heard(): boolean {
    return this.state === 'connected';
  }

  get status(): SourceStatus {
    return this.state;
  }

  /** The server hears the broker (again). */
  connected(): void {
    if (this.state !== 'connected') this.log.info(`observing the ${this.kind} at ${this.broker}`);
    this.state = 'connected';
    this.error = undefined;
  }

  /** The server does not hear the broker and tries again; `why` in words, without credentials. */
  lost(why: string): void {
    if (this.state !== 'reconnecting' || this.error !== why) {
      this.log.warn(`the ${this.kind} at ${this.broker} is not heard: ${why}; trying again, serving what is known`);
    }
    this.state = 'reconnecting';
    this.error = why;
  }

  /** The broker turned the server's credentials down: it tries again, less often. */
  refused(why: string): void {
    if (this.state !== 'refused' || this.error !== why) {
      this.log.error(`the ${this.kind} at ${this.broker} refused the server's credentials: ${why}`);
    }
    this.state = 'refused';
    this.error = why;
  }

  /** Something is wrong while the broker is heard; undefined once it is not. Said on stderr when it changes. */
  problem(what: string | undefined): void {
    if (what !== undefined && what !== this.trouble) this.log.warn(what);
    if (what === undefined && this.trouble !== undefined) this.log.info(`resolved: ${this.trouble}`);
    this.trouble = what;
  }

  /** The broker is not set up to tell something; said once, with the lines that fix it. */
  diagnose(d: SourceDiagnostic): void {
    if (this.diagnostics.has(d.code)) return;
    this.diagnostics.set(d.code, d);
    this.log.warn(`${d.message} To fix it: ${d.fix.join(' | ')}`);
  }

  /** It is set up now. */
  resolve(code: string): void {
    if (this.diagnostics.delete(code)) this.log.info(`${code}: resolved`);
  }

  has(code: string): boolean {
    return this.diagnostics.has(code);
  }

  /** The running nodes now; says and returns which left and which came since the last call. */
  setNodes(nodes: readonly string[]): { gone: string[]; came: string[] } {
    const next = [...nodes].sort();
    const gone = this.nodes.filter((n) => !next.includes(n));
    const came = next.filter((n) => !this.nodes.includes(n));
    if (gone.length > 0) this.log.warn(`node(s) left the cluster or went down: ${gone.join(', ')}`);
    if (came.length > 0 && this.nodes.length > 0) this.log.info(`node(s) joined or came back: ${came.join(', ')}`);
    this.nodes = next;
    return { gone, came };
  }

  info(): SourceInfoWire {
    return {
      kind: this.kind,
      broker: this.broker,
      observingSince: toIso(this.since),
      connectedCount: this.connectedCount,
      nodes: [...this.nodes],
      capabilities: { ...this.capabilities },
      sourceStatus: this.state,
      ...((this.error ?? this.trouble) !== undefined ? { sourceError: this.error ?? this.trouble } : {}),
      diagnostics: [...this.diagnostics.values()],
    };
  }
}

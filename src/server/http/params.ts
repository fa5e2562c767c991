// Reads query parameters and collects a violation for every bad value, so one 400 lists them all.

import type { ApiViolation } from '../../core/apiError';
import { isValidIdPart } from '../../core/ids';
import { parseInstant } from '../../core/time';
import { quote, violation, ViolationId } from './errors';

export class ParamReader {
  readonly violations: ApiViolation[] = [];

  constructor(private readonly query: URLSearchParams) {}

  bad(name: string, message: string): undefined {
    this.violations.push(violation(ViolationId.BadValue, `${name}: ${message}`, [name]));
    return undefined;
  }

  /** The single value of a parameter; given more than once is a violation. */
  one(name: string): string | undefined {
    const all = this.query.getAll(name);
    if (all.length > 1) {
      this.violations.push(
        violation(ViolationId.Repeated, `${name} is given ${all.length} times; give it once.`, [name]),
      );
      return undefined;
    }
    return all[0];
  }

  required(name: string): string | undefined {
    const value = this.one(name);
    if (value === undefined && !this.query.has(name)) {
      this.violations.push(violation(ViolationId.Missing, `${name} is required.`, [name]));
    }
    return value;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const value = this.one(name);
    if (value === undefined) return undefined;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    return this.bad(name, `the value ${quote(value)} is not valid; expected ${allowed.join(' or ')}.`);
  }

  /** An id part of the platform's form (platform-contract.md §1). */
  idPart(name: string, value = this.one(name)): string | undefined {
    if (value === undefined) return undefined;
    if (isValidIdPart(value)) return value;
    return this.bad(name, `the value ${quote(value)} is not a valid id: use 1 to 36 of A-Z a-z 0-9 . _ -.`);
  }

  /** Any non-empty text of at most `maxBytes` UTF-8 bytes (a client id, or a part of one). */
  text(name: string, maxBytes: number): string | undefined {
    const value = this.one(name);
    if (value === undefined) return undefined;
    if (value.length > 0 && Buffer.byteLength(value, 'utf8') <= maxBytes) return value;
    return this.bad(name, `give 1 to ${maxBytes} bytes of text.`);
  }

  /** An ISO 8601 instant, read leniently (platform-contract.md §2.2), as milliseconds. */
  instant(name: string): number | undefined {
    const value = this.one(name);
    if (value === undefined) return undefined;
    // An unencoded `+01:00` offset arrives as a space (form decoding): read it as the `+` it was.
    const ms = parseInstant(value.replace(/ (\d{2}:?\d{2})$/, '+$1'));
    if (ms !== undefined) return ms;
    return this.bad(name, `the value ${quote(value)} is not an ISO 8601 instant such as 2019-03-09T15:00:00.000Z.`);
  }

  /** A whole number in [min, max]; `fallback` when absent. */
  int(name: string, min: number, max: number, fallback: number): number {
    const value = this.one(name);
    if (value === undefined) return fallback;
    const n = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
    if (n >= min && n <= max) return n;
    this.bad(name, `the value ${quote(value)} is not a whole number from ${min} to ${max}.`);
    return fallback;
  }
}

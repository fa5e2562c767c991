// Stops an MQTT packet larger than the platform allows while it is still arriving. The MQTT
// parser would buffer a packet whole (up to 256 MB) before the broker's payload check (287)
// sees it; this reads each fixed header as the bytes pass and ends the connection at once.

import { Duplex } from 'node:stream';

/** Bytes a packet may have beyond its payload: topic (≤ 65535 + 2), packet id, slack. */
const HEADROOM_BYTES = 65_600;

export class SizeGuard extends Duplex {
  /** Body bytes of the current packet still to pass. */
  private remaining = 0;
  /** The fixed header being read: its remaining-length bytes so far, and their value. */
  private headerBytes = 0;
  private length = 0;
  private multiplier = 1;
  /** Set on a malformed length: the parser rejects it (105); nothing more to follow. */
  private lost = false;

  constructor(
    private readonly inner: Duplex,
    maxPayloadBytes: number,
    private readonly onTooLarge: (bytes: number) => void,
  ) {
    super();
    const max = maxPayloadBytes + HEADROOM_BYTES;
    inner.on('data', (chunk: Buffer) => {
      const size = this.oversize(chunk, max);
      if (size !== undefined) {
        this.onTooLarge(size);
        this.destroy();
      } else if (!this.push(chunk)) {
        inner.pause();
      }
    });
    inner.on('end', () => this.push(null));
    inner.on('error', (err) => this.destroy(err));
    inner.on('close', () => this.destroy());
  }

  override _read(): void {
    this.inner.resume();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (err?: Error | null) => void): void {
    this.inner.write(chunk, done);
  }

  override _final(done: (err?: Error | null) => void): void {
    this.inner.end(done);
  }

  override _destroy(err: Error | null, done: (err?: Error | null) => void): void {
    this.inner.destroy();
    done(err);
  }

  /** Follows packet boundaries through `chunk`; the declared size of a packet over `max`, if any. */
  private oversize(chunk: Buffer, max: number): number | undefined {
    let i = 0;
    while (i < chunk.length && !this.lost) {
      if (this.remaining > 0) {
        const skip = Math.min(this.remaining, chunk.length - i);
        this.remaining -= skip;
        i += skip;
        continue;
      }
      const byte = chunk[i++];
      if (this.headerBytes++ === 0) continue; // the packet type and flags
      this.length += (byte & 0x7f) * this.multiplier;
      this.multiplier *= 128;
      if (byte & 0x80) {
        // At most four length bytes: a continuation bit on the fourth is malformed.
        if (this.headerBytes === 5) this.lost = true;
        continue;
      }
      const length = this.length;
      this.headerBytes = 0;
      this.length = 0;
      this.multiplier = 1;
      if (length > max) return length;
      this.remaining = length;
    }
    return undefined;
  }
}

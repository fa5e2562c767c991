// Reads a JSON request body with a size cap. Past the cap the rest is read and dropped (up to a
// hard limit, then the socket is cut), so the client still receives a clean 413.

import type { IncomingMessage } from 'node:http';
import { errors } from './errors';

/** The registry's bodies are a few hundred bytes; 64 KiB leaves room and stops abuse. */
export const BODY_CAP_BYTES = 64 * 1024;
const DRAIN_LIMIT_BYTES = 16 * BODY_CAP_BYTES;

function readRaw(req: IncomingMessage, cap: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > DRAIN_LIMIT_BYTES) {
      reject(errors.bodyTooLarge(cap));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= cap) chunks.push(chunk);
      else if (size > DRAIN_LIMIT_BYTES) {
        // Cut on purpose: a 413 (the abort that follows is ours, not a failure).
        reject(errors.bodyTooLarge(cap));
        req.socket.destroy();
      }
    });
    req.on('end', () => (size > cap ? reject(errors.bodyTooLarge(cap)) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

/** The parsed body; 400 when it is empty or not JSON, 413 when it is over the cap. */
export async function readJsonBody(req: IncomingMessage, cap = BODY_CAP_BYTES): Promise<unknown> {
  const raw = await readRaw(req, cap);
  if (raw.length === 0) throw errors.malformedBody('the body is empty');
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch (err) {
    throw errors.malformedBody(err instanceof Error ? err.message.slice(0, 120) : 'unreadable');
  }
}

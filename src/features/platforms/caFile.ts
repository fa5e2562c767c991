// Reads a platform's CA file: a PEM text of bounded size, with a message a person can act on.
import { promises as fs } from 'fs';
import { plainText } from '../../core/text';

const MAX_CA_BYTES = 1024 * 1024;

export async function readCaFile(file: string): Promise<{ ok: true; pem: string } | { ok: false; problem: string }> {
  const shown = plainText(file, 200);
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return { ok: false, problem: `The CA file ${shown} is not a file.` };
    if (stat.size > MAX_CA_BYTES) {
      return { ok: false, problem: `The CA file ${shown} is larger than 1 MB; it should be a PEM certificate.` };
    }
    const pem = await fs.readFile(file, 'utf8');
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
      return { ok: false, problem: `The CA file ${shown} holds no PEM certificate (-----BEGIN CERTIFICATE-----).` };
    }
    return { ok: true, pem };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, problem: `The CA file ${shown} cannot be read (${code ?? 'error'}).` };
  }
}

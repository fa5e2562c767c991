// The one-time handover from `npm start`: it starts a sandbox, writes its ready line (with the
// name of the platform it set up in the profile's user settings) to a file only this user can
// read, and names that file in IOTC_BOOTSTRAP. On activation the file is read, deleted at once,
// and its token goes into secret storage; settings.json never holds it. Only a file that looks like
// that handover is read and deleted: a regular file (not a link), small, this user's and readable
// by no one else (where the system has owners and modes). Anything else the variable names is
// left as it is: the variable is not a way to delete someone's file.
import { promises as fs, type Stats } from 'fs';
import type { LogSource } from '../../platform/log';
import { MAX_NAME, type PlatformConfig } from '../platforms/config';
import { localSandboxPlatform, LOCAL_SANDBOX_PLATFORM } from './platform';
import { readReadyLine } from './readyLine';
import { messageOf } from '../../core/errors';

/** Where a handed-over platform is kept: the extension's platform service. */
export interface PlatformSaver {
  save(config: PlatformConfig, token: string): Promise<unknown>;
}

export const BOOTSTRAP_ENV = 'IOTC_BOOTSTRAP';
const MAX_BYTES = 64 * 1024;

function platformName(text: string): string {
  try {
    const name = (JSON.parse(text) as { platformName?: unknown }).platformName;
    return typeof name === 'string' && name.trim() !== '' && name.length <= MAX_NAME
      ? name.trim()
      : LOCAL_SANDBOX_PLATFORM;
  } catch {
    return LOCAL_SANDBOX_PLATFORM;
  }
}

/** Why the file cannot be npm start's handover, or undefined when it can (see the header). */
function notAHandover(stat: Stats): string | undefined {
  if (stat.isSymbolicLink()) return 'a symbolic link';
  if (!stat.isFile()) return 'not a regular file';
  if (stat.size > MAX_BYTES) return `larger than ${MAX_BYTES} bytes`;
  const uid = process.getuid?.();
  if (uid !== undefined && stat.uid !== uid) return "another user's";
  if (uid !== undefined && (stat.mode & 0o077) !== 0) return 'readable or writable by others';
  return undefined;
}

/** Takes the handover named by IOTC_BOOTSTRAP, if any; false when there was none to take. */
export async function takeBootstrap(
  platforms: PlatformSaver,
  log: LogSource,
  env: NodeJS.ProcessEnv = process.env,
): Promise<boolean> {
  const file = env[BOOTSTRAP_ENV];
  if (!file) return false;
  const out = log.for('sandbox');
  let text: string;
  try {
    const problem = notAHandover(await fs.lstat(file));
    if (problem) {
      out.warn(`${BOOTSTRAP_ENV} names a file that is not a handover of npm start (${problem}); left as it is`);
      return false;
    }
  } catch (err) {
    // Already taken (by an earlier activation or another window), or never written.
    out.debug(`no npm start handover to take: ${(err as NodeJS.ErrnoException).code ?? messageOf(err)}`);
    return false;
  }
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    out.debug(`no npm start handover to take: ${(err as NodeJS.ErrnoException).code ?? messageOf(err)}`);
    return false;
  } finally {
    await fs.rm(file, { force: true }).catch(() => undefined);
  }
  try {
    const ready = readReadyLine(text.trim());
    const { config, token } = localSandboxPlatform(ready, platformName(text));
    await platforms.save(config, token);
    out.info(
      `took the sandbox ${ready.apiUrl} handed over by npm start as platform "${config.name}"; its token is in ` +
        `secret storage`,
    );
    return true;
  } catch (err) {
    out.error(`the npm start handover could not be used: ${messageOf(err)}`);
    return false;
  }
}

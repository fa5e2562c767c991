// A drop for silence (close code 160) explained by the debugger: the program was
// paused when the broker dropped its client, or had resumed less than one keep-alive before (the
// broker's Disconnect may reach the window after the continue; a program that resumes with its
// window nearly spent may still be late with its next packet). Pure: the loop gives it the pause
// spans of the client's session(s) and the drop's local time.

import type { PauseSpan } from './runState';

/** The close code of a keep-alive timeout (platform-contract.md §4). */
export const KEEP_ALIVE_TIMEOUT = 160;
/** When the keep-alive is not known, how long after a resume a 160 is still put down to the pause. */
const UNKNOWN_WINDOW_S = 30;
/** Clocks and delivery: a drop this late after the window still counts. */
const SLACK_MS = 1_000;

export interface PausedDrop {
  readonly clientId: string;
  /** The family's launch name. */
  readonly sessionName: string;
  /** `paused`: dropped while its program was paused; `resumed`: soon after it ran again. */
  readonly when: 'paused' | 'resumed';
  /** How long the pause lasted (until the drop, or until the resume). */
  readonly pausedSeconds: number;
  /** For `resumed`: seconds from the resume to the drop. */
  readonly afterResumeSeconds?: number;
  /** Stopped at a breakpoint, not by a step, the pause button or an exception. */
  readonly atBreakpoint: boolean;
  readonly keepAliveSeconds?: number;
  readonly factor: number;
}

export interface DropInput {
  readonly clientId: string;
  readonly sessionName: string;
  readonly closeCode: number | undefined;
  /** Local time the drop was heard of (the clock of the pause spans). */
  readonly at: number;
  readonly spans: readonly PauseSpan[];
  readonly keepAliveSeconds?: number;
  readonly factor: number;
}

/** The pause behind a 160, or undefined when the drop was not for silence or no pause explains it. */
export function explainDrop(i: DropInput): PausedDrop | undefined {
  if (i.closeCode !== KEEP_ALIVE_TIMEOUT) return undefined;
  const windowMs = (i.keepAliveSeconds || UNKNOWN_WINDOW_S) * 1000 + SLACK_MS;
  let best: PauseSpan | undefined;
  for (const s of i.spans) {
    if (s.from > i.at) continue;
    if (s.to === undefined || i.at - s.to <= windowMs) {
      if (!best || s.from > best.from) best = s;
    }
  }
  if (!best) return undefined;
  const seconds = (ms: number) => Math.max(0, Math.round(ms / 1000));
  const during = best.to === undefined || best.to >= i.at;
  return {
    clientId: i.clientId,
    sessionName: i.sessionName,
    when: during ? 'paused' : 'resumed',
    pausedSeconds: seconds((during ? i.at : (best.to as number)) - best.from),
    ...(!during ? { afterResumeSeconds: seconds(i.at - (best.to as number)) } : {}),
    atBreakpoint: best.reason === 'breakpoint',
    ...(i.keepAliveSeconds !== undefined && i.keepAliveSeconds > 0 ? { keepAliveSeconds: i.keepAliveSeconds } : {}),
    factor: i.factor,
  };
}

// How long a paused program's client has before the broker drops it for silence.
// Exact when the broker said when it will (the sandbox's `keepalive` call, platform-contract.md
// §8: the last packet + 1.5 × keep-alive); otherwise a bound, counted from the pause, since the
// last packet came at or before it: keep-alive × the broker's factor.

/** Last seconds shown in warning colours. */
export const WARNING_SECONDS = 10;

/** How many keep-alives of silence each kind of broker allows (platform-contract.md §7.1). */
const FACTORS: Readonly<Record<string, number>> = { sandbox: 1.5, mosquitto: 1.5, rabbitmq: 3 };

/** The broker's factor: what the MQTT specification asks (1.5) unless the broker is known to allow more. */
export function keepAliveFactor(sourceKind: string | undefined): number {
  return (sourceKind !== undefined && FACTORS[sourceKind]) || 1.5;
}

export type Countdown =
  /** The broker will not drop it for silence: held, or keep-alive 0. */
  | { readonly kind: 'held' | 'noKeepAlive' }
  /** How long the pause has lasted; the keep-alive is not known. */
  | { readonly kind: 'unknown'; readonly pausedSeconds: number }
  | {
      readonly kind: 'exact' | 'bound';
      /** Whole seconds left, never below 0. */
      readonly secondsLeft: number;
      readonly deadline: number;
      readonly warning: boolean;
      readonly keepAliveSeconds?: number;
      readonly factor?: number;
    };

export interface CountdownInput {
  readonly now: number;
  readonly pausedSince: number;
  readonly keepAliveSeconds?: number;
  readonly factor: number;
  /** From the broker, when it tells (epoch ms). */
  readonly exactDeadline?: number;
  readonly held?: boolean;
}

export function countdown(i: CountdownInput): Countdown {
  if (i.held) return { kind: 'held' };
  if (i.keepAliveSeconds === 0) return { kind: 'noKeepAlive' };
  const left = (deadline: number) => Math.max(0, Math.ceil((deadline - i.now) / 1000));
  if (i.exactDeadline !== undefined) {
    const secondsLeft = left(i.exactDeadline);
    return {
      kind: 'exact',
      secondsLeft,
      deadline: i.exactDeadline,
      warning: secondsLeft <= WARNING_SECONDS,
      keepAliveSeconds: i.keepAliveSeconds,
      factor: i.factor,
    };
  }
  if (i.keepAliveSeconds === undefined) {
    return { kind: 'unknown', pausedSeconds: Math.max(0, Math.floor((i.now - i.pausedSince) / 1000)) };
  }
  const deadline = i.pausedSince + i.keepAliveSeconds * i.factor * 1000;
  const secondsLeft = left(deadline);
  return {
    kind: 'bound',
    secondsLeft,
    deadline,
    warning: secondsLeft <= WARNING_SECONDS,
    keepAliveSeconds: i.keepAliveSeconds,
    factor: i.factor,
  };
}

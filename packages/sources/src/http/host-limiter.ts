import { abortableSleep, type Sleep } from './wait.js';

/** How hard one host may be asked. */
export interface HostLimits {
  /** Shortest gap between the starts of two requests to the host, in ms. */
  minIntervalMs?: number;
  /** At most this many request starts to the host in any 60-second window. */
  requestsPerMinute?: number;
  /** At most this many requests to the host in flight at once. */
  maxConcurrent?: number;
}

/** Polite defaults: one request a second and two at a time per host, no extra per-minute cap. */
export const DEFAULT_HOST_LIMITS = { minIntervalMs: 1000, maxConcurrent: 2 } as const;

/** Why a request waited before it started. */
export type PacingReason = 'interval' | 'per_minute' | 'retry_after';

export interface HostLimiterOptions {
  defaults?: HostLimits;
  /** Limits for particular hosts (`host` or `host:port`, as in `new URL(url).host`). */
  perHost?: Record<string, HostLimits>;
  now: () => number;
  sleep: Sleep;
  /** Told before every pacing wait. */
  onWait?: (host: string, waitMs: number, reason: PacingReason) => void;
  /** Told when a request must queue for one of the host's concurrency slots. */
  onQueued?: (host: string, active: number, queued: number) => void;
}

interface Waiter {
  grant: () => void;
}

interface HostState {
  limits: Required<Pick<HostLimits, 'minIntervalMs' | 'maxConcurrent'>> &
    Pick<HostLimits, 'requestsPerMinute'>;
  active: number;
  queue: Waiter[];
  /** The earliest time the next request may start (the interval after the last reserved start). */
  nextStartAt: number;
  /** Reserved start times inside the last minute, oldest first (only with requestsPerMinute). */
  starts: number[];
  /** No request starts before this (a Retry-After the host sent). */
  pausedUntil: number;
}

const MINUTE = 60_000;

/**
 * Per-host concurrency slots and pacing. Each host has its own queue and clock, so a slow
 * or rate-limited host never delays another. A request first takes a concurrency slot
 * (first come, first served), then reserves the next start time the host's limits allow
 * and sleeps until then; `acquire` resolves to the function that frees the slot.
 */
export class HostLimiter {
  readonly #hosts = new Map<string, HostState>();
  readonly #options: HostLimiterOptions;

  constructor(options: HostLimiterOptions) {
    this.#options = options;
  }

  #state(host: string): HostState {
    let state = this.#hosts.get(host);
    if (state === undefined) {
      const limits = {
        ...DEFAULT_HOST_LIMITS,
        ...this.#options.defaults,
        ...this.#options.perHost?.[host],
      };
      state = {
        limits: {
          minIntervalMs: Math.max(0, limits.minIntervalMs),
          maxConcurrent: Math.max(1, Math.floor(limits.maxConcurrent)),
          ...(limits.requestsPerMinute === undefined
            ? {}
            : { requestsPerMinute: Math.max(1, Math.floor(limits.requestsPerMinute)) }),
        },
        active: 0,
        queue: [],
        nextStartAt: Number.NEGATIVE_INFINITY,
        starts: [],
        pausedUntil: Number.NEGATIVE_INFINITY,
      };
      this.#hosts.set(host, state);
    }
    return state;
  }

  /** Holds every request to `host` until `until` (ms since the epoch), as a Retry-After asks. */
  pause(host: string, until: number): void {
    const state = this.#state(host);
    state.pausedUntil = Math.max(state.pausedUntil, until);
  }

  /** Requests to `host` in flight and waiting for a slot. */
  load(host: string): { active: number; queued: number } {
    const state = this.#hosts.get(host);
    return { active: state?.active ?? 0, queued: state?.queue.length ?? 0 };
  }

  async acquire(host: string, signal?: AbortSignal): Promise<() => void> {
    signal?.throwIfAborted();
    const state = this.#state(host);
    await this.#takeSlot(host, state, signal);
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      const next = state.queue.shift();
      if (next === undefined) state.active -= 1;
      else next.grant(); // the slot passes straight to the next in line
    };
    try {
      await this.#pace(host, state, signal);
    } catch (error) {
      release();
      throw error;
    }
    return release;
  }

  async #takeSlot(host: string, state: HostState, signal: AbortSignal | undefined): Promise<void> {
    if (state.active < state.limits.maxConcurrent) {
      state.active += 1;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        const at = state.queue.indexOf(waiter);
        if (at >= 0) state.queue.splice(at, 1);
        // The caller's abort reason, as is (fetch does the same).
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      state.queue.push(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#options.onQueued?.(host, state.active, state.queue.length);
    });
  }

  async #pace(host: string, state: HostState, signal: AbortSignal | undefined): Promise<void> {
    const { now } = this.#options;
    const { minIntervalMs, requestsPerMinute } = state.limits;
    // Reserve a start time at once, so requests that hold slots together are spaced out.
    const current = now();
    while (state.starts.length > 0 && (state.starts[0] ?? 0) <= current - MINUTE)
      state.starts.shift();
    const windowOpensAt =
      requestsPerMinute !== undefined && state.starts.length >= requestsPerMinute
        ? (state.starts[state.starts.length - requestsPerMinute] ?? current) + MINUTE
        : Number.NEGATIVE_INFINITY;
    const startAt = Math.max(current, state.nextStartAt, windowOpensAt, state.pausedUntil);
    state.nextStartAt = startAt + minIntervalMs;
    if (requestsPerMinute !== undefined) state.starts.push(startAt);
    const reason: PacingReason =
      startAt === state.pausedUntil
        ? 'retry_after'
        : startAt === windowOpensAt
          ? 'per_minute'
          : 'interval';
    await this.#sleepUntil(host, startAt, reason, signal);
    // A Retry-After that arrived while this request waited holds it too (checked once, so a
    // sleep that does not move the injected clock cannot spin here).
    if (state.pausedUntil > now())
      await this.#sleepUntil(host, state.pausedUntil, 'retry_after', signal);
  }

  async #sleepUntil(
    host: string,
    at: number,
    reason: PacingReason,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    const waitMs = Math.ceil(at - this.#options.now());
    if (waitMs <= 0) return;
    this.#options.onWait?.(host, waitMs, reason);
    await abortableSleep(this.#options.sleep, waitMs, signal);
  }
}

import type { ProviderLimits } from './types.js';

const MINUTE = 60_000;

export type Sleep = (ms: number) => Promise<void>;

function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new Error('aborted');
}

export interface Permit {
  /** Frees the slot; `tokens` replaces the estimate with what the provider reported. */
  release(tokens?: number): void;
  /** Frees the slot of a call that was not sent after all: it stops counting in the window. */
  cancel(): void;
}

interface Waiter {
  tokens: number;
  resolve: (permit: Permit) => void;
  reject: (error: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

/**
 * A provider's limits: requests a minute, tokens a minute and requests at once, over a
 * sliding minute. Calls beyond a limit wait in line (first come, first served), never
 * dropped. Time comes from `nowMs` and waiting from `sleep`, so tests can drive both.
 */
export class ProviderLimiter {
  private readonly queue: Waiter[] = [];
  private active = 0;
  private readonly sent: { at: number; tokens: number }[] = [];
  private timerPending = false;

  constructor(
    private readonly limits: ProviderLimits,
    private readonly nowMs: () => number,
    private readonly sleep: Sleep,
  ) {}

  /** Calls waiting for their turn. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Calls holding a permit: sent and not yet answered. */
  get inFlight(): number {
    return this.active;
  }

  acquire(tokens: number, signal?: AbortSignal): Promise<Permit> {
    return new Promise<Permit>((resolve, reject) => {
      if (signal?.aborted === true) {
        reject(abortReason(signal));
        return;
      }
      const waiter: Waiter = { tokens, resolve, reject, signal, onAbort: undefined };
      if (signal !== undefined) {
        waiter.onAbort = () => {
          const at = this.queue.indexOf(waiter);
          if (at >= 0) this.queue.splice(at, 1);
          reject(abortReason(signal));
          this.pump();
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.queue.push(waiter);
      this.pump();
    });
  }

  /** How long the head of the line must wait for the minute window; 0 when it may go. */
  private windowWait(tokens: number, now: number): number {
    while (this.sent.length > 0 && (this.sent[0]?.at ?? 0) + MINUTE <= now) this.sent.shift();
    let wait = 0;
    const { rpm, tpm } = this.limits;
    if (rpm !== undefined && this.sent.length >= rpm) {
      const oldest = this.sent[this.sent.length - rpm];
      wait = Math.max(wait, (oldest?.at ?? now) + MINUTE - now);
    }
    if (tpm !== undefined) {
      let used = this.sent.reduce((sum, s) => sum + s.tokens, 0);
      // A call larger than the whole budget goes alone once the window is empty.
      const need = Math.min(tokens, tpm);
      for (const s of this.sent) {
        if (used + need <= tpm) break;
        used -= s.tokens;
        wait = Math.max(wait, s.at + MINUTE - now);
      }
    }
    return wait;
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const head = this.queue[0];
      if (head === undefined) return;
      const { concurrency } = this.limits;
      if (concurrency !== undefined && this.active >= concurrency) return; // a release pumps
      const now = this.nowMs();
      const wait = this.windowWait(head.tokens, now);
      if (wait > 0) {
        if (!this.timerPending) {
          this.timerPending = true;
          void this.sleep(wait).then(() => {
            this.timerPending = false;
            this.pump();
          });
        }
        return;
      }
      this.queue.shift();
      if (head.onAbort !== undefined) head.signal?.removeEventListener('abort', head.onAbort);
      this.active += 1;
      const entry = { at: now, tokens: head.tokens };
      this.sent.push(entry);
      let released = false;
      head.resolve({
        release: (tokens?: number) => {
          if (released) return;
          released = true;
          if (tokens !== undefined && Number.isFinite(tokens)) entry.tokens = tokens;
          // The request reached the provider some time between the permit and now (a busy
          // event loop can delay the send): counting it from now keeps the provider's own
          // sliding minute under the limit too.
          entry.at = Math.max(entry.at, this.nowMs());
          if (!this.sent.includes(entry)) this.sent.push(entry);
          this.sent.sort((a, b) => a.at - b.at);
          this.active -= 1;
          this.pump();
        },
        cancel: () => {
          if (released) return;
          released = true;
          const at = this.sent.indexOf(entry);
          if (at >= 0) this.sent.splice(at, 1);
          this.active -= 1;
          this.pump();
        },
      });
    }
  }
}

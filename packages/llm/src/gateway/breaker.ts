import type { BreakerSettings } from './types.js';

/**
 * A circuit breaker for one provider. Closed: calls pass. After `failureThreshold`
 * consecutive failures it opens: calls are skipped (with the reason) for `cooldownMs`. Then
 * it is half-open: one trial call passes; success closes it, failure opens it again.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;
  private trialInFlight = false;

  constructor(
    private readonly settings: BreakerSettings,
    private readonly nowMs: () => number,
  ) {}

  get state(): 'closed' | 'open' | 'half-open' {
    if (this.openedAt === null) return 'closed';
    return this.nowMs() - this.openedAt >= this.settings.cooldownMs ? 'half-open' : 'open';
  }

  /** When an open breaker lets a trial through, as an ISO time; null when not open. */
  reopensAt(): string | null {
    return this.openedAt === null
      ? null
      : new Date(this.openedAt + this.settings.cooldownMs).toISOString();
  }

  /** Whether a call may go now; a half-open breaker lets exactly one trial through. */
  tryPass(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open' || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  success(): void {
    this.failures = 0;
    this.openedAt = null;
    this.trialInFlight = false;
  }

  failure(): void {
    this.failures += 1;
    if (this.trialInFlight || this.failures >= this.settings.failureThreshold) {
      this.openedAt = this.nowMs();
    }
    this.trialInFlight = false;
  }

  /** A call that neither proved nor disproved the provider (cancelled, our own bad request). */
  release(): void {
    this.trialInFlight = false;
  }

  get consecutiveFailures(): number {
    return this.failures;
  }
}

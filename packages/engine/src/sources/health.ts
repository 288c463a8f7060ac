import type { SourceRun } from '@applydesk/store';

/**
 * - `never_run`: no run recorded yet.
 * - `healthy`: the last run completed.
 * - `degraded`: the last run failed on something that passes (rate limit, block, server
 *   error, timeout, network); automatic runs wait until `degradedUntil`.
 * - `failing`: the last run failed on something the user must fix (credentials, a wrong
 *   board name, a changed API); automatic runs back off further, and the reason says what to do.
 */
export type SourceHealthState = 'never_run' | 'healthy' | 'degraded' | 'failing';

export interface SourceHealth {
  state: SourceHealthState;
  /** Why it is degraded or failing, in the source's own words. */
  reason: string | null;
  lastRun: SourceRun | null;
  lastSuccessAt: string | null;
  /** Failed runs since the last run that completed. */
  consecutiveFailures: number;
  /** No automatic run before this time (the source's Retry-After, or backoff). */
  degradedUntil: string | null;
}

/** Failures that pass by themselves: try again later. Anything else needs the user. */
const TRANSIENT = new Set(['rate_limited', 'blocked', 'server', 'timeout', 'network']);

/** 15 min after the first failure, doubling per failure in a row, at most a day. */
export function backoffMs(consecutiveFailures: number): number {
  if (consecutiveFailures <= 0) return 0;
  return Math.min(15 * 60_000 * 2 ** (consecutiveFailures - 1), 24 * 3_600_000);
}

/** Reads a source's health from its runs, newest first. Pure, so the dashboard and the scheduler agree. */
export function assessHealth(runs: readonly SourceRun[]): SourceHealth {
  const lastRun = runs[0] ?? null;
  if (lastRun === null) {
    return {
      state: 'never_run',
      reason: null,
      lastRun,
      lastSuccessAt: null,
      consecutiveFailures: 0,
      degradedUntil: null,
    };
  }
  const lastSuccess = runs.find((run) => run.status === 'ok' || run.status === 'partial');
  let consecutiveFailures = 0;
  for (const run of runs) {
    if (run.status !== 'failed') break;
    consecutiveFailures++;
  }
  if (lastRun.status !== 'failed') {
    return {
      state: lastRun.status === 'partial' ? 'degraded' : 'healthy',
      reason: lastRun.status === 'partial' ? lastRun.error : null,
      lastRun,
      lastSuccessAt: lastSuccess?.finishedAt ?? null,
      consecutiveFailures: 0,
      degradedUntil: null,
    };
  }
  const backoffUntil = Date.parse(lastRun.finishedAt) + backoffMs(consecutiveFailures);
  const retryAt = lastRun.retryAt === null ? Number.NaN : Date.parse(lastRun.retryAt);
  const until = Number.isNaN(retryAt) ? backoffUntil : Math.max(retryAt, backoffUntil);
  return {
    state: lastRun.errorKind !== null && TRANSIENT.has(lastRun.errorKind) ? 'degraded' : 'failing',
    reason: lastRun.error,
    lastRun,
    lastSuccessAt: lastSuccess?.finishedAt ?? null,
    consecutiveFailures,
    degradedUntil: new Date(until).toISOString(),
  };
}

import { isDomainError, type JobInputDraft } from '@applydesk/domain';
import {
  createPoliteHttpClient,
  failureKind,
  type ConditionalCache,
  type HttpClient,
  type PoliteHttpClient,
  type SourceContext,
} from '@applydesk/sources';
import type { SourceRunTrigger } from '@applydesk/store';
import type { EngineContext, OnProgress } from '../context.js';
import { ingestJobs } from '../use-cases/ingest-jobs.js';
import { vaultTokenStore } from '../secrets/token-store.js';
import { assessHealth } from './health.js';
import { PersistentConditionalCache } from './persistent-cache.js';
import { resolveSources, type ResolvedSource } from './resolve-sources.js';

/** How many rejected postings a run keeps on record (with why); the count covers them all. */
const INVALID_SAMPLES = 20;

export interface InvalidPosting {
  externalId: string | null;
  reason: string;
}

export interface SourceRunSummary {
  name: string;
  sourceId: string;
  status: 'ok' | 'failed' | 'skipped';
  fetched: number;
  created: number;
  updated: number;
  unchanged: number;
  duplicates: number;
  closed: number;
  invalid: InvalidPosting[];
  /** Why the source failed or was skipped. */
  error: string | null;
  /** The HTTP failure kind when it failed on one (rate_limited, blocked, auth…). */
  errorKind: string | null;
  /** When a rate-limited or blocked source may be tried again. */
  retryAt: string | null;
  tookMs: number;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function externalIdOf(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const record = raw as Record<string, unknown>;
  const id = record.id ?? record.ciphertext ?? record.slug ?? record.guid;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

/**
 * The polite client a run shares across its sources, so per-host pacing, concurrency and
 * Retry-After pauses hold across all of them.
 */
export function httpClientFor(ctx: EngineContext, cache?: ConditionalCache): PoliteHttpClient {
  const http = ctx.sources?.http;
  const cached = cache === undefined ? {} : { cache };
  if (http === undefined) return createPoliteHttpClient(cached);
  return createPoliteHttpClient({
    ...cached,
    timeoutMs: http.timeoutMs,
    requestsPerMinute: http.requestsPerMinutePerHost,
    proxies: http.proxies,
    ...(http.userAgent === undefined ? {} : { userAgent: http.userAgent }),
  });
}

export function sourceContext(
  ctx: EngineContext,
  source: ResolvedSource,
  http: HttpClient,
  signal?: AbortSignal,
): SourceContext<ResolvedSource['config'], Record<string, unknown>> {
  return {
    sourceId: source.sourceId,
    config: source.config,
    secrets: source.secrets ?? {},
    http,
    now: ctx.now,
    ...(signal === undefined ? {} : { signal }),
    ...(ctx.vault === undefined ? {} : { tokens: vaultTokenStore(ctx.vault, source.sourceId) }),
  };
}

/**
 * Collects one source: pages are normalized and stored as they arrive, a posting that
 * cannot be mapped is reported and skipped, and postings the source no longer lists are
 * closed only after a complete fetch (a failed run closes nothing).
 */
export async function runSource(
  ctx: EngineContext,
  source: ResolvedSource,
  options: { http: HttpClient; actor: string; onProgress?: OnProgress; signal?: AbortSignal },
): Promise<SourceRunSummary> {
  const started = performance.now();
  const summary: SourceRunSummary = {
    name: source.name,
    sourceId: source.sourceId,
    status: 'ok',
    fetched: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    duplicates: 0,
    closed: 0,
    invalid: [],
    error: null,
    errorKind: null,
    retryAt: null,
    tookMs: 0,
  };
  const finish = () => ({ ...summary, tookMs: Math.round(performance.now() - started) });
  if (source.unusable !== null) {
    summary.status = 'skipped';
    summary.error = source.unusable;
    return finish();
  }

  const sctx = sourceContext(ctx, source, options.http, options.signal);
  const seen: string[] = [];
  try {
    for await (const page of source.adapter.fetch(sctx)) {
      const drafts: JobInputDraft[] = [];
      for (const raw of page) {
        try {
          drafts.push(source.adapter.normalize(raw, sctx));
        } catch (error) {
          summary.invalid.push({ externalId: externalIdOf(raw), reason: errorText(error) });
        }
      }
      const result = await ingestJobs(ctx, drafts, { actor: `source:${source.sourceId}` });
      summary.fetched += page.length;
      summary.created += result.created;
      summary.updated += result.updated;
      summary.unchanged += result.unchanged;
      summary.duplicates += result.duplicates;
      for (const failure of result.failed)
        summary.invalid.push({ externalId: failure.externalId, reason: failure.reason });
      const failedIds = new Set(result.failed.map((f) => f.index));
      drafts.forEach((d, i) => {
        if (!failedIds.has(i) && d.externalId !== undefined) seen.push(String(d.externalId));
      });
      options.onProgress?.({ task: `source:${source.name}`, done: summary.fetched, total: null });
    }
  } catch (error) {
    summary.status = 'failed';
    summary.error = errorText(error);
    summary.errorKind = failureKind(error) ?? (isDomainError(error) ? error.code : null);
    const retryAt = isDomainError(error) ? error.details?.retryAt : undefined;
    summary.retryAt = typeof retryAt === 'string' ? retryAt : null;
    return finish();
  }
  summary.closed = await ctx.store.jobs.closeMissing(source.sourceId, seen, options.actor);
  options.onProgress?.({
    task: `source:${source.name}`,
    done: summary.fetched,
    total: summary.fetched,
  });
  return finish();
}

export interface IngestFromSourcesOptions {
  /** Source names to run; default every enabled source. */
  names?: string[];
  actor: string;
  trigger?: SourceRunTrigger;
  /** Run sources that asked to be left alone (Retry-After, a block, backoff) anyway. */
  force?: boolean;
  onProgress?: OnProgress;
  signal?: AbortSignal;
}

/**
 * How long source runs are kept: long enough for health and back-off (they read the last 20
 * runs) and for a season of history, short enough that a source polled every 15 minutes does
 * not grow the table by 35,000 rows a year.
 */
export const SOURCE_RUN_HISTORY_DAYS = 90;

/** Stores the run, so health, the dashboard and the scheduler know what happened. */
async function recordRun(
  ctx: EngineContext,
  summary: SourceRunSummary,
  startedAt: Date,
  trigger: SourceRunTrigger,
): Promise<void> {
  if (summary.status === 'skipped') return;
  await ctx.store.sourceRuns.record({
    sourceId: summary.sourceId,
    name: summary.name,
    trigger,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date(startedAt.getTime() + summary.tookMs).toISOString(),
    status: summary.status,
    counts: {
      fetched: summary.fetched,
      created: summary.created,
      updated: summary.updated,
      unchanged: summary.unchanged,
      duplicates: summary.duplicates,
      closed: summary.closed,
      invalid: summary.invalid.length,
    },
    invalidSamples: summary.invalid.slice(0, INVALID_SAMPLES),
    error: summary.error,
    errorKind: summary.errorKind,
    retryAt: summary.retryAt,
    tookMs: summary.tookMs,
  });
}

/** A source that asked to be left alone, as a skipped run; null when it may run now. */
async function heldBack(
  ctx: EngineContext,
  source: ResolvedSource,
): Promise<SourceRunSummary | null> {
  const health = assessHealth(await ctx.store.sourceRuns.list(source.sourceId, { limit: 20 }));
  const until = health.degradedUntil;
  if (until === null || Date.parse(until) <= ctx.now().getTime()) return null;
  return {
    name: source.name,
    sourceId: source.sourceId,
    status: 'skipped',
    fetched: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    duplicates: 0,
    closed: 0,
    invalid: [],
    error: `${health.state} until ${until} after ${health.consecutiveFailures} failed run${health.consecutiveFailures === 1 ? '' : 's'} (${health.reason ?? 'no reason given'}); --force runs it anyway`,
    errorKind: health.lastRun?.errorKind ?? null,
    retryAt: until,
    tookMs: 0,
  };
}

/**
 * Runs the configured sources (all enabled ones, or those named); one failing never stops the
 * others. Each run is recorded; a source in its back-off window is skipped unless forced; what
 * the conditional cache learned is kept for the next run.
 */
export async function ingestFromSources(
  ctx: EngineContext,
  options: IngestFromSourcesOptions,
): Promise<SourceRunSummary[]> {
  const all = resolveSources(ctx.sources ?? { entries: [], secret: () => undefined });
  const chosen =
    options.names === undefined
      ? all.filter((s) => s.config.enabled)
      : all.filter((s) => options.names?.includes(s.name));
  const cache = new PersistentConditionalCache(ctx.store);
  const http = httpClientFor(ctx, cache);
  const results: SourceRunSummary[] = [];
  try {
    for (const source of chosen) {
      const held = options.force === true ? null : await heldBack(ctx, source);
      if (held !== null) {
        results.push(held);
        continue;
      }
      const startedAt = ctx.now();
      await cache.load(source.sourceId);
      const summary = await runSource(ctx, source, {
        http,
        actor: options.actor,
        ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      });
      await cache.save(source.sourceId);
      await recordRun(ctx, summary, startedAt, options.trigger ?? 'manual');
      results.push(summary);
    }
    if (results.some((r) => r.status !== 'skipped')) {
      const before = ctx.now().getTime() - SOURCE_RUN_HISTORY_DAYS * 86_400_000;
      await ctx.store.sourceRuns.prune(new Date(before).toISOString());
    }
  } finally {
    await http.close();
  }
  return results;
}

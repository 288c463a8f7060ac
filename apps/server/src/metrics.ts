import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { StoreStats } from '@applydesk/engine';

const PREFIX = 'applydesk_';

/** Statuses that mean the request was turned away rather than answered. */
const REFUSALS: Partial<Record<number, string>> = {
  401: 'unauthorized',
  403: 'forbidden',
  413: 'too_large',
  429: 'rate_limited',
};

/** Work under way and waiting, per queue (`llm:<provider>`, `source_runs`). */
export type QueueDepths = Record<string, { active: number; waiting: number }>;

/** The route pattern that answered, so paths with ids do not each become a time series. */
function routeOf(c: Context): string {
  const handlers = matchedRoutes(c).filter((r) => r.method !== 'ALL');
  return handlers.at(-1)?.path ?? 'unmatched';
}

/**
 * Prometheus metrics of one server: request latency measured in-process, and totals read
 * from the store at scrape time (they survive restarts and count what other processes did,
 * such as `applydesk ingest` run from cron).
 */
export class ServerMetrics {
  readonly registry = new Registry();
  private readonly duration: Histogram<'method' | 'route' | 'status'>;
  /** Requests turned away: no or a bad token, too little scope, too large, too many. */
  readonly refused: Counter<'reason'>;
  readonly streams: Gauge;
  private readonly inFlight: Gauge;
  private readonly queueDepth: Gauge<'queue' | 'state'>;
  private readonly jobs: Gauge<'source_type'>;
  private readonly drafts: Gauge<'kind' | 'status'>;
  private readonly applications: Gauge<'stage'>;
  private readonly sourceRuns: Gauge<'source_id' | 'status'>;
  private readonly llmCalls: Gauge<'provider' | 'model' | 'outcome'>;
  private readonly llmTokens: Gauge<'provider' | 'model' | 'direction'>;
  private readonly llmCost: Gauge<'provider' | 'model'>;
  private readonly llmErrors: Gauge<'provider' | 'error_kind'>;

  constructor() {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: PREFIX });
    this.duration = new Histogram({
      name: `${PREFIX}http_request_duration_seconds`,
      help: 'Time to answer an HTTP request (to the first byte for streams)',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.refused = new Counter({
      name: `${PREFIX}http_requests_refused_total`,
      help: 'Requests turned away, by reason',
      labelNames: ['reason'],
      registers,
    });
    this.streams = new Gauge({
      name: `${PREFIX}event_streams`,
      help: 'Clients connected to /api/events/stream',
      registers,
    });
    this.inFlight = new Gauge({
      name: `${PREFIX}http_requests_in_flight`,
      help: 'Requests being answered now',
      registers,
    });
    this.queueDepth = new Gauge({
      name: `${PREFIX}queue_depth`,
      help: 'Work under way (active) and waiting its turn, per queue: language model calls per provider (llm:<provider>), scheduled source runs (source_runs) and runs asked for through the API (requested_source_runs)',
      labelNames: ['queue', 'state'],
      registers,
    });
    this.jobs = new Gauge({
      name: `${PREFIX}jobs`,
      help: 'Postings stored, by source type (duplicates included)',
      labelNames: ['source_type'],
      registers,
    });
    this.drafts = new Gauge({
      name: `${PREFIX}drafts`,
      help: 'Drafts stored, by kind and review status',
      labelNames: ['kind', 'status'],
      registers,
    });
    this.applications = new Gauge({
      name: `${PREFIX}applications`,
      help: 'Applications, by stage',
      labelNames: ['stage'],
      registers,
    });
    this.sourceRuns = new Gauge({
      name: `${PREFIX}source_runs`,
      help: 'Source runs kept in history, by source and outcome (failed and partial are errors)',
      labelNames: ['source_id', 'status'],
      registers,
    });
    this.llmCalls = new Gauge({
      name: `${PREFIX}llm_calls`,
      help: 'Language model calls in the ledger, by outcome',
      labelNames: ['provider', 'model', 'outcome'],
      registers,
    });
    this.llmTokens = new Gauge({
      name: `${PREFIX}llm_tokens`,
      help: 'Language model tokens in the ledger, input and output',
      labelNames: ['provider', 'model', 'direction'],
      registers,
    });
    this.llmCost = new Gauge({
      name: `${PREFIX}llm_cost_usd`,
      help: 'Language model spend in the ledger, USD',
      labelNames: ['provider', 'model'],
      registers,
    });
    this.llmErrors = new Gauge({
      name: `${PREFIX}llm_provider_errors`,
      help: 'Failed language model calls, by provider and kind of failure',
      labelNames: ['provider', 'error_kind'],
      registers,
    });
  }

  /** Times every request, including those refused by the middleware after it. */
  middleware(): MiddlewareHandler {
    return async (c, next) => {
      const end = this.duration.startTimer();
      this.inFlight.inc();
      try {
        await next();
      } finally {
        this.inFlight.dec();
        const status = c.res.status;
        end({ method: c.req.method, route: routeOf(c), status: String(status) });
        const reason = REFUSALS[status];
        if (reason !== undefined) this.refused.inc({ reason });
      }
    };
  }

  /** The exposition text, with the store totals and the queue depths read now. */
  async render(stats: StoreStats, queues: QueueDepths = {}): Promise<string> {
    this.setFromStore(stats);
    this.queueDepth.reset();
    for (const [queue, depth] of Object.entries(queues)) {
      this.queueDepth.set({ queue, state: 'active' }, depth.active);
      this.queueDepth.set({ queue, state: 'waiting' }, depth.waiting);
    }
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private setFromStore(stats: StoreStats): void {
    // Reset first: a series whose rows are gone (pruned runs) must not linger at its old value.
    for (const gauge of [
      this.jobs,
      this.drafts,
      this.applications,
      this.sourceRuns,
      this.llmCalls,
      this.llmTokens,
      this.llmCost,
      this.llmErrors,
    ])
      gauge.reset();
    for (const r of stats.jobsBySource) this.jobs.set({ source_type: r.sourceType }, r.count);
    for (const r of stats.drafts) this.drafts.set({ kind: r.kind, status: r.status }, r.count);
    for (const r of stats.applicationsByStage) this.applications.set({ stage: r.stage }, r.count);
    for (const r of stats.sourceRuns)
      this.sourceRuns.set({ source_id: r.sourceId, status: r.status }, r.count);
    for (const r of stats.llmCalls) {
      const model = { provider: r.provider, model: r.model };
      this.llmCalls.inc({ ...model, outcome: r.outcome }, r.count);
      this.llmTokens.inc({ ...model, direction: 'input' }, r.inputTokens);
      this.llmTokens.inc({ ...model, direction: 'output' }, r.outputTokens);
      this.llmCost.inc(model, r.costUsd);
      if (r.outcome === 'error')
        this.llmErrors.inc({ provider: r.provider, error_kind: r.errorKind ?? 'unknown' }, r.count);
    }
  }
}

import { createHash } from 'node:crypto';
import { embedMany, generateText, streamText } from 'ai';
import { DomainError, isDomainError } from '@applydesk/domain';
import { costOf, priceOf, type PriceOverride } from '../prices.js';
import { CircuitBreaker } from './breaker.js';
import { classifyFailure, type Failure } from './failure.js';
import { ProviderLimiter, type Sleep } from './limiter.js';
import { createProviderClient, needsApiKey, type ProviderClient } from './providers.js';
import type {
  AttemptNote,
  BreakerSettings,
  EmbedRequest,
  EmbedResult,
  GatewayProvider,
  GenerateRequest,
  GenerateResult,
  LlmCache,
  LlmCallRecord,
  LlmErrorKind,
  LlmLedger,
  LlmTask,
  ModelRoute,
  RetrySettings,
} from './types.js';

export interface GatewayOptions {
  providers: GatewayProvider[];
  /** For each task, the models to try in order. */
  tasks: Partial<Record<LlmTask, ModelRoute[]>>;
  budget?: { dailyUsd?: number | null; monthlyUsd?: number | null };
  /** USD per million tokens by "provider:model", over the built-in table. */
  prices?: Record<string, PriceOverride>;
  ledger: LlmLedger;
  cache?: LlmCache;
  now?: () => Date;
  /** Waiting (back-off, Retry-After, rate limits); tests pass one that moves a fake clock. */
  sleep?: Sleep;
  /** The fetch the provider clients use (defaults to the global one). */
  fetch?: typeof globalThis.fetch;
  /** How long one attempt may take before it is abandoned (and retried or failed over). */
  timeoutMs?: number;
  retry?: Partial<RetrySettings>;
  breaker?: Partial<BreakerSettings>;
}

export interface Gateway {
  /** Whether the task has any model configured; when not, use the offline writer. */
  hasModels(task: LlmTask): boolean;
  generate(request: GenerateRequest): Promise<GenerateResult>;
  embed(request: EmbedRequest): Promise<EmbedResult>;
  /** Each provider's breaker, for `doctor` and the dashboard. */
  breakers(): Record<string, { state: 'closed' | 'open' | 'half-open'; reopensAt: string | null }>;
  /** Each provider's calls in flight and waiting for their turn under its limits, for metrics. */
  queues(): Record<string, { active: number; waiting: number }>;
}

const DEFAULT_RETRY: RetrySettings = {
  maxAttempts: 3,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 30_000,
};
const DEFAULT_BREAKER: BreakerSettings = { failureThreshold: 5, cooldownMs: 60_000 };

/** The DomainError of a task with no model configured: the caller falls back to the offline writer. */
export function isNoModelError(error: unknown): boolean {
  return isDomainError(error, 'NOT_FOUND') && error.details?.reason === 'no_model';
}

/** What generateText and streamText are asked alike: retries are the gateway's own. */
function callSettings(
  request: GenerateRequest,
  client: ProviderClient,
  route: ModelRoute,
  signal: AbortSignal,
) {
  return {
    model: client.language(route.model),
    ...(request.system === undefined ? {} : { system: request.system }),
    prompt: request.prompt,
    ...(request.maxOutputTokens === undefined ? {} : { maxOutputTokens: request.maxOutputTokens }),
    ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
    maxRetries: 0,
    abortSignal: signal,
  };
}

/** An error event inside a stream, as an Error that says what the provider said. */
function streamError(error: unknown): Error {
  if (error instanceof Error) return error;
  if (typeof error === 'object' && error !== null) {
    const body = error as { type?: unknown; message?: unknown; error?: unknown };
    const inner = (typeof body.error === 'object' && body.error !== null ? body.error : body) as {
      type?: unknown;
      message?: unknown;
    };
    const type = typeof inner.type === 'string' ? `${inner.type}: ` : '';
    if (typeof inner.message === 'string')
      return new Error(`stream error: ${type}${inner.message}`);
  }
  return new Error(`stream error: ${typeof error === 'string' ? error : JSON.stringify(error)}`);
}

/** Waits for `wait`, or throws the signal's reason as soon as the caller gives up. */
function abortable(wait: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (signal === undefined) return wait;
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    wait.then(
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function formatUsd(usd: number): string {
  return usd >= 1 || usd === 0 ? `$${usd.toFixed(2)}` : `$${usd.toFixed(4)}`;
}

function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

function startOfUtcMonth(date: Date, offset = 0): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset, 1));
}

/** The cache key: a hash of the provider, the model, the prompt and every parameter. */
export function cacheKey(route: ModelRoute, request: GenerateRequest): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        route.provider,
        route.model,
        request.system ?? null,
        request.prompt,
        request.maxOutputTokens ?? null,
        request.temperature ?? null,
      ]),
    )
    .digest('hex');
}

/** What one call to a model gave back, in the gateway's terms. */
interface Answer<T> {
  value: T;
  inputTokens: number;
  outputTokens: number;
}

interface Walk<T> {
  task: LlmTask;
  /** The models to walk, in order. */
  routes: ModelRoute[];
  jobId: string | null;
  draftId: string | null;
  signal: AbortSignal | undefined;
  /** Tokens the call may use, for tokens-a-minute limits. */
  estimatedTokens: number;
  call(client: ProviderClient, route: ModelRoute, signal: AbortSignal): Promise<Answer<T>>;
}

/**
 * The LLM gateway: for a task, walks its models in order. Each attempt passes the
 * provider's breaker and limits, is retried on retryable failures (honouring Retry-After up
 * to a cap), and fails over to the next model otherwise; the budget is checked first and
 * every attempt is written to the ledger. See packages/llm/README.md.
 */
export function createGateway(options: GatewayOptions): Gateway {
  const now = options.now ?? (() => new Date());
  const nowMs = () => now().getTime();
  const sleep = options.sleep ?? defaultSleep;
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const breakerSettings = { ...DEFAULT_BREAKER, ...options.breaker };
  const timeoutMs = options.timeoutMs ?? 60_000;
  const prices = options.prices ?? {};
  const ledger = options.ledger;

  const providers = new Map<
    string,
    {
      config: GatewayProvider;
      client: ProviderClient;
      breaker: CircuitBreaker;
      limiter: ProviderLimiter;
    }
  >();
  for (const config of options.providers) {
    if (providers.has(config.name)) {
      throw new DomainError('CONFIG_INVALID', `LLM provider ${config.name} is configured twice`);
    }
    providers.set(config.name, {
      config,
      client: createProviderClient(config, options.fetch),
      breaker: new CircuitBreaker(breakerSettings, nowMs),
      limiter: new ProviderLimiter(config.limits ?? {}, nowMs, sleep),
    });
  }
  for (const [task, routes] of Object.entries(options.tasks)) {
    (routes ?? []).forEach((route, i) => {
      if (!providers.has(route.provider)) {
        throw new DomainError(
          'CONFIG_INVALID',
          `llm.tasks.${task}.${i}: unknown provider "${route.provider}"`,
          { hint: 'name a provider listed under llm.providers' },
        );
      }
    });
  }

  const routesFor = (task: LlmTask): ModelRoute[] => options.tasks[task] ?? [];
  /** The request's own models when it names some (each checked), else the task's list. */
  const routesOf = (task: LlmTask, models: ModelRoute[] | undefined): ModelRoute[] => {
    if (models === undefined) return routesFor(task);
    for (const route of models) {
      if (!providers.has(route.provider)) {
        throw new DomainError(
          'INVALID_INPUT',
          `model ${route.provider}:${route.model}: unknown provider "${route.provider}"`,
          {
            hint: `name a provider listed under llm.providers: ${[...providers.keys()].join(', ') || 'none is configured'}`,
          },
        );
      }
    }
    return models;
  };

  const record = async (
    walk: Pick<Walk<unknown>, 'task' | 'jobId' | 'draftId'>,
    route: ModelRoute,
    row: Partial<LlmCallRecord> & Pick<LlmCallRecord, 'outcome'>,
  ): Promise<void> => {
    await ledger.record({
      at: now().toISOString(),
      task: walk.task,
      provider: route.provider,
      model: route.model,
      inputTokens: 0,
      outputTokens: 0,
      costUsd: 0,
      priceKnown: true,
      latencyMs: 0,
      errorKind: null,
      errorMessage: null,
      jobId: walk.jobId,
      draftId: walk.draftId,
      ...row,
    });
  };

  // What calls in flight may still cost: a cap counts it, so concurrent calls cannot
  // all pass the check and overshoot together.
  let reservedUsd = 0;
  let settled: (() => void)[] = [];
  const release = (usd: number): void => {
    reservedUsd = Math.max(0, reservedUsd - usd);
    const waiting = settled;
    settled = [];
    for (const wake of waiting) wake();
  };
  const nextSettle = (): Promise<void> => new Promise((resolve) => settled.push(resolve));

  /** The most a walk may cost: its whole token estimate at the dearest output price on its routes. */
  const worstCaseUsd = (walk: Walk<unknown>): number =>
    Math.max(
      0,
      ...walk.routes.map((route) => {
        const price = priceOf(route.provider, route.model, prices);
        return price === null ? 0 : costOf(price, 0, walk.estimatedTokens);
      }),
    );

  /**
   * Throws when a budget cap is spent, saying which, how much, and when it resets. While
   * calls in flight may still spend what is left, waits for them to finish and looks again.
   */
  const checkBudget = async (
    walk: Walk<unknown>,
    first: ModelRoute,
    reservation: number,
  ): Promise<void> => {
    for (;;) {
      const crowded = await spentCap(walk, first, reservation);
      if (crowded === null) return;
      await crowded.settled;
    }
  };

  /**
   * Throws when a cap is spent; while calls in flight may spend the rest of a cap, answers
   * a promise of the next one settling; otherwise reserves this call's worst case (null).
   */
  const spentCap = async (
    walk: Walk<unknown>,
    first: ModelRoute,
    reservation: number,
  ): Promise<{ settled: Promise<void> } | null> => {
    const at = now();
    const caps = [
      {
        name: 'daily',
        limit: options.budget?.dailyUsd ?? null,
        since: startOfUtcDay(at),
        resets: new Date(startOfUtcDay(at).getTime() + 86_400_000),
        field: 'llm.budget.daily_usd',
        period: 'today (UTC)',
      },
      {
        name: 'monthly',
        limit: options.budget?.monthlyUsd ?? null,
        since: startOfUtcMonth(at),
        resets: startOfUtcMonth(at, 1),
        field: 'llm.budget.monthly_usd',
        period: 'this month (UTC)',
      },
    ];
    // Read every cap's spend first: from here on nothing awaits until the reservation is
    // made, so two calls cannot both decide on the same remaining budget.
    const spends = await Promise.all(
      caps.map((cap) =>
        cap.limit === null ? Promise.resolve(0) : ledger.spend({ since: cap.since.toISOString() }),
      ),
    );
    for (const [i, cap] of caps.entries()) {
      const spent = spends[i] ?? 0;
      if (cap.limit === null || spent < cap.limit) continue;
      const message = `the ${cap.name} LLM budget is spent: ${formatUsd(spent)} of ${formatUsd(cap.limit)} ${cap.period}; it resets at ${cap.resets.toISOString()}`;
      await record(walk, first, { outcome: 'skipped', errorKind: 'budget', errorMessage: message });
      throw new DomainError('RATE_LIMITED', message, {
        hint: `wait for the reset, or raise ${cap.field} in applydesk.yaml`,
        details: {
          reason: 'budget',
          cap: cap.name,
          limitUsd: cap.limit,
          spentUsd: spent,
          resetsAt: cap.resets.toISOString(),
          task: walk.task,
        },
      });
    }
    const crowded = caps.some(
      (cap, i) =>
        cap.limit !== null && reservedUsd > 0 && (spends[i] ?? 0) + reservedUsd >= cap.limit,
    );
    // The wait is registered now, in the same turn, so a release cannot slip past it.
    if (crowded) return { settled: nextSettle() };
    reservedUsd += reservation;
    return null;
  };

  /** One attempt, under the provider's limits and our timeout. */
  const attempt = async <T>(
    walk: Walk<T>,
    entry: NonNullable<ReturnType<typeof providers.get>>,
    route: ModelRoute,
  ): Promise<
    | { ok: true; answer: Answer<T>; latencyMs: number }
    | { ok: false; failure: Failure; latencyMs: number; error: unknown }
    | { ok: 'skipped' }
  > => {
    const permit = await entry.limiter.acquire(walk.estimatedTokens, walk.signal);
    if (entry.breaker.state === 'open') {
      permit.cancel();
      return { ok: 'skipped' };
    }
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(new Error('timeout')), timeoutMs);
    const signal =
      walk.signal === undefined ? timeout.signal : AbortSignal.any([walk.signal, timeout.signal]);
    const started = performance.now();
    try {
      const answer = await walk.call(entry.client, route, signal);
      const latencyMs = performance.now() - started;
      permit.release(answer.inputTokens + answer.outputTokens);
      return { ok: true, answer, latencyMs };
    } catch (error) {
      const latencyMs = performance.now() - started;
      permit.release();
      const failure = classifyFailure(error, {
        timedOut: timeout.signal.aborted,
        aborted: walk.signal?.aborted === true,
        timeoutMs,
        nowMs: nowMs(),
      });
      return { ok: false, failure, latencyMs, error };
    } finally {
      clearTimeout(timer);
    }
  };

  /** Walks the task's models until one answers; throws UPSTREAM_FAILED when none does. */
  const run = async <T>(
    walk: Walk<T>,
  ): Promise<{
    route: ModelRoute;
    answer: Answer<T>;
    costUsd: number;
    priceKnown: boolean;
    attempts: AttemptNote[];
  }> => {
    const routes = walk.routes;
    const first = routes[0];
    if (first === undefined) {
      throw new DomainError('NOT_FOUND', `no model configured for task ${walk.task}`, {
        hint: `list models under llm.tasks.${walk.task} in applydesk.yaml; until then the offline writer is used`,
        details: { reason: 'no_model', task: walk.task },
      });
    }
    const reservation = worstCaseUsd(walk);
    await checkBudget(walk, first, reservation);
    try {
      return await walkRoutes(walk, routes);
    } finally {
      release(reservation);
    }
  };

  const walkRoutes = async <T>(
    walk: Walk<T>,
    routes: ModelRoute[],
  ): Promise<{
    route: ModelRoute;
    answer: Answer<T>;
    costUsd: number;
    priceKnown: boolean;
    attempts: AttemptNote[];
  }> => {
    const attempts: AttemptNote[] = [];
    const note = (
      route: ModelRoute,
      outcome: AttemptNote['outcome'],
      kind: LlmErrorKind | null,
      message: string | null,
    ) =>
      attempts.push({
        provider: route.provider,
        model: route.model,
        outcome,
        errorKind: kind,
        message,
      });

    for (const route of routes) {
      const entry = providers.get(route.provider);
      if (entry === undefined) continue; // refused when the gateway was created
      if (needsApiKey(entry.config.type) && (entry.config.apiKey ?? '') === '') {
        const message = `no API key for ${route.provider}${entry.config.apiKeyEnv === undefined ? '' : `: set ${entry.config.apiKeyEnv}`}`;
        await record(walk, route, {
          outcome: 'skipped',
          errorKind: 'no_api_key',
          errorMessage: message,
        });
        note(route, 'skipped', 'no_api_key', message);
        continue;
      }
      for (let n = 1; n <= retry.maxAttempts; n++) {
        if (!entry.breaker.tryPass()) {
          const message = `${route.provider} is skipped: its breaker opened after ${entry.breaker.consecutiveFailures} failures in a row; next trial at ${entry.breaker.reopensAt() ?? 'once it cools down'}`;
          await record(walk, route, {
            outcome: 'skipped',
            errorKind: 'breaker_open',
            errorMessage: message,
          });
          note(route, 'skipped', 'breaker_open', message);
          break;
        }
        const result = await attempt(walk, entry, route);
        if (result.ok === 'skipped') {
          // The breaker opened while this call waited for its turn: do not send it.
          const message = `${route.provider} is skipped: its breaker opened while this call waited for its turn; next trial at ${entry.breaker.reopensAt() ?? 'once it cools down'}`;
          await record(walk, route, {
            outcome: 'skipped',
            errorKind: 'breaker_open',
            errorMessage: message,
          });
          note(route, 'skipped', 'breaker_open', message);
          break;
        }
        if (result.ok) {
          entry.breaker.success();
          const price = priceOf(route.provider, route.model, prices);
          const { inputTokens, outputTokens } = result.answer;
          const costUsd = price === null ? 0 : costOf(price, inputTokens, outputTokens);
          await record(walk, route, {
            outcome: 'ok',
            inputTokens,
            outputTokens,
            costUsd,
            priceKnown: price !== null,
            latencyMs: result.latencyMs,
          });
          note(route, 'ok', null, null);
          return { route, answer: result.answer, costUsd, priceKnown: price !== null, attempts };
        }
        const { failure } = result;
        await record(walk, route, {
          outcome: 'error',
          errorKind: failure.kind,
          errorMessage: failure.message,
          latencyMs: result.latencyMs,
        });
        note(route, 'error', failure.kind, failure.message);
        if (failure.kind === 'aborted') {
          entry.breaker.release();
          throw result.error;
        }
        // Our own malformed request says nothing about the provider's health.
        if (failure.kind === 'bad_request' || failure.kind === 'unsupported')
          entry.breaker.release();
        else entry.breaker.failure();
        if (!failure.retryable || n === retry.maxAttempts) break;
        const backoff = Math.min(retry.baseDelayMs * 2 ** (n - 1), retry.maxDelayMs);
        if (failure.retryAfterMs !== null && failure.retryAfterMs > retry.maxRetryAfterMs) {
          const last = attempts[attempts.length - 1];
          if (last !== undefined) {
            last.message = `${failure.message} (Retry-After ${Math.ceil(failure.retryAfterMs / 1000)} s is over the ${Math.ceil(retry.maxRetryAfterMs / 1000)} s cap: failing over)`;
          }
          break;
        }
        await abortable(sleep(failure.retryAfterMs ?? backoff), walk.signal);
      }
    }
    const summary = attempts
      .map((a) => `${a.provider}:${a.model} ${a.message ?? a.outcome}`)
      .join('; ');
    throw new DomainError(
      'UPSTREAM_FAILED',
      `no model answered the ${walk.task} request: ${summary}`,
      {
        hint: 'check the keys and llm.providers, or `applydesk costs --by model` for the failures; the offline writer still works',
        details: { reason: 'all_failed', task: walk.task, attempts },
      },
    );
  };

  return {
    hasModels: (task) => routesFor(task).length > 0,

    async generate(request) {
      let streamed = false;
      /** The same call as generateText, read as the model writes it. */
      const streamAnswer = async (
        client: ProviderClient,
        route: ModelRoute,
        signal: AbortSignal,
      ): Promise<Answer<string>> => {
        if (streamed) request.onRestart?.();
        const result = streamText(callSettings(request, client, route, signal));
        let text = '';
        let usage: { inputTokens?: number | undefined; outputTokens?: number | undefined } = {};
        let finishReason: string | undefined;
        for await (const part of result.fullStream) {
          if (part.type === 'text-delta') {
            text += part.text;
            streamed = true;
            request.onText?.(part.text);
          } else if (part.type === 'error') {
            throw streamError(part.error);
          } else if (part.type === 'abort') {
            throw signal.reason as Error;
          } else if (part.type === 'finish') {
            usage = part.totalUsage;
            finishReason = part.finishReason;
          }
        }
        // A connection that closes mid-answer leaves no finish reason: the text is cut short.
        if (finishReason === undefined || finishReason === 'other' || finishReason === 'error') {
          throw Object.assign(
            new Error(
              `the stream ended before the model finished (after ${text.length} characters)`,
            ),
            { name: 'AI_InvalidResponseDataError' },
          );
        }
        return {
          value: text,
          inputTokens: usage.inputTokens ?? 0,
          outputTokens: usage.outputTokens ?? 0,
        };
      };
      const walk: Walk<string> = {
        task: request.task,
        routes: routesOf(request.task, request.models),
        jobId: request.jobId ?? null,
        draftId: request.draftId ?? null,
        signal: request.signal,
        estimatedTokens:
          Math.ceil(((request.system?.length ?? 0) + request.prompt.length) / 4) +
          (request.maxOutputTokens ?? 1000),
        async call(client, route, signal) {
          if (request.onText !== undefined) return streamAnswer(client, route, signal);
          const result = await generateText(callSettings(request, client, route, signal));
          return {
            value: result.text,
            inputTokens: result.usage.inputTokens ?? 0,
            outputTokens: result.usage.outputTokens ?? 0,
          };
        },
      };
      const routes = walk.routes;
      const cache = options.cache;
      if (cache !== undefined && request.fresh !== true) {
        for (const route of routes) {
          const hit = await cache.get(cacheKey(route, request));
          if (hit === null) continue;
          await record(walk, route, { outcome: 'cached' });
          request.onText?.(hit.text);
          return {
            text: hit.text,
            provider: route.provider,
            model: route.model,
            usage: hit.usage,
            costUsd: 0,
            priceKnown: true,
            cached: true,
            attempts: [
              {
                provider: route.provider,
                model: route.model,
                outcome: 'cached',
                errorKind: null,
                message: null,
              },
            ],
          };
        }
      }
      const done = await run(walk);
      const usage = {
        inputTokens: done.answer.inputTokens,
        outputTokens: done.answer.outputTokens,
      };
      await cache?.put({
        key: cacheKey(done.route, request),
        provider: done.route.provider,
        model: done.route.model,
        text: done.answer.value,
        usage,
      });
      return {
        text: done.answer.value,
        provider: done.route.provider,
        model: done.route.model,
        usage,
        costUsd: done.costUsd,
        priceKnown: done.priceKnown,
        cached: false,
        attempts: done.attempts,
      };
    },

    async embed(request) {
      const walk: Walk<number[][]> = {
        task: 'embeddings',
        routes: routesFor('embeddings'),
        jobId: request.jobId ?? null,
        draftId: null,
        signal: request.signal,
        estimatedTokens: Math.ceil(request.texts.reduce((n, t) => n + t.length, 0) / 4),
        async call(client, route, signal) {
          const model = client.embedding(route.model);
          if (model === null) {
            throw Object.assign(new Error(`${route.provider} has no embeddings API`), {
              name: 'AI_UnsupportedFunctionalityError',
            });
          }
          const result = await embedMany({
            model,
            values: request.texts,
            maxRetries: 0,
            abortSignal: signal,
          });
          return { value: result.embeddings, inputTokens: result.usage.tokens, outputTokens: 0 };
        },
      };
      const done = await run(walk);
      return {
        embeddings: done.answer.value,
        provider: done.route.provider,
        model: done.route.model,
        usage: { inputTokens: done.answer.inputTokens },
        costUsd: done.costUsd,
        priceKnown: done.priceKnown,
        attempts: done.attempts,
      };
    },

    breakers() {
      return Object.fromEntries(
        [...providers].map(([name, p]) => [
          name,
          { state: p.breaker.state, reopensAt: p.breaker.reopensAt() },
        ]),
      );
    },
    queues() {
      return Object.fromEntries(
        [...providers].map(([name, p]) => [
          name,
          { active: p.limiter.inFlight, waiting: p.limiter.waiting },
        ]),
      );
    },
  };
}

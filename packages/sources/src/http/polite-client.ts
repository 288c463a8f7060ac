import { DomainError } from '@applydesk/domain';
import { looksLikeBlockPage } from './block-detection.js';
import {
  MemoryConditionalCache,
  type ConditionalCache,
  type ConditionalEntry,
} from './conditional-cache.js';
import { parseJsonBody, sendHttpRequest, type HttpClientOptions } from './create-http-client.js';
import { HostLimiter, type HostLimits, type PacingReason } from './host-limiter.js';
import {
  failureKind,
  httpFailure,
  type HttpClient,
  type HttpFailureKind,
  type HttpRequest,
  type HttpResponse,
} from './http-client.js';
import { ProxyPool, type ProxyChoice } from './proxies.js';
import { abortableSleep, realSleep, type Sleep } from './wait.js';

/*
 * Why not cockatiel (named in ARCHITECTURE.md for resilience): its retry policy sleeps on its
 * own setTimeout and reads Date.now, so neither the injected `sleep`/`now` these tests and the
 * engine rely on nor a per-failure decision ("Retry-After is 2 h away: give up now and report
 * retryAt") fits its backoff interface; it has no per-host limiter keyed by a request's host
 * (its bulkhead is one pool per policy, and the rate limiter exists only in 4.x); and 4.0, the
 * current major, requires Node >= 22 while ApplyDesk supports Node >= 20.19. What this file
 * needs from it (a retry loop and a semaphore) is a few dozen lines here, tested below.
 */

/** What the polite client reports for logs, metrics and progress. `host` is `new URL(url).host`. */
export type HttpEvent =
  /** An attempt is about to be sent. */
  | { type: 'request'; url: string; host: string; method: string; attempt: number; proxy?: string }
  /** All the host's concurrency slots are taken; this request waits for one. */
  | { type: 'queued'; host: string; active: number; queued: number }
  /** Pacing: the request waits for the host's interval, per-minute window or a Retry-After. */
  | { type: 'rate_limit_wait'; host: string; waitMs: number; reason: PacingReason }
  /** A retryable failure; the client waits `delayMs` (Retry-After when sent, else backoff) and tries again. */
  | {
      type: 'retry';
      url: string;
      host: string;
      attempt: number;
      kind: HttpFailureKind;
      status?: number;
      delayMs: number;
      retryAfter: boolean;
    }
  /** The host asked to be left alone until `retryAt`, beyond the wait cap: the request fails now. */
  | { type: 'retry_later'; url: string; host: string; kind: HttpFailureKind; retryAt: string }
  /** Retries are used up. */
  | {
      type: 'gave_up';
      url: string;
      host: string;
      attempts: number;
      kind: HttpFailureKind;
      status?: number;
    }
  /** A bot wall: a challenge page, or (soft) an HTML block page with HTTP 200 where JSON was expected. */
  | { type: 'blocked'; url: string; host: string; status: number | undefined; soft: boolean }
  /** A proxy failed at the network level and is skipped until `until`. */
  | { type: 'proxy_cooldown'; proxy: string; until: string }
  /** The source answered 304: the cached body is current. */
  | { type: 'not_modified'; url: string; host: string };

export interface PoliteHttpOptions extends HttpClientOptions {
  /** Sent with every request; default DEFAULT_USER_AGENT (names ApplyDesk and where to learn about it). */
  userAgent?: string;
  /** Per attempt; default 30 000 ms. A request's own `timeoutMs` wins. */
  timeoutMs?: number;
  /** Shortest gap between two request starts to one host; default 1000 ms (1 request/second). */
  minIntervalMs?: number;
  /** At most this many request starts per host per minute; default none beyond minIntervalMs. */
  requestsPerMinute?: number;
  /** At most this many requests in flight per host; default 2. */
  maxConcurrentPerHost?: number;
  /** Limits for particular hosts, keyed as `new URL(url).host` (with `:port` when not default). */
  hostLimits?: Record<string, HostLimits>;
  /** Attempts per request, the first included; default 3. */
  maxAttempts?: number;
  /** First backoff delay; doubled each retry, half of it jittered; default 1000 ms. */
  baseDelayMs?: number;
  /** Backoff ceiling; default 30 000 ms. */
  maxDelayMs?: number;
  /** A Retry-After further away than this is not waited for: the failure is thrown with retryAt; default 60 000 ms. */
  maxRetryAfterMs?: number;
  /** HTTP(S) forward proxies, `http://user:password@host:port`, used in turn per attempt. */
  proxies?: string[];
  /** How long a proxy that failed at the network level is skipped; default 5 minutes. */
  proxyCooldownMs?: number;
  /** Validators and bodies for conditional GETs; default an in-memory cache of 500 URLs; `false` turns it off. */
  cache?: ConditionalCache | false;
  onEvent?: (event: HttpEvent) => void;
  /** Injected for tests; default a real timer that the request's signal cancels. */
  sleep?: Sleep;
  /** Injected for tests; default the system clock. */
  now?: () => Date;
  /** Injected for tests; default Math.random (backoff jitter). */
  random?: () => number;
}

export const POLITE_DEFAULTS = {
  minIntervalMs: 1000,
  maxConcurrentPerHost: 2,
  maxAttempts: 3,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 60_000,
} as const;

/** The polite client: an HttpClient whose proxy connections can be closed when the run ends. */
export interface PoliteHttpClient extends HttpClient {
  close(): Promise<void>;
}

const RETRYABLE: ReadonlySet<HttpFailureKind> = new Set([
  'rate_limited',
  'server',
  'timeout',
  'network',
]);

function failureStatus(error: unknown): number | undefined {
  const status = error instanceof DomainError ? error.details?.status : undefined;
  return typeof status === 'number' ? status : undefined;
}

function failureRetryAt(error: unknown): Date | undefined {
  const at = error instanceof DomainError ? error.details?.retryAt : undefined;
  if (typeof at !== 'string') return undefined;
  const time = Date.parse(at);
  return Number.isNaN(time) ? undefined : new Date(time);
}

/** Connection-level failures only: the plain client also calls an unexpected 4xx `network`, and that is not transient. */
function isRetryable(kind: HttpFailureKind, status: number | undefined): boolean {
  return RETRYABLE.has(kind) && !(kind === 'network' && status !== undefined);
}

function hasHeader(headers: Record<string, string> | undefined, name: string): boolean {
  return headers !== undefined && Object.keys(headers).some((key) => key.toLowerCase() === name);
}

/**
 * An HttpClient that is kind to the sources it asks and honest about failure: per-host pacing
 * and concurrency, retries with exponential backoff and jitter for transient failures only,
 * Retry-After honoured (or reported as retryAt when too far away), conditional GETs, proxy
 * rotation, and bot walls reported as `blocked` instead of retried into a ban.
 */
export function createPoliteHttpClient(options: PoliteHttpOptions = {}): PoliteHttpClient {
  const now = options.now ?? (() => new Date());
  const nowMs = (): number => now().getTime();
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? POLITE_DEFAULTS.maxAttempts));
  const baseDelayMs = options.baseDelayMs ?? POLITE_DEFAULTS.baseDelayMs;
  const maxDelayMs = options.maxDelayMs ?? POLITE_DEFAULTS.maxDelayMs;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? POLITE_DEFAULTS.maxRetryAfterMs;
  const cache =
    options.cache === false ? undefined : (options.cache ?? new MemoryConditionalCache());
  const sendOptions = {
    ...(options.userAgent === undefined ? {} : { userAgent: options.userAgent }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
    now,
  };

  const emit = (event: HttpEvent): void => {
    try {
      options.onEvent?.(event);
    } catch {
      // A broken listener must not break a fetch.
    }
  };

  const limiter = new HostLimiter({
    defaults: {
      minIntervalMs: options.minIntervalMs ?? POLITE_DEFAULTS.minIntervalMs,
      maxConcurrent: options.maxConcurrentPerHost ?? POLITE_DEFAULTS.maxConcurrentPerHost,
      ...(options.requestsPerMinute === undefined
        ? {}
        : { requestsPerMinute: options.requestsPerMinute }),
    },
    ...(options.hostLimits === undefined ? {} : { perHost: options.hostLimits }),
    now: nowMs,
    sleep,
    onWait: (host, waitMs, reason) => emit({ type: 'rate_limit_wait', host, waitMs, reason }),
    onQueued: (host, active, queued) => emit({ type: 'queued', host, active, queued }),
  });
  const proxies = new ProxyPool(options.proxies ?? [], {
    now: nowMs,
    ...(options.proxyCooldownMs === undefined ? {} : { cooldownMs: options.proxyCooldownMs }),
  });
  /** Hosts that sent a Retry-After beyond the cap: asked again only after it. */
  const closedHosts = new Map<
    string,
    { until: number; kind: HttpFailureKind; status: number | undefined }
  >();

  function backoffMs(attempt: number): number {
    const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
    return Math.round(ceiling / 2 + (random() * ceiling) / 2);
  }

  /** One request with pacing, retries and the conditional cache; `json` parses (and checks for soft blocks) before caching. */
  async function send(
    req: HttpRequest,
    json: boolean,
  ): Promise<{ res: HttpResponse; value?: unknown }> {
    let host: string;
    try {
      host = new URL(req.url).host;
    } catch (error) {
      throw new DomainError('INVALID_INPUT', `not a valid URL: ${req.url}`, { cause: error });
    }
    const method = req.method ?? 'GET';
    req.signal?.throwIfAborted();

    const closed = closedHosts.get(host);
    if (closed !== undefined) {
      if (closed.until > nowMs()) {
        const retryAt = new Date(closed.until);
        emit({
          type: 'retry_later',
          url: req.url,
          host,
          kind: closed.kind,
          retryAt: retryAt.toISOString(),
        });
        throw httpFailure(
          closed.kind,
          req.url,
          `${host} asked not to be contacted before ${retryAt.toISOString()}`,
          {
            retryAt,
            ...(closed.status === undefined ? {} : { status: closed.status }),
          },
        );
      }
      closedHosts.delete(host);
    }

    // Callers that send their own validators manage their own copies.
    const conditional =
      cache !== undefined &&
      method === 'GET' &&
      !hasHeader(req.headers, 'if-none-match') &&
      !hasHeader(req.headers, 'if-modified-since');
    const cached: ConditionalEntry | undefined = conditional ? cache.get(req.url) : undefined;
    const headers: Record<string, string> = {
      ...req.headers,
      ...(cached?.etag === undefined ? {} : { 'if-none-match': cached.etag }),
      ...(cached?.lastModified === undefined ? {} : { 'if-modified-since': cached.lastModified }),
    };

    for (let attempt = 1; ; attempt++) {
      const release = await limiter.acquire(host, req.signal);
      let proxy: ProxyChoice | undefined;
      let res: HttpResponse | undefined;
      let failure: unknown;
      try {
        proxy = await proxies.next();
        emit({
          type: 'request',
          url: req.url,
          host,
          method,
          attempt,
          ...(proxy === undefined ? {} : { proxy: proxy.label }),
        });
        res = await sendHttpRequest(
          { ...req, headers },
          proxy === undefined ? sendOptions : { ...sendOptions, dispatcher: proxy.dispatcher },
        );
      } catch (error) {
        failure = error;
      } finally {
        release();
      }

      if (res !== undefined) {
        if (res.notModified && cached !== undefined) {
          emit({ type: 'not_modified', url: req.url, host });
          const fresh = { ...res, text: cached.body };
          return json ? { res: fresh, value: parseJsonBody(req.url, cached.body) } : { res: fresh };
        }
        let value: unknown;
        if (json) {
          try {
            value = JSON.parse(res.text);
          } catch (error) {
            if (looksLikeBlockPage(res.text, res.headers.get('content-type'))) {
              emit({ type: 'blocked', url: req.url, host, status: res.status, soft: true });
              throw httpFailure(
                'blocked',
                req.url,
                `${req.url} answered a bot-wall page instead of JSON (HTTP ${res.status})`,
                {
                  status: res.status,
                  cause: error,
                },
              );
            }
            throw httpFailure(
              'malformed',
              req.url,
              `${req.url} answered malformed JSON (${res.text.length} bytes)`,
              { cause: error },
            );
          }
        }
        if (conditional && res.status === 200) {
          const etag = res.headers.get('etag');
          const lastModified = res.headers.get('last-modified');
          if (etag !== null || lastModified !== null) {
            cache.set(req.url, {
              ...(etag === null ? {} : { etag }),
              ...(lastModified === null ? {} : { lastModified }),
              body: res.text,
            });
          }
        }
        return json ? { res, value } : { res };
      }

      const kind = failureKind(failure);
      if (kind === null) throw failure; // the caller's abort, or a bug: never retried
      const status = failureStatus(failure);
      if (kind === 'network' && status === undefined && proxy !== undefined) {
        const until = proxies.markFailed(proxy);
        emit({ type: 'proxy_cooldown', proxy: proxy.label, until: until.toISOString() });
      }
      if (kind === 'blocked') {
        emit({ type: 'blocked', url: req.url, host, status, soft: false });
        throw failure;
      }
      if (!isRetryable(kind, status)) throw failure;

      const retryAt = failureRetryAt(failure);
      const retryAfterMs = retryAt === undefined ? undefined : retryAt.getTime() - nowMs();
      if (retryAt !== undefined && retryAfterMs !== undefined && retryAfterMs > maxRetryAfterMs) {
        closedHosts.set(host, { until: retryAt.getTime(), kind, status });
        emit({ type: 'retry_later', url: req.url, host, kind, retryAt: retryAt.toISOString() });
        throw failure;
      }
      if (retryAt !== undefined) limiter.pause(host, retryAt.getTime());
      if (attempt >= maxAttempts) {
        emit({
          type: 'gave_up',
          url: req.url,
          host,
          attempts: attempt,
          kind,
          ...(status === undefined ? {} : { status }),
        });
        throw failure;
      }
      const delayMs =
        retryAfterMs === undefined ? backoffMs(attempt) : Math.max(0, Math.ceil(retryAfterMs));
      emit({
        type: 'retry',
        url: req.url,
        host,
        attempt,
        kind,
        ...(status === undefined ? {} : { status }),
        delayMs,
        retryAfter: retryAfterMs !== undefined,
      });
      if (delayMs > 0) await abortableSleep(sleep, delayMs, req.signal);
    }
  }

  return {
    async request(req) {
      return (await send(req, false)).res;
    },
    async getText(url, init = {}) {
      return (await send({ ...init, url }, false)).res.text;
    },
    async getJson<T>(url: string, init: Omit<HttpRequest, 'url'> = {}): Promise<T> {
      return (await send({ ...init, url }, true)).value as T;
    },
    close: () => proxies.close(),
  };
}

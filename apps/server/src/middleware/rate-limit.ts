import type { Context, MiddlewareHandler } from 'hono';
import { problemBody, problemResponse } from '../problem.js';

interface Bucket {
  tokens: number;
  at: number;
}

/** Past this many keys, buckets that have refilled are forgotten: they hold nothing. */
const SWEEP_ABOVE = 10_000;

/**
 * Token buckets by key: each holds up to `perMinute` requests and refills at `perMinute`
 * a minute, so a burst is allowed up to the minute's worth and the steady rate is the limit.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = perMinute / 60_000;
  }

  /** Takes one request's worth; when empty, how many seconds until there is one again. */
  take(key: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    if (this.buckets.size >= SWEEP_ABOVE) this.sweep(now);
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return {
      ok: false,
      retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000)),
    };
  }

  private sweep(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.perMs >= this.perMinute)
        this.buckets.delete(key);
    }
  }
}

/** Answers 429 problem+json with Retry-After once the bucket `keyOf` picks is empty. */
export function rateLimitMiddleware(options: {
  buckets: TokenBuckets;
  /** The bucket for this request; undefined lets it through uncounted. */
  keyOf: (c: Context) => string | undefined;
  /** Says, in the problem's detail, what the limit applies to. */
  what: (c: Context) => string;
  onLimited?: (c: Context) => void;
}): MiddlewareHandler {
  return async (c, next) => {
    const key = options.keyOf(c);
    if (key === undefined) return next();
    const taken = options.buckets.take(key);
    if (taken.ok) return next();
    options.onLimited?.(c);
    c.header('Retry-After', String(taken.retryAfterSeconds));
    return problemResponse(
      c,
      429,
      problemBody(
        429,
        'RATE_LIMITED',
        `too many requests from ${options.what(c)}; try again in ${taken.retryAfterSeconds} s`,
        {
          hint: 'raise server.rate_limit.requests_per_minute in applydesk.yaml if this is expected',
        },
      ),
    );
  };
}

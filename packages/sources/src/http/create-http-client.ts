import { DomainError } from '@applydesk/domain';
import type { Dispatcher } from 'undici';
import {
  httpFailure,
  type HttpClient,
  type HttpRequest,
  type HttpResponse,
} from './http-client.js';

export interface HttpClientOptions {
  userAgent?: string;
  timeoutMs?: number;
  /** Bodies larger than this are refused (kind `too_large`) rather than buffered. */
  maxBytes?: number;
}

/** What one attempt needs beyond the request: the plain client's options, plus a clock and a route. */
export interface SendOptions extends HttpClientOptions {
  /** Reads the clock a relative Retry-After counts from (tests pass a fake one). */
  now?: () => Date;
  /** An undici dispatcher (for example a ProxyAgent) that fetch sends this request through. */
  dispatcher?: Dispatcher;
}

export const DEFAULT_USER_AGENT =
  'ApplyDesk/0.1 (self-hosted job search; +https://applydesk.dev/bot)';
export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** Seconds or an HTTP date, as Retry-After may carry either. */
export function parseRetryAfter(value: string | null, now: Date): Date | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return new Date(now.getTime() + Math.max(0, seconds) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : new Date(at);
}

/** Markup of bot-challenge pages (Cloudflare, Akamai, PerimeterX, hCaptcha, reCAPTCHA ...). */
export const CHALLENGE_MARKUP =
  /just a moment\.\.\.|cf-chl|challenge-platform|attention required|captcha/i;

async function readBody(res: Response, url: string, maxBytes: number): Promise<string> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel();
    throw httpFailure(
      'too_large',
      url,
      `${url} answered ${declared} bytes, over the ${maxBytes}-byte limit`,
    );
  }
  const reader: ReadableStreamDefaultReader<Uint8Array> | undefined = res.body?.getReader();
  if (reader === undefined) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw httpFailure('too_large', url, `${url} sent more than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
}

/**
 * One HTTP exchange, no retries: sends the request, reads the body within the size limit
 * and classifies every failure for source health. A caller's own abort is rethrown as the
 * signal's reason (an AbortError by default), not disguised as a network failure.
 */
export async function sendHttpRequest(
  req: HttpRequest,
  options: SendOptions = {},
): Promise<HttpResponse> {
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeoutMs = req.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = options.now ?? (() => new Date());
  req.signal?.throwIfAborted();
  const signals = [
    AbortSignal.timeout(timeoutMs),
    ...(req.signal === undefined ? [] : [req.signal]),
  ];
  const init: RequestInit = {
    method: req.method ?? 'GET',
    headers: {
      'user-agent': userAgent,
      accept: 'application/json, text/html;q=0.9, */*;q=0.8',
      ...req.headers,
    },
    ...(req.body === undefined ? {} : { body: req.body }),
    signal: AbortSignal.any(signals),
    redirect: 'follow',
  };
  // Node's fetch is undici's: it takes the `dispatcher` of a compatible undici major (6 on Node 20).
  if (options.dispatcher !== undefined) Object.assign(init, { dispatcher: options.dispatcher });
  let res: Response;
  let text: string;
  try {
    res = await fetch(req.url, init);
    text = await readBody(res, req.url, maxBytes);
  } catch (error) {
    if (req.signal?.aborted === true) throw req.signal.reason;
    if (error instanceof DomainError) throw error;
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError')
      throw httpFailure('timeout', req.url, `${req.url} did not answer within ${timeoutMs} ms`, {
        cause: error,
      });
    const reason =
      error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw httpFailure('network', req.url, `cannot reach ${req.url}: ${reason}`, { cause: error });
  }
  const status = res.status;
  if (status === 304)
    return { url: res.url, status, headers: res.headers, text: '', notModified: true };
  if (status >= 200 && status < 300) {
    return { url: res.url, status, headers: res.headers, text, notModified: false };
  }
  const retryAt = parseRetryAfter(res.headers.get('retry-after'), now());
  const at = retryAt === undefined ? {} : { retryAt };
  if ((status === 403 || status === 429 || status === 503) && CHALLENGE_MARKUP.test(text)) {
    throw httpFailure(
      'blocked',
      req.url,
      `${req.url} answered a bot challenge page (HTTP ${status})`,
      { status, ...at },
    );
  }
  if (status === 429)
    throw httpFailure('rate_limited', req.url, `${req.url} answered 429 Too Many Requests`, {
      status,
      ...at,
    });
  if (status === 401 || status === 403)
    throw httpFailure('auth', req.url, `${req.url} refused access (HTTP ${status})`, { status });
  if (status === 404 || status === 410)
    throw httpFailure('not_found', req.url, `${req.url} was not found (HTTP ${status})`, {
      status,
    });
  throw httpFailure(
    status >= 500 ? 'server' : 'network',
    req.url,
    `${req.url} answered HTTP ${status}`,
    { status, ...at },
  );
}

/** Parses a body as JSON; malformed JSON is an UPSTREAM_FAILED error of kind `malformed`. */
export function parseJsonBody<T>(url: string, text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw httpFailure('malformed', url, `${url} answered malformed JSON (${text.length} bytes)`, {
      cause: error,
    });
  }
}

/** A plain HTTP client: timeouts, size limit, and failures classified for source health. */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const request = (req: HttpRequest): Promise<HttpResponse> => sendHttpRequest(req, options);
  return {
    request,
    async getText(url, init = {}) {
      return (await request({ ...init, url })).text;
    },
    async getJson<T>(url: string, init: Omit<HttpRequest, 'url'> = {}) {
      const res = await request({ ...init, url });
      return parseJsonBody<T>(url, res.text);
    },
  };
}

import { httpFailure, type HttpClient, type HttpRequest, type HttpResponse } from './http-client.js';

export interface HttpClientOptions {
  userAgent?: string;
  timeoutMs?: number;
  /** Bodies larger than this are refused (kind `too_large`) rather than buffered. */
  maxBytes?: number;
}

export const DEFAULT_USER_AGENT = 'ApplyDesk/0.1 (self-hosted job search; +https://applydesk.dev/bot)';

/** Seconds or an HTTP date, as Retry-After may carry either. */
export function parseRetryAfter(value: string | null, now: Date): Date | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return new Date(now.getTime() + Math.max(0, seconds) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : new Date(at);
}

const CHALLENGE = /just a moment\.\.\.|cf-chl|challenge-platform|attention required|captcha/i;

async function readBody(res: Response, url: string, maxBytes: number): Promise<string> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel();
    throw httpFailure('too_large', url, `${url} answered ${declared} bytes, over the ${maxBytes}-byte limit`);
  }
  const reader = res.body?.getReader();
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

/** A plain HTTP client: timeouts, size limit, and failures classified for source health. */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  const maxBytes = options.maxBytes ?? 20 * 1024 * 1024;

  async function request(req: HttpRequest): Promise<HttpResponse> {
    const timeoutMs = req.timeoutMs ?? options.timeoutMs ?? 30_000;
    const signals = [AbortSignal.timeout(timeoutMs), ...(req.signal === undefined ? [] : [req.signal])];
    let res: Response;
    try {
      res = await fetch(req.url, {
        method: req.method ?? 'GET',
        headers: { 'user-agent': userAgent, accept: 'application/json, text/html;q=0.9, */*;q=0.8', ...req.headers },
        ...(req.body === undefined ? {} : { body: req.body }),
        signal: AbortSignal.any(signals),
        redirect: 'follow',
      });
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      if (name === 'TimeoutError') throw httpFailure('timeout', req.url, `${req.url} did not answer within ${timeoutMs} ms`, { cause: error });
      const reason = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
      throw httpFailure('network', req.url, `cannot reach ${req.url}: ${reason}`, { cause: error });
    }
    const text = await readBody(res, req.url, maxBytes);
    const status = res.status;
    if (status === 304) return { url: res.url, status, headers: res.headers, text: '', notModified: true };
    if (status >= 200 && status < 300) {
      return { url: res.url, status, headers: res.headers, text, notModified: false };
    }
    const retryAt = parseRetryAfter(res.headers.get('retry-after'), new Date());
    const at = retryAt === undefined ? {} : { retryAt };
    if (status === 429) throw httpFailure('rate_limited', req.url, `${req.url} answered 429 Too Many Requests`, { status, ...at });
    if ((status === 403 || status === 503) && CHALLENGE.test(text)) {
      throw httpFailure('blocked', req.url, `${req.url} answered a bot challenge page (HTTP ${status})`, { status, ...at });
    }
    if (status === 401 || status === 403) throw httpFailure('auth', req.url, `${req.url} refused access (HTTP ${status})`, { status });
    if (status === 404 || status === 410) throw httpFailure('not_found', req.url, `${req.url} was not found (HTTP ${status})`, { status });
    throw httpFailure(status >= 500 ? 'server' : 'network', req.url, `${req.url} answered HTTP ${status}`, { status, ...at });
  }

  return {
    request,
    async getText(url, init = {}) {
      return (await request({ ...init, url })).text;
    },
    async getJson<T>(url: string, init: Omit<HttpRequest, 'url'> = {}) {
      const res = await request({ ...init, url });
      try {
        return JSON.parse(res.text) as T;
      } catch (error) {
        throw httpFailure('malformed', url, `${url} answered malformed JSON (${res.text.length} bytes)`, { cause: error });
      }
    },
  };
}

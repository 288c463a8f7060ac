import { APICallError } from 'ai';
import type { LlmErrorKind } from './types.js';

/** Why an attempt failed, in terms the gateway acts on. */
export interface Failure {
  kind: LlmErrorKind;
  /** Worth another try at the same model (after Retry-After or a back-off). */
  retryable: boolean;
  /** What the provider asked us to wait, if it said. */
  retryAfterMs: number | null;
  status: number | null;
  message: string;
}

/** Retry-After as milliseconds: OpenAI's `retry-after-ms`, or seconds, or an HTTP date. */
export function retryAfterMs(
  headers: Record<string, string> | undefined,
  nowMs: number,
): number | null {
  if (headers === undefined) return null;
  const ms = headers['retry-after-ms'];
  if (ms !== undefined && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.ceil(Number(ms));
  const value = headers['retry-after']?.trim();
  if (value === undefined || value === '') return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}

/** The provider's own words from an error body ({ error: { message } }, { message }…). */
function providerMessage(body: string | undefined): string | null {
  if (body === undefined || body.trim() === '') return null;
  try {
    const parsed = JSON.parse(body) as unknown;
    const pick = (value: unknown): string | null => {
      if (typeof value === 'string') return value;
      if (typeof value !== 'object' || value === null) return null;
      const record = value as Record<string, unknown>;
      return pick(record.error) ?? (typeof record.message === 'string' ? record.message : null);
    };
    return pick(Array.isArray(parsed) ? parsed[0] : parsed);
  } catch {
    return body.length > 200 ? `${body.slice(0, 200)}…` : body;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Sorts an error thrown by an AI SDK call. `timedOut` and `aborted` say whether our own
 * timeout or the caller's signal stopped the call (the SDK reports both as an abort).
 */
export function classifyFailure(
  error: unknown,
  context: { timedOut: boolean; aborted: boolean; timeoutMs: number; nowMs: number },
): Failure {
  const base = { retryAfterMs: null, status: null };
  if (context.aborted) {
    return { ...base, kind: 'aborted', retryable: false, message: 'cancelled by the caller' };
  }
  if (context.timedOut) {
    return {
      ...base,
      kind: 'timeout',
      retryable: true,
      message: `no answer within ${context.timeoutMs} ms`,
    };
  }
  if (APICallError.isInstance(error)) {
    const status = error.statusCode ?? null;
    const said = providerMessage(error.responseBody) ?? error.message;
    const wait = retryAfterMs(error.responseHeaders, context.nowMs);
    const failure = (kind: LlmErrorKind, retryable: boolean, message: string): Failure => ({
      kind,
      retryable,
      retryAfterMs: wait,
      status,
      message: oneLine(message),
    });
    if (status === null) {
      // No response: the connection failed (refused, reset, DNS).
      return failure('network', true, `could not reach the API: ${error.message}`);
    }
    if (status >= 200 && status < 300) {
      return failure(
        'bad_response',
        false,
        `answered ${status} with a body that does not parse: ${error.message}`,
      );
    }
    if (status === 429) return failure('rate_limited', true, `429 rate limited: ${said}`);
    if (status === 408) return failure('timeout', true, `408: ${said}`);
    if (status >= 500) return failure('server', true, `${status} server error: ${said}`);
    if (status === 401 || status === 403) {
      return failure('auth', false, `${status} refused the key: ${said}`);
    }
    if (status === 404) return failure('not_found', false, `404: ${said}`);
    return failure('bad_request', false, `${status}: ${said}`);
  }
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (
    /^AI_(TypeValidationError|JSONParseError|InvalidResponseDataError|NoContentGeneratedError|EmptyResponseBodyError)$/.test(
      name,
    )
  ) {
    return { ...base, kind: 'bad_response', retryable: false, message: oneLine(message) };
  }
  if (name === 'AI_NoSuchModelError' || name === 'AI_UnsupportedFunctionalityError') {
    return { ...base, kind: 'unsupported', retryable: false, message: oneLine(message) };
  }
  if (error instanceof TypeError && /fetch failed|network|socket/i.test(message)) {
    return { ...base, kind: 'network', retryable: true, message: oneLine(message) };
  }
  return { ...base, kind: 'unknown', retryable: false, message: oneLine(message) };
}

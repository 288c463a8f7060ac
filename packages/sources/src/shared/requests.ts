import { DomainError, formatIssues } from '@applydesk/domain';
import type { z } from 'zod';
import type { SourceTestResult } from '../adapter.js';
import { failureKind, httpFailure, type HttpClient } from '../http/http-client.js';

/**
 * The steps every adapter takes around a request: pass the run's abort signal on, say what
 * a 404 means for this source's options, check the answer's shape before reading it (an
 * answer of another shape is a `malformed` failure, so health sees a broken source, not an
 * empty one), and report a failed check as test() results instead of throwing.
 */

/** Request options carrying the run's abort signal, when it has one. */
export function withSignal(signal: AbortSignal | undefined): { signal?: AbortSignal } {
  return signal === undefined ? {} : { signal };
}

/** A `not_found` failure told in the source's words (which option to check); others unchanged. */
export function explainNotFound(error: unknown, message: string): unknown {
  if (!(error instanceof DomainError) || failureKind(error) !== 'not_found') return error;
  return new DomainError('UPSTREAM_FAILED', message, { details: error.details, cause: error });
}

/** `body` read by `schema`, or a `malformed` failure: "<url> answered JSON <what>: <problems>". */
export function expectShape<T>(schema: z.ZodType<T>, body: unknown, url: string, what: string): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw httpFailure(
    'malformed',
    url,
    `${url} answered JSON ${what}: ${formatIssues(parsed.error).join('; ')}`,
  );
}

export interface ShapedRequest<T> {
  schema: z.ZodType<T>;
  /** How an answer of another shape is described: "without a jobs list". */
  what: string;
  /** What a 404 means for this source (the board or account does not exist). */
  notFound?: string;
}

/** GET `url` as JSON and check its shape (see expectShape); a 404 is explained when asked. */
export async function getShaped<T>(
  ctx: { http: HttpClient; signal?: AbortSignal },
  url: string,
  { schema, what, notFound }: ShapedRequest<T>,
): Promise<T> {
  let body: unknown;
  try {
    body = await ctx.http.getJson(url, withSignal(ctx.signal));
  } catch (error) {
    throw notFound === undefined ? error : explainNotFound(error, notFound);
  }
  return expectShape(schema, body, url, what);
}

/** Runs a source's check; a failure is `ok: false` with its message, as test() reports it. */
export async function reportTest(
  check: () => Promise<SourceTestResult>,
): Promise<SourceTestResult> {
  try {
    return await check();
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** "3 jobs", "1 job": a count with its noun. */
export function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { DomainError, prepareJob, type JobInputDraft } from '@applydesk/domain';
import type { AnySourceAdapter, SourceContext, SourceTestResult } from '../adapter.js';
import { createHttpClient } from '../http/create-http-client.js';
import { failureKind, type HttpClient } from '../http/http-client.js';
import { startReplayServer, type Recorded, type ReplayServer, type Route } from './replay.js';

/**
 * What every adapter test needs around the replay server: a context pointed at it, a fetch
 * read to its end, the failure a fetch or a mapping ends in, and the same checks of how HTTP
 * failures are classified, so each adapter's test says only what is particular to its source.
 */

/** Every posting a fetch yields, its pages joined. */
export async function collect(pages: AsyncIterable<unknown[]>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const page of pages) out.push(...page);
  return out;
}

/** A fetch's pages as it yields them, pushed onto `into` (which keeps them if the fetch fails). */
export async function collectPages(
  pages: AsyncIterable<unknown[]>,
  into: unknown[][] = [],
): Promise<unknown[][]> {
  for await (const page of pages) into.push(page);
  return into;
}

/**
 * The DomainError `run` fails with: a promise, or a fetch read to its end. The test fails when
 * it succeeds; anything but a DomainError is rethrown.
 */
export async function failureOf(
  run: Promise<unknown> | AsyncIterable<unknown[]>,
): Promise<DomainError> {
  try {
    await (Symbol.asyncIterator in run ? collectPages(run) : run);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

/** What `map` returns, or the DomainError it throws (anything else is rethrown). */
export function attempt<T>(map: () => T): T | DomainError {
  try {
    return map();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}

/** Asserts an INVALID_INPUT refusal whose message holds each fragment; returns it. */
export function expectRefused(result: unknown, ...fragments: (string | RegExp)[]): DomainError {
  expect(result).toBeInstanceOf(DomainError);
  const error = result as DomainError;
  expect(error.code).toBe('INVALID_INPUT');
  for (const fragment of fragments) {
    if (typeof fragment === 'string') expect(error.message).toContain(fragment);
    else expect(error.message).toMatch(fragment);
  }
  return error;
}

/** The drafts among mapping results, the refusals left out. */
export function drafted(results: readonly (JobInputDraft | DomainError)[]): JobInputDraft[] {
  return results.filter((r): r is JobInputDraft => !(r instanceof DomainError));
}

/**
 * Asserts that only `results[index]` is refused (see expectRefused) and every other result is
 * a draft: one bad posting costs the batch nothing else.
 */
export function expectOnlyRefused(
  results: readonly (JobInputDraft | DomainError)[],
  index: number,
  ...fragments: (string | RegExp)[]
): DomainError {
  const error = expectRefused(results[index], ...fragments);
  expect(drafted(results)).toHaveLength(results.length - 1);
  return error;
}

/** Asserts a test() that failed, its message holding each fragment (what the user should check). */
export function expectFailedTest(result: SourceTestResult, ...fragments: string[]): void {
  expect(result.ok).toBe(false);
  for (const fragment of fragments) expect(result.message).toContain(fragment);
}

/** Asserts that no secret shows in a failure's message, hint or details, as written or URL-encoded. */
export function expectSecretsHidden(error: DomainError, secrets: readonly string[]): void {
  const shown = JSON.stringify({
    message: error.message,
    hint: error.hint,
    details: error.details,
  });
  for (const secret of secrets) {
    expect(shown).not.toContain(secret);
    expect(shown).not.toContain(encodeURIComponent(secret));
  }
}

/** `body` with bytes that are not UTF-8 (default 0xFF 0xFE) put before `before`. */
export function withInvalidUtf8(
  body: string,
  before: string,
  bytes: readonly number[] = [0xff, 0xfe],
): Buffer {
  const at = body.indexOf(before);
  return Buffer.concat([
    Buffer.from(body.slice(0, at)),
    Buffer.from(bytes),
    Buffer.from(body.slice(at)),
  ]);
}

export interface InvalidUtf8Case {
  /** The recorded answer the bad bytes go into. */
  text: string;
  /** They go right before this text, which starts the title of the posting checked. */
  before: string;
  bytes?: readonly number[];
  /** Serves the spoiled answer (a route, or the recorded list and details). */
  serve: (body: Buffer) => void;
  /** The posting checked among those fetched; default the first. */
  index?: number;
  /** Its title as read: U+FFFD for the bad bytes, then `before`'s words. */
  title: string;
}

/** Bytes that are not UTF-8 become replacement characters, and the posting still prepares. */
export async function expectReplacementCharacters(
  harness: AdapterHarness,
  { text, before, bytes, serve, index = 0, title }: InvalidUtf8Case,
): Promise<void> {
  serve(withInvalidUtf8(text, before, bytes));
  const c = harness.ctx();
  const raws = await harness.fetchAll(c);
  const draft = harness.source.normalize(raws[index], c);
  expect(draft.title).toBe(title);
  expect(() => prepareJob(draft)).not.toThrow();
}

/**
 * A replay server for the tests of this file: a fresh one per test (`test`, the default), or
 * one for the whole file (`file`) whose seen requests are forgotten after each test (its
 * routes stay). The object stands for whichever server is running.
 */
export function useReplayServer(scope: 'test' | 'file' = 'test'): ReplayServer {
  let current: ReplayServer | undefined;
  const start = async () => {
    current = await startReplayServer();
  };
  const stop = () => current?.close();
  if (scope === 'test') {
    beforeEach(start);
    afterEach(stop);
  } else {
    beforeAll(start);
    afterAll(stop);
    afterEach(() => {
      if (current !== undefined) current.seen.length = 0;
    });
  }
  const live = (): ReplayServer => {
    if (current === undefined) throw new Error('the replay server runs only inside a test');
    return current;
  };
  return {
    get url() {
      return live().url;
    },
    get seen() {
      return live().seen;
    },
    route: (path, answer) => live().route(path, answer),
    close: () => live().close(),
  };
}

type Config = Parameters<AnySourceAdapter['fetch']>[0]['config'];
type Secrets = Parameters<AnySourceAdapter['fetch']>[0]['secrets'];
/** The context an adapter runs in during its tests. */
export type TestContext = SourceContext<Config, Secrets>;

export interface HarnessOptions {
  /** The options every context starts from: a name and what the source needs (type: the source's). */
  config: Record<string, unknown> & { name: string };
  /** Default `<type>:<name>`, as the engine names a configured source. */
  sourceId?: string;
  secrets?: Secrets;
  /** The run's clock. */
  now: Date;
  /** One replay server per test (default) or per file (see useReplayServer). */
  server?: 'test' | 'file';
}

export interface ContextExtras {
  secrets?: Secrets;
  http?: HttpClient;
}

export interface AdapterHarness {
  source: AnySourceAdapter;
  server: ReplayServer;
  /** A context on the replay server: `overrides` go over the harness's config (baseUrl too). */
  ctx: (overrides?: Record<string, unknown>, extras?: ContextExtras) => TestContext;
  /** Every posting the fetch yields. */
  fetchAll: (c?: TestContext) => Promise<unknown[]>;
  /** The fetch's pages as it yields them. */
  fetchPages: (c?: TestContext) => Promise<unknown[][]>;
  /** The failure a fetch ends in when `path` answers `answer`. */
  fetchFailure: (path: string, answer: Route, c?: TestContext) => Promise<DomainError>;
  /** The draft of one raw posting, or the refusal. */
  attempt: (raw: unknown, c?: TestContext) => JobInputDraft | DomainError;
  /** Every raw posting mapped: the drafts, and the refusals apart. */
  normalizeAll: (raws: readonly unknown[], c?: TestContext) => NormalizedAll;
  /** Every raw posting mapped to its draft (a refusal fails the test), each passing prepareJob. */
  draftsOf: (raws: readonly unknown[], c?: TestContext) => JobInputDraft[];
  /** Every posting the fetch yields, each mapped to its draft or its refusal. */
  fetchAndAttempt: (c?: TestContext) => Promise<(JobInputDraft | DomainError)[]>;
}

export interface NormalizedAll {
  drafts: JobInputDraft[];
  errors: DomainError[];
}

/** A replay server and the helpers an adapter's test uses, for `source`. */
export function adapterHarness(source: AnySourceAdapter, options: HarnessOptions): AdapterHarness {
  const server = useReplayServer(options.server);
  const config = { type: source.type, ...options.config };
  const sourceId = options.sourceId ?? `${source.type}:${options.config.name}`;
  const ctx = (overrides: Record<string, unknown> = {}, extras: ContextExtras = {}) => ({
    sourceId,
    config: source.configSchema.parse({ ...config, baseUrl: server.url, ...overrides }),
    secrets: extras.secrets ?? options.secrets ?? {},
    http: extras.http ?? createHttpClient(),
    now: () => options.now,
  });
  return {
    source,
    server,
    ctx,
    fetchAll: (c = ctx()) => collect(source.fetch(c)),
    fetchPages: (c = ctx()) => collectPages(source.fetch(c)),
    fetchFailure: (path, answer, c = ctx()) => {
      server.route(path, answer);
      return failureOf(source.fetch(c));
    },
    attempt: (raw, c = ctx()) => attempt(() => source.normalize(raw, c)),
    draftsOf: (raws, c = ctx()) =>
      raws.map((raw) => {
        const draft = source.normalize(raw, c);
        expect(() => prepareJob(draft)).not.toThrow();
        return draft;
      }),
    fetchAndAttempt: async (c = ctx()) =>
      (await collect(source.fetch(c))).map((raw) => attempt(() => source.normalize(raw, c))),
    normalizeAll: (raws, c = ctx()) => {
      const out: NormalizedAll = { drafts: [], errors: [] };
      for (const raw of raws) {
        const result = attempt(() => source.normalize(raw, c));
        if (result instanceof DomainError) out.errors.push(result);
        else out.drafts.push(result);
      }
      return out;
    },
  };
}

export interface HttpFailureCases {
  /** The replay route the answers are served on. */
  path: string;
  /** Options over the harness's config for these runs (the page a feed or page source reads). */
  overrides?: Record<string, unknown>;
  /** A body cut short (JSON sources: truncated JSON). */
  truncated?: string;
  /** A body that parses but is not what the source sends (one or several). */
  shapeless?: string | string[];
  /** The server failure; default HTTP 500 "oops". */
  serverError?: Recorded;
  /** The 429: seconds of Retry-After (default 120), and its body. */
  rateLimited?: { retryAfter?: number; body?: string };
  /**
   * 404: the failure stays `not_found` and its message names each of `names`; with `inTest`,
   * test() reports it too (ok: false, in the same words) instead of throwing.
   */
  notFound?: { body?: string; names: string[]; inTest?: boolean };
  /** Refused credentials: each status is `auth`, its message naming each of `names`. */
  refused?: { statuses: number[]; body?: string; names: string[] };
  /** An answer with no posting: zero postings, no failure. */
  empty?: Recorded;
  /** Secrets that must show in no failure (a keyed source's key). */
  secrets?: readonly string[];
}

/**
 * The standard HTTP failures of a source, each classified for health as the client and the
 * adapter agreed: 404 not_found (in the source's words), refused credentials auth, 429
 * rate_limited with when to retry, 5xx server, a timeout, a body cut short or of another
 * shape malformed; and an empty answer is zero postings. Call inside a describe block.
 */
export function describeHttpFailures(harness: AdapterHarness, cases: HttpFailureCases): void {
  const { server } = harness;
  const ctx = (extras: ContextExtras = {}) => harness.ctx(cases.overrides, extras);
  const failure = async (answer: Route, c: TestContext = ctx()) => {
    const error = await harness.fetchFailure(cases.path, answer, c);
    if (cases.secrets !== undefined) expectSecretsHidden(error, cases.secrets);
    return error;
  };

  if (cases.notFound !== undefined) {
    const { body, names, inTest } = cases.notFound;
    it('404 is not_found, told in the source’s words', async () => {
      const error = await failure({ status: 404, body: body ?? '' });
      expect(error.code).toBe('UPSTREAM_FAILED');
      expect(failureKind(error)).toBe('not_found');
      for (const name of names) expect(error.message).toContain(name);
      if (inTest === true) expectFailedTest(await harness.source.test(ctx()), ...names);
    });
  }

  if (cases.refused !== undefined) {
    const { statuses, body, names } = cases.refused;
    it(`refused credentials (${statuses.join(', ')}) are auth, naming what to check`, async () => {
      for (const status of statuses) {
        const error = await failure({ status, body: body ?? '' });
        expect(failureKind(error)).toBe('auth');
        for (const name of names) expect(error.message).toContain(name);
      }
    });
  }

  it('429 with Retry-After is rate_limited with a retryAt', async () => {
    const seconds = cases.rateLimited?.retryAfter ?? 120;
    const before = Date.now();
    const error = await failure({
      status: 429,
      headers: { 'retry-after': String(seconds) },
      body: cases.rateLimited?.body ?? '',
    });
    expect(error.code).toBe('UPSTREAM_FAILED');
    expect(failureKind(error)).toBe('rate_limited');
    const retryAt = Date.parse(String(error.details?.retryAt));
    expect(retryAt).toBeGreaterThanOrEqual(before + (seconds - 1) * 1000);
    expect(retryAt).toBeLessThan(Date.now() + (seconds + 1) * 1000);
  });

  it('a server error is server', async () => {
    const error = await failure(cases.serverError ?? { status: 500, body: 'oops' });
    expect(failureKind(error)).toBe('server');
  });

  it('an answer later than the timeout is timeout', async () => {
    const c = ctx({ http: createHttpClient({ timeoutMs: 50 }) });
    const error = await failure({ delayMs: 1000, body: cases.truncated ?? '' }, c);
    expect(failureKind(error)).toBe('timeout');
  });

  const truncated = cases.truncated;
  if (truncated !== undefined) {
    it('a body cut short is malformed', async () => {
      expect(failureKind(await failure({ body: truncated }))).toBe('malformed');
    });
  }

  const shapeless = cases.shapeless;
  if (shapeless !== undefined) {
    it('a body of another shape is malformed', async () => {
      for (const body of typeof shapeless === 'string' ? [shapeless] : shapeless)
        expect(failureKind(await failure({ body }))).toBe('malformed');
    });
  }

  const empty = cases.empty;
  if (empty !== undefined) {
    it('an answer with no posting is zero postings, not a failure', async () => {
      server.route(cases.path, empty);
      expect(await harness.fetchAll(ctx())).toEqual([]);
    });
  }
}

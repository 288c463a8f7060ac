import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DomainError, prepareJob } from '@applydesk/domain';
import { createHttpClient } from '../http/create-http-client.js';
import { failureKind } from '../http/http-client.js';
import {
  fixture,
  startReplayServer,
  type Recorded,
  type ReplayServer,
  type SeenRequest,
} from '../test-support/replay-server.js';
import {
  createMemoryTokenStore,
  createUpworkSource,
  UpworkConfig,
  UpworkSecrets,
  upworkSource,
  type Tokens,
  type TokenStore,
  type UpworkWarning,
} from './index.js';

const NOW = new Date('2025-11-20T12:00:00Z');
const OLD_ACCESS = 'old-access-token-1a2b3c';
const REFRESH = 'refresh-token-7c1e9d';
const NEW_ACCESS = 'oauth2v2_fixture_access_5f1c0e7a9b';
const NEW_REFRESH = 'oauth2v2_fixture_refresh_8d2b4c6e1a';
const SECRETS = UpworkSecrets.parse({
  UPWORK_CLIENT_ID: 'client-id-4f2a',
  UPWORK_CLIENT_SECRET: 'client-s3cret/value+x',
  UPWORK_REDIRECT_URI: 'http://localhost:7878/callback',
});
const ALL_SECRETS = [SECRETS.UPWORK_CLIENT_SECRET, OLD_ACCESS, REFRESH, NEW_ACCESS, NEW_REFRESH];
const GRAPHQL = '/graphql';
const TOKEN = '/api/v3/oauth2/token';
const VALID: Tokens = {
  accessToken: OLD_ACCESS,
  refreshToken: REFRESH,
  expiresAt: '2025-11-21T00:00:00.000Z',
};

let server: ReplayServer;
beforeAll(async () => {
  server = await startReplayServer();
});
afterAll(() => server.close());
afterEach(() => {
  server.seen.length = 0;
});

/** A store that records what the adapter saved. */
function recordingStore(initial: Tokens | null): TokenStore & { saved: Tokens[] } {
  const inner = createMemoryTokenStore(initial);
  const saved: Tokens[] = [];
  return {
    saved,
    load: () => inner.load(),
    save: async (tokens) => {
      saved.push(tokens);
      await inner.save(tokens);
    },
  };
}

function ctx(overrides: Record<string, unknown> = {}, secrets: Record<string, unknown> = {}) {
  const config = UpworkConfig.parse({
    name: 'ts',
    type: 'upwork',
    query: 'typescript',
    baseUrl: server.url,
    ...overrides,
  });
  return {
    sourceId: 'upwork:ts',
    config,
    secrets: UpworkSecrets.parse({ ...SECRETS, ...secrets }),
    http: createHttpClient(),
    now: () => NOW,
  };
}

interface GraphqlBody {
  query: string;
  variables: {
    marketPlaceJobFilter: Record<string, unknown> & {
      pagination_eq?: { first: number; after?: string };
    };
    searchType: string;
    sortAttributes: { field: string }[];
  };
}

function body(seen: SeenRequest): GraphqlBody {
  return JSON.parse(seen.body) as GraphqlBody;
}

const graphqlCalls = () => server.seen.filter((s) => s.path === GRAPHQL);
const tokenCalls = () => server.seen.filter((s) => s.path === TOKEN);
const bearer = (seen: SeenRequest) => seen.headers.authorization;

/** Answers the search by the cursor it was sent: page 1 without one, page 2 after "MTA=". */
function pagedSearch(
  page2: Recorded = { body: fixture(import.meta.url, 'graphql-search-page2.json') },
) {
  return (req: SeenRequest): Recorded => {
    const after = body(req).variables.marketPlaceJobFilter.pagination_eq?.after;
    if (after === undefined) return { body: fixture(import.meta.url, 'graphql-search-page1.json') };
    if (after === 'MTA=') return page2;
    return { status: 400, body: '{}' };
  };
}

/** Answers in order, the last one repeating (the replay server's own counter outlives re-routing). */
function sequence(...answers: Recorded[]) {
  let n = 0;
  return (): Recorded => answers[Math.min(n++, answers.length - 1)] ?? { status: 500 };
}

async function collect(pages: AsyncIterable<unknown[]>): Promise<unknown[][]> {
  const out: unknown[][] = [];
  for await (const page of pages) out.push(page);
  return out;
}

const errorsSeen: DomainError[] = [];
async function failure(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) {
      errorsSeen.push(error);
      return error;
    }
    throw error;
  }
  throw new Error('expected a failure');
}

function ciphertexts(pages: unknown[][]): string[] {
  return pages.flat().map((node) => (node as { ciphertext: string }).ciphertext);
}

describe('upwork source: search', () => {
  it('posts marketplaceJobPostingsSearch with the filter, USER_JOBS_SEARCH and the sort, bearing the token', async () => {
    server.route(GRAPHQL, pagedSearch());
    const source = createUpworkSource({ tokenStore: recordingStore(VALID) });
    await collect(
      source.fetch(
        ctx({
          maxPages: 1,
          experienceLevel: 'expert',
          jobType: 'hourly',
          verifiedPaymentOnly: true,
          hourlyRateMin: 40,
          budgetMin: 500,
          categoryIds: ['531770282580668418'],
        }),
      ),
    );
    expect(server.seen).toHaveLength(1);
    const seen = server.seen[0]!;
    expect(seen.method).toBe('POST');
    expect(seen.path).toBe(GRAPHQL);
    expect(bearer(seen)).toBe(`Bearer ${OLD_ACCESS}`);
    expect(seen.headers['content-type']).toBe('application/json');
    const sent = body(seen);
    expect(sent.query).toContain('marketplaceJobPostingsSearch(');
    expect(sent.query).toContain('pageInfo { hasNextPage endCursor }');
    expect(sent.variables).toEqual({
      marketPlaceJobFilter: {
        searchExpression_eq: 'typescript',
        experienceLevel_eq: 'EXPERT',
        jobType_eq: 'HOURLY',
        verifiedPaymentOnly_eq: true,
        hourlyRate_eq: { rangeStart: 40 },
        budgetRange_eq: { rangeStart: 500 },
        categoryIds_any: ['531770282580668418'],
      },
      searchType: 'USER_JOBS_SEARCH',
      sortAttributes: [{ field: 'RECENCY' }],
    });
  });

  it('reads every page: the first without pagination_eq, the next after its endCursor', async () => {
    server.route(GRAPHQL, pagedSearch());
    const source = createUpworkSource({ tokenStore: recordingStore(VALID) });
    const pages = await collect(source.fetch(ctx({ sort: 'RELEVANCE' })));
    expect(pages.map((p) => p.length)).toEqual([3, 2]);
    expect(ciphertexts(pages)).toEqual([
      '~021861234567890123456',
      '~021861234567890123457',
      '~021861234567890123458',
      '~021861234567890123459',
      '~021861234567890123460',
    ]);
    const calls = graphqlCalls();
    expect(calls).toHaveLength(2);
    expect(body(calls[0]!).variables.marketPlaceJobFilter.pagination_eq).toBeUndefined();
    expect(body(calls[1]!).variables.marketPlaceJobFilter.pagination_eq).toEqual({
      first: 50,
      after: 'MTA=',
    });
    expect(body(calls[1]!).variables.sortAttributes).toEqual([{ field: 'RELEVANCE' }]);
  });

  it('keeps page 1 when the paginated call answers 500, and says so', async () => {
    server.route(
      GRAPHQL,
      pagedSearch({ status: 500, body: '{"errors":[{"message":"Internal Server Error"}]}' }),
    );
    const warnings: UpworkWarning[] = [];
    const source = createUpworkSource({
      tokenStore: recordingStore(VALID),
      onWarning: (w) => warnings.push(w),
    });
    const pages = await collect(source.fetch(ctx()));
    expect(pages.map((p) => p.length)).toEqual([3]);
    expect(graphqlCalls()).toHaveLength(2);
    expect(warnings).toEqual([
      { sourceId: 'upwork:ts', message: expect.stringContaining('HTTP 500 to page 2') as string },
    ]);
    expect(warnings[0]!.message).toContain('kept the 3 postings');
  });

  it('fails when the first page answers 500', async () => {
    server.route(GRAPHQL, { status: 500, body: '{}' });
    const source = createUpworkSource({ tokenStore: recordingStore(VALID) });
    const error = await failure(collect(source.fetch(ctx())));
    expect(failureKind(error)).toBe('server');
  });

  it('reads no more than maxPages', async () => {
    server.route(GRAPHQL, pagedSearch());
    const source = createUpworkSource({ tokenStore: recordingStore(VALID) });
    const pages = await collect(source.fetch(ctx({ maxPages: 1 })));
    expect(pages.map((p) => p.length)).toEqual([3]);
    expect(graphqlCalls()).toHaveLength(1);
  });

  it('drops postings older than postedWithinHours and, sorted by recency, stops paging at the first', async () => {
    server.route(GRAPHQL, pagedSearch());
    const source = createUpworkSource({ tokenStore: recordingStore(VALID) });
    const recent = await collect(source.fetch(ctx({ postedWithinHours: 6 })));
    expect(ciphertexts(recent)).toEqual(['~021861234567890123456', '~021861234567890123457']);
    expect(graphqlCalls()).toHaveLength(1);

    server.seen.length = 0;
    const day = await collect(source.fetch(ctx({ postedWithinHours: 24 })));
    expect(ciphertexts(day)).toHaveLength(3);
    expect(graphqlCalls()).toHaveLength(2); // page 1 was all recent, page 2 all older

    server.seen.length = 0;
    const relevance = await collect(source.fetch(ctx({ postedWithinHours: 6, sort: 'RELEVANCE' })));
    expect(ciphertexts(relevance)).toHaveLength(2);
    expect(graphqlCalls()).toHaveLength(2); // not sorted by date: every page is read
  });

  it('uses the data of an answer with errors beside it, and reports the errors', async () => {
    server.route(GRAPHQL, { body: fixture(import.meta.url, 'graphql-partial-errors.json') });
    const warnings: UpworkWarning[] = [];
    const source = createUpworkSource({
      tokenStore: recordingStore(VALID),
      onWarning: (w) => warnings.push(w),
    });
    const pages = await collect(source.fetch(ctx()));
    expect(ciphertexts(pages)).toEqual(['~021861234567890123461']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toContain('1 error');
    expect(warnings[0]!.message).toContain('client is unavailable');
  });

  it('names the missing scope and where to add it when Upwork blocks fields', async () => {
    server.route(GRAPHQL, { body: fixture(import.meta.url, 'graphql-missing-scope.json') });
    const source = createUpworkSource({ tokenStore: recordingStore(VALID) });
    const error = await failure(collect(source.fetch(ctx())));
    expect(error.code).toBe('UPSTREAM_FAILED');
    expect(failureKind(error)).toBe('auth');
    expect(error.message).toContain('Read marketplace Job Postings');
    expect(error.message).toContain('Money.currency');
    expect(error.hint).toContain("Upwork's API Center");
    expect(error.details?.blockedFields).toEqual([
      'Money.currency',
      'Money.displayValue',
      'Money.rawValue',
    ]);
  });

  it('maps every posting, each passing prepareJob', async () => {
    server.route(GRAPHQL, pagedSearch());
    const c = ctx();
    const pages = await collect(
      upworkSource.fetch({ ...c, secrets: { ...c.secrets, UPWORK_ACCESS_TOKEN: OLD_ACCESS } }),
    );
    const drafts = pages.flat().map((raw) => upworkSource.normalize(raw, c));
    expect(drafts).toHaveLength(5);
    for (const draft of drafts) {
      const job = prepareJob(draft);
      expect(job.sourceType).toBe('upwork');
      expect(job.sourceId).toBe('upwork:ts');
      expect(job.employmentType).toBe('freelance');
    }
  });
});

describe('upwork source: tokens', () => {
  it('renews a token that expires within 60 s before searching, saves it and searches with it', async () => {
    server.route(TOKEN, { body: fixture(import.meta.url, 'token-success.json') });
    server.route(GRAPHQL, pagedSearch());
    const store = recordingStore({ ...VALID, expiresAt: '2025-11-20T12:00:30.000Z' });
    const source = createUpworkSource({ tokenStore: store });
    const pages = await collect(source.fetch(ctx({ maxPages: 1 })));
    expect(pages.flat()).toHaveLength(3);
    expect(server.seen.map((s) => s.path)).toEqual([TOKEN, GRAPHQL]);
    expect(Object.fromEntries(new URLSearchParams(server.seen[0]!.body))).toMatchObject({
      grant_type: 'refresh_token',
      refresh_token: REFRESH,
    });
    expect(bearer(server.seen[1]!)).toBe(`Bearer ${NEW_ACCESS}`);
    expect(store.saved).toEqual([
      { accessToken: NEW_ACCESS, refreshToken: NEW_REFRESH, expiresAt: '2025-11-21T12:00:00.000Z' },
    ]);
  });

  it('on a 401 renews the token once and tries the call once more', async () => {
    server.route(TOKEN, { body: fixture(import.meta.url, 'token-success.json') });
    server.route(
      GRAPHQL,
      sequence(
        { status: 401, body: '{"message":"Unauthorized"}' },
        { body: fixture(import.meta.url, 'graphql-search-page1.json') },
      ),
    );
    const store = recordingStore({ ...VALID, expiresAt: null });
    const source = createUpworkSource({ tokenStore: store });
    const pages = await collect(source.fetch(ctx({ maxPages: 1 })));
    expect(pages.flat()).toHaveLength(3);
    expect(server.seen.map((s) => s.path)).toEqual([GRAPHQL, TOKEN, GRAPHQL]);
    expect(bearer(server.seen[0]!)).toBe(`Bearer ${OLD_ACCESS}`);
    expect(bearer(server.seen[2]!)).toBe(`Bearer ${NEW_ACCESS}`);
    expect(store.saved).toHaveLength(1);
  });

  it('gives up after one renewal when Upwork still answers 401', async () => {
    server.route(TOKEN, { body: fixture(import.meta.url, 'token-success.json') });
    server.route(GRAPHQL, { status: 401, body: '{}' });
    const source = createUpworkSource({ tokenStore: recordingStore(VALID) });
    const error = await failure(collect(source.fetch(ctx())));
    expect(server.seen.map((s) => s.path)).toEqual([GRAPHQL, TOKEN, GRAPHQL]);
    expect(failureKind(error)).toBe('auth');
    expect(error.message).toContain('even after renewing it');
    expect(error.hint).toContain('applydesk sources auth upwork');
  });

  it('reports a refused refresh token as UNAUTHORIZED with the command to sign in again', async () => {
    server.route(TOKEN, {
      status: 400,
      body: fixture(import.meta.url, 'token-invalid-grant.json'),
    });
    server.route(GRAPHQL, pagedSearch());
    const store = recordingStore({ ...VALID, expiresAt: '2025-11-20T11:00:00.000Z' });
    const source = createUpworkSource({ tokenStore: store });
    const error = await failure(collect(source.fetch(ctx())));
    expect(error.code).toBe('UNAUTHORIZED');
    expect(error.message).toContain('Upwork refused the refresh token');
    expect(error.hint).toContain('run `applydesk sources auth upwork` again');
    expect(graphqlCalls()).toHaveLength(0);
    expect(store.saved).toEqual([]);
  });

  it('seeds the default in-memory store from the secrets and keeps the renewed tokens between runs', async () => {
    server.route(TOKEN, { body: fixture(import.meta.url, 'token-success.json') });
    server.route(GRAPHQL, pagedSearch());
    const source = createUpworkSource();
    const c = ctx(
      { maxPages: 1 },
      {
        UPWORK_ACCESS_TOKEN: OLD_ACCESS,
        UPWORK_REFRESH_TOKEN: REFRESH,
        UPWORK_TOKEN_EXPIRES_AT: '2025-11-20T11:00:00Z',
      },
    );
    await collect(source.fetch(c));
    await collect(source.fetch(c));
    expect(server.seen.map((s) => s.path)).toEqual([TOKEN, GRAPHQL, GRAPHQL]);
    expect(graphqlCalls().map(bearer)).toEqual([`Bearer ${NEW_ACCESS}`, `Bearer ${NEW_ACCESS}`]);
  });

  it('starts the default store again when the tokens in the secrets change', async () => {
    server.route(GRAPHQL, pagedSearch());
    const source = createUpworkSource();
    await collect(source.fetch(ctx({ maxPages: 1 }, { UPWORK_ACCESS_TOKEN: OLD_ACCESS })));
    await collect(
      source.fetch(ctx({ maxPages: 1 }, { UPWORK_ACCESS_TOKEN: 'replaced-access-token-9' })),
    );
    expect(graphqlCalls().map(bearer)).toEqual([
      `Bearer ${OLD_ACCESS}`,
      'Bearer replaced-access-token-9',
    ]);
  });

  it('passes a challenge page (403 "Just a moment...") up as blocked, not as a key problem', async () => {
    server.route(GRAPHQL, { status: 403, body: '<html><title>Just a moment...</title></html>' });
    const source = createUpworkSource({ tokenStore: recordingStore(VALID) });
    const error = await failure(collect(source.fetch(ctx())));
    expect(failureKind(error)).toBe('blocked');
    expect(tokenCalls()).toHaveLength(0);
  });

  it('reports a 403 refusal as an auth failure pointing at the key scopes', async () => {
    server.route(GRAPHQL, { status: 403, body: '{"message":"Forbidden"}' });
    const source = createUpworkSource({ tokenStore: recordingStore(VALID) });
    const error = await failure(collect(source.fetch(ctx())));
    expect(failureKind(error)).toBe('auth');
    expect(error.hint).toContain('Read marketplace Job Postings');
  });

  it('renews a refresh-token-only secret before the first search', async () => {
    server.route(TOKEN, { body: fixture(import.meta.url, 'token-success.json') });
    server.route(GRAPHQL, pagedSearch());
    const source = createUpworkSource();
    await collect(source.fetch(ctx({ maxPages: 1 }, { UPWORK_REFRESH_TOKEN: REFRESH })));
    expect(server.seen.map((s) => s.path)).toEqual([TOKEN, GRAPHQL]);
  });

  it('says how to connect when there are no tokens at all', async () => {
    const source = createUpworkSource();
    const error = await failure(collect(source.fetch(ctx())));
    expect(error.code).toBe('UNAUTHORIZED');
    expect(error.hint).toContain('applydesk sources auth upwork');
    expect(server.seen).toHaveLength(0);
  });

  it('sends the tenant header when one is configured', async () => {
    server.route(GRAPHQL, pagedSearch());
    const source = createUpworkSource({ tokenStore: recordingStore(VALID) });
    await collect(source.fetch(ctx({ maxPages: 1, tenantId: '424242' })));
    expect(server.seen[0]!.headers['x-upwork-api-tenantid']).toBe('424242');
  });
});

describe('upwork source: test()', () => {
  it('asks for one posting and reports how many match', async () => {
    server.route(GRAPHQL, { body: fixture(import.meta.url, 'graphql-search-page1.json') });
    const source = createUpworkSource({ tokenStore: recordingStore(VALID) });
    const result = await source.test(ctx());
    expect(result).toEqual({
      ok: true,
      message: 'Upwork answered: 5 postings match "typescript"',
      available: 5,
    });
    expect(body(server.seen[0]!).variables.marketPlaceJobFilter.pagination_eq).toEqual({
      first: 1,
    });
  });

  it('asks again without pagination_eq when Upwork answers it with 500', async () => {
    server.route(
      GRAPHQL,
      sequence(
        { status: 500, body: '{}' },
        { body: fixture(import.meta.url, 'graphql-search-page1.json') },
      ),
    );
    const source = createUpworkSource({ tokenStore: recordingStore(VALID) });
    const result = await source.test(ctx());
    expect(result.ok).toBe(true);
    expect(graphqlCalls().map((s) => body(s).variables.marketPlaceJobFilter.pagination_eq)).toEqual(
      [{ first: 1 }, undefined],
    );
  });

  it('fails with the variables to set and where to get a key when none is configured', async () => {
    const source = createUpworkSource({ tokenStore: recordingStore(VALID) });
    const c = ctx();
    const result = await source.test({
      ...c,
      secrets: { ...c.secrets, UPWORK_CLIENT_ID: '', UPWORK_CLIENT_SECRET: ' ' },
    });
    expect(result.ok).toBe(false);
    expect(result.message).toContain('UPWORK_CLIENT_ID');
    expect(result.message).toContain('UPWORK_CLIENT_SECRET');
    expect(result.message).toContain('https://www.upwork.com/developer/keys/apply');
    expect(server.seen).toHaveLength(0);
  });

  it('fails with the command to run when the key has no tokens yet', async () => {
    const result = await createUpworkSource().test(ctx());
    expect(result).toEqual({
      ok: false,
      message: expect.stringContaining('applydesk sources auth upwork') as string,
    });
  });

  it('fails naming the scope when the key lacks it', async () => {
    server.route(GRAPHQL, { body: fixture(import.meta.url, 'graphql-missing-scope.json') });
    const result = await createUpworkSource({ tokenStore: recordingStore(VALID) }).test(ctx());
    expect(result.ok).toBe(false);
    expect(result.message).toContain('Read marketplace Job Postings');
    expect(result.message).toContain('API Center');
  });

  it('fails with the re-auth command when the refresh token is refused', async () => {
    server.route(TOKEN, {
      status: 400,
      body: fixture(import.meta.url, 'token-invalid-grant.json'),
    });
    const result = await createUpworkSource({
      tokenStore: recordingStore({ ...VALID, expiresAt: '2025-11-20T00:00:00Z' }),
    }).test(ctx());
    expect(result.ok).toBe(false);
    expect(result.message).toContain('Upwork refused the refresh token');
    expect(result.message).toContain('applydesk sources auth upwork');
    for (const secret of ALL_SECRETS) expect(result.message).not.toContain(secret);
  });
});

describe('upwork source: secrets', () => {
  it('never puts the client secret or a token in an error', () => {
    expect(errorsSeen.length).toBeGreaterThanOrEqual(5);
    for (const error of errorsSeen) {
      const shown = JSON.stringify({
        message: error.message,
        hint: error.hint,
        details: error.details,
      });
      for (const secret of ALL_SECRETS) {
        expect(shown).not.toContain(secret);
        expect(shown).not.toContain(encodeURIComponent(secret));
      }
    }
  });

  it('treats blank optional secrets as unset and requires the client id and secret', () => {
    expect(
      UpworkSecrets.parse({ ...SECRETS, UPWORK_ACCESS_TOKEN: '', UPWORK_TOKEN_EXPIRES_AT: ' ' }),
    ).toEqual(SECRETS);
    expect(UpworkSecrets.safeParse({ UPWORK_CLIENT_ID: 'x' }).success).toBe(false);
  });
});

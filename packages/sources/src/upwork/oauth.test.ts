import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '@applydesk/domain';
import { createHttpClient } from '../http/create-http-client.js';
import { fixture, startReplayServer, type ReplayServer } from '../test-support/replay-server.js';
import { authorizationUrl, createMemoryTokenStore, exchangeCode, refreshTokens } from './index.js';

const NOW = new Date('2025-11-20T12:00:00Z');
const CLIENT_ID = 'client-id-4f2a';
const CLIENT_SECRET = 'client-s3cret/value+x';
const REFRESH = 'refresh-token-7c1e9d';
const TOKEN_PATH = '/api/v3/oauth2/token';

let server: ReplayServer;
beforeAll(async () => {
  server = await startReplayServer();
});
afterAll(() => server.close());
afterEach(() => {
  server.seen.length = 0;
});

const tokenUrl = () => `${server.url}${TOKEN_PATH}`;

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

function noSecrets(error: DomainError, ...secrets: string[]) {
  const shown = JSON.stringify({
    message: error.message,
    hint: error.hint,
    details: error.details,
  });
  for (const secret of [CLIENT_SECRET, REFRESH, ...secrets]) {
    expect(shown).not.toContain(secret);
    expect(shown).not.toContain(encodeURIComponent(secret));
  }
}

describe('authorizationUrl', () => {
  it('points at Upwork with response_type=code, the client id, the redirect URI and the state', () => {
    const url = new URL(
      authorizationUrl({
        clientId: CLIENT_ID,
        redirectUri: 'http://localhost:7878/callback',
        state: 'st-123',
      }),
    );
    expect(url.origin + url.pathname).toBe(
      'https://www.upwork.com/ab/account-security/oauth2/authorize',
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: 'http://localhost:7878/callback',
      state: 'st-123',
    });
  });

  it('takes another origin for the authorization page', () => {
    const url = authorizationUrl({
      clientId: CLIENT_ID,
      redirectUri: 'https://me.example/cb',
      state: 's',
      authorizeBaseUrl: 'http://127.0.0.1:9999/',
    });
    expect(url.startsWith('http://127.0.0.1:9999/ab/account-security/oauth2/authorize?')).toBe(
      true,
    );
  });
});

describe('exchangeCode', () => {
  it('posts the code and the credentials form-encoded and returns tokens that expire expires_in from now', async () => {
    server.route(TOKEN_PATH, { body: fixture(import.meta.url, 'token-success.json') });
    const tokens = await exchangeCode(createHttpClient(), {
      code: 'auth-code-99',
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      redirectUri: 'http://localhost:7878/callback',
      tokenUrl: tokenUrl(),
      now: () => NOW,
    });
    expect(tokens).toEqual({
      accessToken: 'oauth2v2_fixture_access_5f1c0e7a9b',
      refreshToken: 'oauth2v2_fixture_refresh_8d2b4c6e1a',
      expiresAt: new Date(NOW.getTime() + 86_400_000).toISOString(),
    });
    expect(server.seen).toHaveLength(1);
    const seen = server.seen[0]!;
    expect(seen.method).toBe('POST');
    expect(seen.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(seen.body))).toEqual({
      grant_type: 'authorization_code',
      code: 'auth-code-99',
      redirect_uri: 'http://localhost:7878/callback',
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
    });
  });
});

describe('refreshTokens', () => {
  it('posts grant_type=refresh_token and keeps the refresh token when Upwork sends none', async () => {
    server.route(TOKEN_PATH, {
      body: JSON.stringify({
        access_token: 'new-access-1',
        token_type: 'Bearer',
        expires_in: '3600',
      }),
    });
    const tokens = await refreshTokens(createHttpClient(), {
      refreshToken: REFRESH,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      tokenUrl: tokenUrl(),
      now: () => NOW,
    });
    expect(tokens).toEqual({
      accessToken: 'new-access-1',
      refreshToken: REFRESH,
      expiresAt: '2025-11-20T13:00:00.000Z',
    });
    expect(Object.fromEntries(new URLSearchParams(server.seen[0]!.body))).toEqual({
      grant_type: 'refresh_token',
      refresh_token: REFRESH,
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
    });
  });

  it('turns invalid_grant (HTTP 400) into UNAUTHORIZED with the command to sign in again', async () => {
    server.route(TOKEN_PATH, {
      status: 400,
      body: fixture(import.meta.url, 'token-invalid-grant.json'),
    });
    const error = await failure(
      refreshTokens(createHttpClient(), {
        refreshToken: REFRESH,
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        tokenUrl: tokenUrl(),
      }),
    );
    expect(error.code).toBe('UNAUTHORIZED');
    expect(error.message).toMatch(/^Upwork refused the refresh token/);
    expect(error.hint).toContain('run `applydesk sources auth upwork` again');
    noSecrets(error);
  });

  it('reads invalid_grant from a 200 body too, with its description', async () => {
    server.route(TOKEN_PATH, {
      body: JSON.stringify({
        error: 'invalid_grant',
        error_description: `token ${REFRESH} was revoked`,
      }),
    });
    const error = await failure(
      refreshTokens(createHttpClient(), {
        refreshToken: REFRESH,
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        tokenUrl: tokenUrl(),
      }),
    );
    expect(error.code).toBe('UNAUTHORIZED');
    expect(error.message).toContain('invalid_grant: token *** was revoked');
    expect(error.hint).toContain('applydesk sources auth upwork');
    noSecrets(error);
  });

  it('names the client credentials when Upwork refuses the client', async () => {
    server.route(TOKEN_PATH, { body: JSON.stringify({ error: 'invalid_client' }) });
    const error = await failure(
      refreshTokens(createHttpClient(), {
        refreshToken: REFRESH,
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        tokenUrl: tokenUrl(),
      }),
    );
    expect(error.code).toBe('UNAUTHORIZED');
    expect(error.hint).toContain('UPWORK_CLIENT_SECRET');
    noSecrets(error);
  });

  it('reports an answer without an access token as malformed', async () => {
    server.route(TOKEN_PATH, { body: JSON.stringify({ token_type: 'Bearer' }) });
    const error = await failure(
      refreshTokens(createHttpClient(), {
        refreshToken: REFRESH,
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        tokenUrl: tokenUrl(),
      }),
    );
    expect(error.code).toBe('UPSTREAM_FAILED');
    expect(error.details?.kind).toBe('malformed');
  });
});

describe('createMemoryTokenStore', () => {
  it('hands back copies of what was saved', async () => {
    const store = createMemoryTokenStore();
    expect(await store.load()).toBeNull();
    const tokens = { accessToken: 'a', refreshToken: 'r', expiresAt: null };
    await store.save(tokens);
    tokens.accessToken = 'changed';
    expect(await store.load()).toEqual({ accessToken: 'a', refreshToken: 'r', expiresAt: null });
  });
});

import { z } from 'zod';
import { DomainError } from '@applydesk/domain';
import { failureKind, type HttpClient } from '../http/http-client.js';
import { parseJsonBody } from '../http/create-http-client.js';

/** Where the user grants ApplyDesk access (scopes are chosen on the key in Upwork's API Center, not here). */
export const UPWORK_AUTHORIZE_BASE_URL = 'https://www.upwork.com';
export const UPWORK_AUTHORIZE_PATH = '/ab/account-security/oauth2/authorize';
/** Token and refresh endpoint, as Upwork's docs and its own OAuth2 client name it. */
export const UPWORK_TOKEN_URL = 'https://www.upwork.com/api/v3/oauth2/token';
export const UPWORK_TOKEN_PATH = '/api/v3/oauth2/token';

/** What to tell a user whose tokens Upwork no longer takes. */
export const UPWORK_REAUTH_HINT = 'run `applydesk sources auth upwork` again';

/**
 * An access/refresh token pair. `refreshToken` is null when only an access token was given;
 * `expiresAt` (ISO 8601) is null when the expiry is unknown (a 401 then triggers the refresh).
 */
export interface Tokens {
  accessToken: string;
  refreshToken: string | null;
  expiresAt: string | null;
}

/**
 * Where the adapter keeps tokens between runs. Upwork may hand out a new refresh token on
 * every refresh, so whatever the adapter saves must be what it loads next time. The engine
 * passes one that encrypts them at rest; tokens are never logged or put in messages.
 */
export interface TokenStore {
  load(): Promise<Tokens | null>;
  save(tokens: Tokens): Promise<void>;
}

/** A TokenStore that lives as long as the process (the default; the engine passes a durable one). */
export function createMemoryTokenStore(initial: Tokens | null = null): TokenStore {
  let current = initial === null ? null : { ...initial };
  return {
    load: () => Promise.resolve(current === null ? null : { ...current }),
    save: (tokens) => {
      current = { ...tokens };
      return Promise.resolve();
    },
  };
}

/** Replaces every occurrence of each secret (raw and URL-encoded) with `***`. */
export function redact(text: string, secrets: readonly (string | null | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret === null || secret === undefined || secret.length < 4) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)]))
      out = out.split(form).join('***');
  }
  return out;
}

/** The URL to send the user to; Upwork redirects back to `redirectUri` with `code` and `state`. */
export function authorizationUrl(params: {
  clientId: string;
  redirectUri: string;
  state: string;
  /** Origin to use instead of https://www.upwork.com (tests, proxies). */
  authorizeBaseUrl?: string;
}): string {
  const base = (params.authorizeBaseUrl ?? UPWORK_AUTHORIZE_BASE_URL).replace(/\/+$/, '');
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: params.clientId,
    redirect_uri: params.redirectUri,
    state: params.state,
  });
  return `${base}${UPWORK_AUTHORIZE_PATH}?${query.toString()}`;
}

/** Where and when a token request goes. */
export interface TokenRequestOptions {
  /** Defaults to UPWORK_TOKEN_URL. */
  tokenUrl?: string;
  /** The clock `expiresAt` counts from. */
  now?: () => Date;
  signal?: AbortSignal;
}

const TokenAnswer = z.object({
  access_token: z.string().min(1).optional(),
  refresh_token: z.string().min(1).nullish(),
  expires_in: z.union([z.number(), z.string().regex(/^\d+(\.\d+)?$/)]).nullish(),
  token_type: z.string().nullish(),
  error: z.string().nullish(),
  error_description: z.string().nullish(),
});

type Grant = 'authorization_code' | 'refresh_token';

function refused(
  grant: Grant,
  url: string,
  reason: string,
  extra: { status?: number; error?: string },
): DomainError {
  const what = grant === 'refresh_token' ? 'the refresh token' : 'the authorization code';
  return new DomainError('UNAUTHORIZED', `Upwork refused ${what} (${reason})`, {
    hint: `${UPWORK_REAUTH_HINT}; if it keeps failing, check UPWORK_CLIENT_ID and UPWORK_CLIENT_SECRET against the key in Upwork's API Center`,
    details: {
      kind: 'auth',
      url,
      ...(extra.status === undefined ? {} : { status: extra.status }),
      ...(extra.error === undefined ? {} : { error: extra.error }),
    },
  });
}

async function tokenRequest(
  http: HttpClient,
  grant: Grant,
  form: Record<string, string>,
  secrets: readonly string[],
  options: TokenRequestOptions,
  previousRefreshToken: string | null,
): Promise<Tokens> {
  const url = options.tokenUrl ?? UPWORK_TOKEN_URL;
  const now = options.now ?? (() => new Date());
  let text: string;
  try {
    const res = await http.request({
      url,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ grant_type: grant, ...form }).toString(),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    text = res.text;
  } catch (error) {
    // The client drops error bodies, so `{ error: "invalid_grant" }` with HTTP 400/401 is known by its status.
    const status = error instanceof DomainError ? error.details?.status : undefined;
    if (failureKind(error) !== null && (status === 400 || status === 401)) {
      throw refused(grant, url, `HTTP ${status}`, { status });
    }
    throw error;
  }
  const parsed = TokenAnswer.safeParse(parseJsonBody<unknown>(url, text));
  if (!parsed.success) {
    throw new DomainError(
      'UPSTREAM_FAILED',
      `Upwork's token endpoint answered something other than tokens`,
      {
        details: { kind: 'malformed', url },
      },
    );
  }
  const answer = parsed.data;
  if (typeof answer.error === 'string' && answer.error !== '') {
    const description = redact((answer.error_description ?? '').slice(0, 300), secrets).trim();
    const reason = description === '' ? answer.error : `${answer.error}: ${description}`;
    if (answer.error === 'invalid_client' || answer.error === 'unauthorized_client') {
      throw new DomainError('UNAUTHORIZED', `Upwork refused the client credentials (${reason})`, {
        hint: "check UPWORK_CLIENT_ID and UPWORK_CLIENT_SECRET against the key in Upwork's API Center",
        details: { kind: 'auth', url, error: answer.error },
      });
    }
    throw refused(grant, url, reason, { error: answer.error });
  }
  if (answer.access_token === undefined) {
    throw new DomainError(
      'UPSTREAM_FAILED',
      `Upwork's token endpoint answered without an access_token`,
      {
        details: { kind: 'malformed', url },
      },
    );
  }
  const seconds =
    answer.expires_in === null || answer.expires_in === undefined
      ? null
      : Number(answer.expires_in);
  return {
    accessToken: answer.access_token,
    refreshToken: answer.refresh_token ?? previousRefreshToken,
    expiresAt: seconds === null ? null : new Date(now().getTime() + seconds * 1000).toISOString(),
  };
}

/** Trades the `code` Upwork sent to the redirect URI for tokens (`grant_type=authorization_code`). */
export function exchangeCode(
  http: HttpClient,
  params: {
    code: string;
    clientId: string;
    clientSecret: string;
    redirectUri: string;
  } & TokenRequestOptions,
): Promise<Tokens> {
  const { code, clientId, clientSecret, redirectUri, ...options } = params;
  return tokenRequest(
    http,
    'authorization_code',
    { code, redirect_uri: redirectUri, client_id: clientId, client_secret: clientSecret },
    [clientSecret, code],
    options,
    null,
  );
}

/** Gets a fresh access token (`grant_type=refresh_token`); keeps the refresh token when Upwork sends none. */
export function refreshTokens(
  http: HttpClient,
  params: { refreshToken: string; clientId: string; clientSecret: string } & TokenRequestOptions,
): Promise<Tokens> {
  const { refreshToken, clientId, clientSecret, ...options } = params;
  return tokenRequest(
    http,
    'refresh_token',
    { refresh_token: refreshToken, client_id: clientId, client_secret: clientSecret },
    [clientSecret, refreshToken],
    options,
    refreshToken,
  );
}

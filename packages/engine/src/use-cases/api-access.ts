import { DomainError, type Event } from '@applydesk/domain';
import type { ApiToken, ApiTokenScope, IssuedApiToken, StoreStats } from '@applydesk/store';
import type { EngineContext } from '../context.js';

export type { ApiToken, ApiTokenScope, IssuedApiToken, StoreStats } from '@applydesk/store';
export { API_TOKEN_SCOPES } from '@applydesk/store';

/** How long a pairing code can be traded for a token. */
export const PAIRING_CODE_TTL_MS = 10 * 60_000;

export interface CreatedApiToken extends IssuedApiToken {
  /** With `pair`: a code the browser extension trades for its own token, once. */
  pairing?: { code: string; expiresAt: string };
}

/** Mints an API token (its secret is in the answer only) and, when asked, a pairing code. */
export async function createApiToken(
  ctx: EngineContext,
  input: { name: string; scope?: ApiTokenScope; pair?: boolean },
): Promise<CreatedApiToken> {
  const issued = await ctx.store.apiTokens.create({
    name: input.name,
    scope: input.scope ?? 'read',
  });
  if (input.pair !== true) return issued;
  const pairing = await ctx.store.apiTokens.createPairingCode(issued.token.id, PAIRING_CODE_TTL_MS);
  return { ...issued, pairing };
}

export async function listApiTokens(
  ctx: EngineContext,
  options: { includeRevoked?: boolean } = {},
): Promise<ApiToken[]> {
  return ctx.store.apiTokens.list(options);
}

/** Revokes a token by name or id, with the tokens paired from it; NOT_FOUND when none matches. */
export async function revokeApiToken(ctx: EngineContext, nameOrId: string): Promise<ApiToken> {
  const token = await ctx.store.apiTokens.revoke(nameOrId);
  if (token === null)
    throw new DomainError('NOT_FOUND', `no API token is named or has the id "${nameOrId}"`, {
      hint: 'see them with `applydesk token list`',
    });
  return token;
}

/** The live token a bearer secret belongs to, or null. */
export async function verifyApiToken(ctx: EngineContext, secret: string): Promise<ApiToken | null> {
  return ctx.store.apiTokens.verify(secret);
}

export async function countApiTokens(ctx: EngineContext): Promise<number> {
  return ctx.store.apiTokens.countLive();
}

/** Trades a pairing code for a new token; UNAUTHORIZED for a wrong, used or expired code. */
export async function redeemPairingCode(ctx: EngineContext, code: string): Promise<IssuedApiToken> {
  const issued = await ctx.store.apiTokens.redeemPairingCode(code);
  if (issued === null)
    throw new DomainError('UNAUTHORIZED', 'the pairing code is wrong, used or expired', {
      hint: 'make a new one with `applydesk token create <name> --pair`; codes last 10 minutes and work once',
    });
  return issued;
}

/** Totals across the store, for monitoring. */
export async function storeStats(ctx: EngineContext): Promise<StoreStats> {
  return ctx.store.stats.snapshot();
}

/** Events appended after `afterId`, oldest first: what live updates are read from. */
export async function eventsAfter(
  ctx: EngineContext,
  afterId: string,
  limit = 500,
): Promise<Event[]> {
  return ctx.store.events.list({ afterId, limit });
}

/** The id of the newest event, or null when the log is empty. */
export async function latestEventId(ctx: EngineContext): Promise<string | null> {
  const [newest] = await ctx.store.events.list({ limit: 1 });
  return newest?.id ?? null;
}

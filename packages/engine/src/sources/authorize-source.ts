import { randomBytes } from 'node:crypto';
import { DomainError } from '@applydesk/domain';
import {
  authorizationUrl,
  exchangeCode,
  upworkEndpoints,
  type UpworkSecrets,
} from '@applydesk/sources';
import type { EngineContext } from '../context.js';
import { tokenSecretName, vaultTokenStore } from '../secrets/token-store.js';
import { httpClientFor } from './run-sources.js';
import { resolveSources, type ResolvedSource } from './resolve-sources.js';

/** Source types that sign in with OAuth (the user's own key); the others need no sign-in. */
const SIGN_IN_TYPES = new Set(['upwork']);

export interface AuthorizationStart {
  source: string;
  sourceId: string;
  /** Where the user grants access. */
  url: string;
  /** Must come back unchanged with the code (CSRF protection). */
  state: string;
  redirectUri: string;
}

/** A configured source that signs in, by its name, or by its type when only one source has it. */
export function pickSignInSource(ctx: EngineContext, nameOrType: string): ResolvedSource {
  const all = resolveSources(ctx.sources ?? { entries: [], secret: () => undefined });
  const byName = all.find((s) => s.name === nameOrType);
  const byType = all.filter((s) => s.adapter.type === nameOrType);
  const source = byName ?? (byType.length === 1 ? byType[0] : undefined);
  if (source === undefined) {
    throw new DomainError(
      'NOT_FOUND',
      byType.length > 1
        ? `several sources are of type "${nameOrType}": ${byType.map((s) => s.name).join(', ')}`
        : `no source is named "${nameOrType}"`,
      {
        hint:
          byType.length > 1
            ? 'name the one to sign in'
            : 'add it under `sources:` in applydesk.yaml, e.g. `- { name: upwork, type: upwork, query: "typescript" }`',
      },
    );
  }
  if (!SIGN_IN_TYPES.has(source.adapter.type)) {
    throw new DomainError(
      'INVALID_INPUT',
      `${source.name} (${source.adapter.label}) needs no sign-in`,
      { hint: `\`applydesk sources test ${source.name}\` checks that it can be reached` },
    );
  }
  return source;
}

function upworkSecrets(source: ResolvedSource): UpworkSecrets {
  if (source.secrets === null) {
    throw new DomainError(
      'CONFIG_INVALID',
      `${source.name} cannot sign in yet: ${source.unusable ?? 'secrets missing'}`,
      {
        hint: 'create a key at https://www.upwork.com/developer/keys/apply, then set UPWORK_CLIENT_ID, UPWORK_CLIENT_SECRET and UPWORK_REDIRECT_URI',
      },
    );
  }
  const secrets = source.secrets as UpworkSecrets;
  if (secrets.UPWORK_REDIRECT_URI === undefined) {
    throw new DomainError(
      'CONFIG_INVALID',
      `${source.name} cannot sign in: UPWORK_REDIRECT_URI is not set`,
      {
        hint: 'set it to the callback URL registered on your Upwork key; http://127.0.0.1:<port>/callback lets ApplyDesk catch the answer itself',
      },
    );
  }
  return secrets;
}

/** The address to send the user to, with a fresh state. */
export function beginSourceAuthorization(
  ctx: EngineContext,
  nameOrType: string,
): AuthorizationStart {
  const source = pickSignInSource(ctx, nameOrType);
  const secrets = upworkSecrets(source);
  const state = randomBytes(18).toString('base64url');
  const redirectUri = secrets.UPWORK_REDIRECT_URI ?? '';
  return {
    source: source.name,
    sourceId: source.sourceId,
    state,
    redirectUri,
    url: authorizationUrl({
      clientId: secrets.UPWORK_CLIENT_ID,
      redirectUri,
      state,
      authorizeBaseUrl: upworkEndpoints(source.config).authorizeBaseUrl,
    }),
  };
}

/** Trades the code for tokens and keeps them encrypted in the store. */
export async function completeSourceAuthorization(
  ctx: EngineContext,
  nameOrType: string,
  code: string,
): Promise<{ source: string; expiresAt: string | null; refreshable: boolean }> {
  const source = pickSignInSource(ctx, nameOrType);
  const secrets = upworkSecrets(source);
  if (ctx.vault === undefined)
    throw new DomainError('INTERNAL', 'no secret vault to keep the tokens in');
  const http = httpClientFor(ctx);
  try {
    const tokens = await exchangeCode(http, {
      code,
      clientId: secrets.UPWORK_CLIENT_ID,
      clientSecret: secrets.UPWORK_CLIENT_SECRET,
      redirectUri: secrets.UPWORK_REDIRECT_URI ?? '',
      tokenUrl: upworkEndpoints(source.config).tokenUrl,
      now: ctx.now,
    });
    await vaultTokenStore(ctx.vault, source.sourceId).save(tokens);
    return {
      source: source.name,
      expiresAt: tokens.expiresAt,
      refreshable: tokens.refreshToken !== null,
    };
  } finally {
    await http.close();
  }
}

/** Forgets a source's stored tokens; false when there were none. */
export async function forgetSourceAuthorization(
  ctx: EngineContext,
  nameOrType: string,
): Promise<boolean> {
  const source = pickSignInSource(ctx, nameOrType);
  return ctx.vault?.delete(tokenSecretName(source.sourceId)) ?? false;
}

import { DomainError, isDomainError } from '@applydesk/domain';
import { failureKind } from '../http/http-client.js';

/**
 * Keyed sources (Adzuna, Jooble, Google Jobs through SerpApi, USAJOBS, The Muse) send their
 * key in the URL or a header, and the HTTP client names the URL in every failure: a key must
 * never reach a log, the run history or the screen, so failures are re-raised masked.
 */

const MASK = '***';

/** `text` with every secret, as written and URL-encoded, replaced by "***". */
export function maskSecrets(text: string, secrets: readonly (string | null | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret === null || secret === undefined || secret === '') continue;
    for (const form of new Set([secret, encodeURIComponent(secret)]))
      out = out.split(form).join(MASK);
  }
  return out;
}

/**
 * The same failure with the secrets masked in its message and details (hint and cause kept:
 * the low-level cause, a parse or socket error, names no URL). Anything that is no
 * DomainError passes unchanged.
 */
export function withoutSecrets(
  error: unknown,
  secrets: readonly (string | null | undefined)[],
): unknown {
  if (!isDomainError(error)) return error;
  const hide = (text: string) => maskSecrets(text, secrets);
  const details =
    error.details === undefined
      ? undefined
      : (JSON.parse(hide(JSON.stringify(error.details))) as Record<string, unknown>);
  return new DomainError(error.code, hide(error.message), {
    ...(error.hint === undefined ? {} : { hint: error.hint }),
    ...(details === undefined ? {} : { details }),
    ...(error.cause === undefined ? {} : { cause: error.cause }),
  });
}

/** What to tell the user when the source refuses its credentials. */
export interface RefusedKey {
  /** The source as users know it ("Adzuna"). */
  source: string;
  /** What it refused ("the credentials", "the API key"). */
  what: string;
  /** What to check: the environment variables that hold the credentials, and how. */
  check: string;
  hint: string;
}

/**
 * An `auth` failure of a keyed source: "<source> refused <what> (HTTP 401): check <check>",
 * its details (URL included) masked.
 */
export function refusedKey(
  refused: RefusedKey,
  details: Record<string, unknown>,
  secrets: readonly (string | null | undefined)[],
): DomainError {
  const masked = JSON.parse(maskSecrets(JSON.stringify(details), secrets)) as Record<
    string,
    unknown
  >;
  const status = typeof masked.status === 'number' ? ` (HTTP ${masked.status})` : '';
  return new DomainError(
    'UPSTREAM_FAILED',
    `${refused.source} refused ${refused.what}${status}: check ${refused.check}`,
    { hint: refused.hint, details: masked },
  );
}

/**
 * Re-raises an HTTP client failure of a keyed source without its secrets; an `auth` failure
 * becomes `refused` (which variables to check). Anything else is rethrown as it is.
 */
export function rethrowKeyed(
  error: unknown,
  secrets: readonly (string | null | undefined)[],
  refused: RefusedKey,
): never {
  const kind = failureKind(error);
  if (kind === null || !(error instanceof DomainError)) throw error;
  if (kind === 'auth') throw refusedKey(refused, { ...error.details }, secrets);
  throw withoutSecrets(error, secrets);
}

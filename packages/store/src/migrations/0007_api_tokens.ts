import type { Dialect } from '../repositories.js';

/**
 * What guards the HTTP API once it is reachable from other machines:
 * - `api_tokens`: bearer tokens by the SHA-256 of their secret (the secret itself is shown
 *   once and never stored), with a scope, last use and revocation. A token minted by a
 *   pairing code points at the token it was paired from, so revoking one revokes both.
 * - `pairing_codes`: short single-use codes the browser extension trades for a token, also
 *   stored hashed, each expiring minutes after it was made.
 */
export function apiTokensSchema(dialect: Dialect): string[] {
  const time = dialect === 'postgres' ? 'timestamptz' : 'text';
  const id = dialect === 'postgres' ? 'text collate "C"' : 'text';
  return [
    `create table api_tokens (
      id ${id} primary key,
      name text not null,
      scope text not null check (scope in ('read', 'write')),
      token_hash text not null unique,
      prefix text not null,
      parent_id text references api_tokens (id),
      created_at ${time} not null,
      last_used_at ${time},
      revoked_at ${time}
    )`,
    // A name picks out one live token (revoke by name); revoked names may be reused.
    `create unique index api_tokens_live_name_idx on api_tokens (name) where revoked_at is null`,
    `create index api_tokens_parent_idx on api_tokens (parent_id)`,
    `create table pairing_codes (
      code_hash text primary key,
      token_id text not null references api_tokens (id),
      created_at ${time} not null,
      expires_at ${time} not null,
      used_at ${time}
    )`,
  ];
}

import type { TokenStore, Tokens } from '@applydesk/sources';
import type { SecretVault } from './vault.js';

/** The vault name of a source's OAuth tokens. */
export function tokenSecretName(sourceId: string): string {
  return `oauth:${sourceId}`;
}

/**
 * A TokenStore kept encrypted in the database, one per source. Until the user signs in with
 * `applydesk sources auth`, tokens given in the environment (if any) are the starting point.
 */
export function vaultTokenStore(
  vault: SecretVault,
  sourceId: string,
  seed: Tokens | null = null,
): TokenStore {
  const name = tokenSecretName(sourceId);
  return {
    async load() {
      const stored = await vault.get(name);
      if (stored === null) return seed === null ? null : { ...seed };
      return JSON.parse(stored) as Tokens;
    },
    save: (tokens) => vault.put(name, JSON.stringify(tokens)),
  };
}

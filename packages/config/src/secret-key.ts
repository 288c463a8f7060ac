import { randomBytes, scryptSync } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '@applydesk/domain';

export const SECRET_KEY_FILE = 'secret.key';
const KEY_BYTES = 32;

/**
 * The key that encrypts what ApplyDesk keeps for the user (OAuth tokens) in its database.
 * APPLYDESK_SECRET_KEY wins (any passphrase; stretched with scrypt), so a server can keep the
 * key outside its data directory; otherwise a random key in `<home>/secret.key` (0600),
 * created the first time one is needed. Losing the key loses only the tokens: the user signs
 * in again.
 */
export function resolveSecretKey(home: string, envValue: string | undefined): Uint8Array {
  if (envValue !== undefined && envValue.trim() !== '') {
    return scryptSync(envValue.trim(), 'applydesk/secrets/v1', KEY_BYTES);
  }
  const path = join(home, SECRET_KEY_FILE);
  try {
    if (existsSync(path)) {
      const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
      if (key.length !== KEY_BYTES) {
        throw new DomainError(
          'CONFIG_INVALID',
          `${path} does not hold a ${KEY_BYTES}-byte key in base64`,
          {
            hint: `restore the file, or delete it (stored tokens are then lost: sign in again)`,
          },
        );
      }
      return key;
    }
    mkdirSync(home, { recursive: true });
    const key = randomBytes(KEY_BYTES);
    writeFileSync(path, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(path, 0o600);
    return key;
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new DomainError(
      'CONFIG_INVALID',
      `cannot read or create the secret key ${path} (${reason})`,
      {
        hint: 'set APPLYDESK_SECRET_KEY, or make APPLYDESK_HOME writable',
        cause: error,
      },
    );
  }
}

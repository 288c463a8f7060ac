import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DomainError } from '@applydesk/domain';
import type { SecretRepository } from '@applydesk/store';

const VERSION = 'v1';

/**
 * Keeps values for the user (OAuth tokens) encrypted at rest: AES-256-GCM with a fresh IV per
 * write, the secret's name bound as additional data so a ciphertext copied under another name
 * does not decrypt. The store only ever holds `v1.<iv>.<tag>.<ciphertext>` (base64url).
 */
export class SecretVault {
  constructor(
    private readonly repository: SecretRepository,
    private readonly key: () => Uint8Array,
  ) {}

  async put(name: string, value: string): Promise<void> {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key(), iv);
    cipher.setAAD(Buffer.from(name, 'utf8'));
    const data = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url'));
    await this.repository.put(name, [VERSION, ...parts].join('.'));
  }

  /** The value, or null when none is stored; UNAUTHORIZED when the key does not open it. */
  async get(name: string): Promise<string | null> {
    const stored = await this.repository.get(name);
    if (stored === null) return null;
    const [version, iv, tag, data] = stored.split('.');
    try {
      if (version !== VERSION || iv === undefined || tag === undefined || data === undefined)
        throw new Error(`unknown format ${version ?? ''}`);
      const decipher = createDecipheriv('aes-256-gcm', this.key(), Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(name, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(data, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    } catch (error) {
      throw new DomainError(
        'UNAUTHORIZED',
        `the stored secret "${name}" cannot be decrypted with this secret key`,
        {
          hint: 'APPLYDESK_SECRET_KEY or <home>/secret.key changed since it was stored: restore the key, or sign in again',
          cause: error,
        },
      );
    }
  }

  delete(name: string): Promise<boolean> {
    return this.repository.delete(name);
  }
}

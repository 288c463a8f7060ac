import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '@applydesk/domain';
import { resolveSecretKey, SECRET_KEY_FILE } from './secret-key.js';

const home = () => mkdtempSync(join(tmpdir(), 'applydesk-key-'));

describe('resolveSecretKey', () => {
  it('creates a random 32-byte key file readable by the owner only, then reads the same key', () => {
    const dir = home();
    const first = resolveSecretKey(dir, undefined);
    const path = join(dir, SECRET_KEY_FILE);
    expect(first).toHaveLength(32);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(path, 'utf8').trim(), 'base64')).toEqual(Buffer.from(first));
    expect(Buffer.from(resolveSecretKey(dir, undefined))).toEqual(Buffer.from(first));
    expect(Buffer.from(resolveSecretKey(home(), undefined))).not.toEqual(Buffer.from(first));
  });

  it('derives the key from APPLYDESK_SECRET_KEY when set, without writing a file', () => {
    const dir = home();
    const a = resolveSecretKey(dir, 'correct horse battery staple');
    expect(a).toHaveLength(32);
    expect(Buffer.from(resolveSecretKey(home(), 'correct horse battery staple'))).toEqual(
      Buffer.from(a),
    );
    expect(Buffer.from(resolveSecretKey(dir, 'another passphrase'))).not.toEqual(Buffer.from(a));
    expect(() => statSync(join(dir, SECRET_KEY_FILE))).toThrow();
  });

  it('refuses a key file that does not hold a key, naming the file', () => {
    const dir = home();
    writeFileSync(join(dir, SECRET_KEY_FILE), 'not a key\n');
    let caught: unknown;
    try {
      resolveSecretKey(dir, undefined);
    } catch (error) {
      caught = error;
    }
    expect(isDomainError(caught) && caught.code).toBe('CONFIG_INVALID');
    expect(String((caught as Error).message)).toContain(join(dir, SECRET_KEY_FILE));
  });
});

import { createHash } from 'node:crypto';
import { isDomainError } from '@applydesk/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../repositories.js';
import { executeRawForTests } from '../store.js';
import { jobInput, uniqueSource } from './fixtures.js';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
  throw new Error('expected a DomainError, but the call succeeded');
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

let counter = 0;
const uniqueName = (base: string) => `${base}-${process.pid}-${++counter}`;

/** API tokens, pairing codes and monitoring totals, the same on every database. */
export function defineApiTokenConformance(
  label: string,
  open: () => Promise<Store>,
  cleanup?: () => Promise<void>,
): void {
  describe(label, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store?.close();
      await cleanup?.();
    });

    it('mints a secret shown once, stores only its hash, and verifies it', async () => {
      const name = uniqueName('laptop');
      const { token, secret } = await store.apiTokens.create({ name, scope: 'read' });
      expect(secret).toMatch(/^adk_[A-Za-z0-9_-]{43}$/);
      expect(token).toMatchObject({ name, scope: 'read', parentId: null, revokedAt: null });
      expect(secret.startsWith(token.prefix)).toBe(true);
      expect(token.prefix.length).toBeLessThan(12);
      const listed = (await store.apiTokens.list()).find((t) => t.id === token.id);
      expect(listed).toEqual(token);
      expect(JSON.stringify(listed)).not.toContain(secret.slice(12));

      const verified = await store.apiTokens.verify(secret);
      expect(verified?.id).toBe(token.id);
      expect(verified?.lastUsedAt).not.toBeNull();
      expect(await store.apiTokens.verify(`${secret}x`)).toBeNull();
      expect(await store.apiTokens.verify('not-a-token')).toBeNull();
      expect(await store.apiTokens.verify('')).toBeNull();
    });

    it('refuses a second live token of the same name, bad names and bad scopes', async () => {
      const name = uniqueName('dup');
      await store.apiTokens.create({ name, scope: 'write' });
      expect(await codeOf(store.apiTokens.create({ name, scope: 'read' }))).toBe('CONFLICT');
      expect(await codeOf(store.apiTokens.create({ name: 'has space', scope: 'read' }))).toBe(
        'INVALID_INPUT',
      );
      expect(
        await codeOf(store.apiTokens.create({ name: uniqueName('x'), scope: 'admin' as 'read' })),
      ).toBe('INVALID_INPUT');
    });

    it('revokes by name or id; a revoked token no longer verifies and its name is free', async () => {
      const name = uniqueName('old');
      const first = await store.apiTokens.create({ name, scope: 'write' });
      const before = await store.apiTokens.countLive();
      const revoked = await store.apiTokens.revoke(name);
      expect(revoked?.id).toBe(first.token.id);
      expect(revoked?.revokedAt).not.toBeNull();
      expect(await store.apiTokens.countLive()).toBe(before - 1);
      expect(await store.apiTokens.verify(first.secret)).toBeNull();
      expect((await store.apiTokens.list()).some((t) => t.id === first.token.id)).toBe(false);
      expect(
        (await store.apiTokens.list({ includeRevoked: true })).some((t) => t.id === first.token.id),
      ).toBe(true);
      // Revoking again answers the revoked token; an unknown name answers null.
      expect((await store.apiTokens.revoke(first.token.id))?.id).toBe(first.token.id);
      expect(await store.apiTokens.revoke(uniqueName('nobody'))).toBeNull();

      const second = await store.apiTokens.create({ name, scope: 'read' });
      expect((await store.apiTokens.revoke(second.token.id))?.name).toBe(name);
    });

    it('trades a pairing code once for a token paired from the first, with its scope', async () => {
      const parent = await store.apiTokens.create({ name: uniqueName('ext'), scope: 'write' });
      const { code, expiresAt } = await store.apiTokens.createPairingCode(
        parent.token.id,
        10 * 60_000,
      );
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(9 * 60_000);

      // Typed in lower case without the dash: still the same code.
      const paired = await store.apiTokens.redeemPairingCode(code.replace('-', '').toLowerCase());
      expect(paired).not.toBeNull();
      expect(paired?.token).toMatchObject({ scope: 'write', parentId: parent.token.id });
      expect(paired?.secret).not.toBe(parent.secret);
      expect((await store.apiTokens.verify(paired!.secret))?.id).toBe(paired?.token.id);
      expect(await store.apiTokens.redeemPairingCode(code)).toBeNull();
      expect(await store.apiTokens.redeemPairingCode('ZZZZ-ZZZZ')).toBeNull();

      // Revoking the token revokes what was paired from it.
      await store.apiTokens.revoke(parent.token.id);
      expect(await store.apiTokens.verify(paired!.secret)).toBeNull();
    });

    it('refuses an expired code, and a code of a revoked token', async () => {
      const parent = await store.apiTokens.create({ name: uniqueName('late'), scope: 'read' });
      const expired = await store.apiTokens.createPairingCode(parent.token.id, -1);
      expect(await store.apiTokens.redeemPairingCode(expired.code)).toBeNull();
      const fresh = await store.apiTokens.createPairingCode(parent.token.id, 60_000);
      await store.apiTokens.revoke(parent.token.id);
      expect(await store.apiTokens.redeemPairingCode(fresh.code)).toBeNull();
      expect(await codeOf(store.apiTokens.createPairingCode(parent.token.id, 60_000))).toBe(
        'NOT_FOUND',
      );
    });

    it('stores the SHA-256 of the secret and of the code, not the values', async () => {
      const issued = await store.apiTokens.create({ name: uniqueName('hash'), scope: 'read' });
      const { code } = await store.apiTokens.createPairingCode(issued.token.id, 60_000);
      // Reaching each row by the hash of its clear value proves that is what is stored.
      await executeRawForTests(
        store,
        `delete from pairing_codes where code_hash = '${sha256(code.replace('-', ''))}'`,
      );
      expect(await store.apiTokens.redeemPairingCode(code)).toBeNull();
      await executeRawForTests(
        store,
        `update api_tokens set revoked_at = created_at where token_hash = '${sha256(issued.secret)}'`,
      );
      expect(await store.apiTokens.verify(issued.secret)).toBeNull();
    });

    it('counts jobs by source and LLM calls by provider for the metrics endpoint', async () => {
      const source = uniqueSource('stats');
      const before = await store.stats.snapshot();
      await store.jobs.upsert({ ...jobInput({ sourceType: source }), contentHash: 'h1' }, 'test');
      await store.jobs.upsert({ ...jobInput({ sourceType: source }), contentHash: 'h2' }, 'test');
      const provider = uniqueSource('prov');
      const call = {
        at: new Date().toISOString(),
        task: 'drafting',
        provider,
        model: 'm1',
        inputTokens: 100,
        outputTokens: 20,
        costUsd: 0.5,
        priceKnown: true,
        latencyMs: 10,
        outcome: 'ok' as const,
        errorKind: null,
        errorMessage: null,
        jobId: null,
        draftId: null,
      };
      await store.llmCalls.record(call);
      await store.llmCalls.record({ ...call, costUsd: 0.25 });
      await store.llmCalls.record({
        ...call,
        outcome: 'error',
        errorKind: 'rate_limited',
        inputTokens: 0,
        outputTokens: 0,
        costUsd: 0,
      });
      const after = await store.stats.snapshot();
      expect(before.jobsBySource.find((r) => r.sourceType === source)).toBeUndefined();
      expect(after.jobsBySource.find((r) => r.sourceType === source)?.count).toBe(2);
      const ok = after.llmCalls.find((r) => r.provider === provider && r.outcome === 'ok');
      expect(ok).toMatchObject({ model: 'm1', count: 2, inputTokens: 200, outputTokens: 40 });
      expect(ok?.costUsd).toBeCloseTo(0.75, 10);
      expect(
        after.llmCalls.find((r) => r.provider === provider && r.outcome === 'error'),
      ).toMatchObject({ errorKind: 'rate_limited', count: 1 });
    });
  });
}

import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '@applydesk/domain';
import type { Selectable } from 'kysely';
import { nowIso, toCount, type Codec } from '../codec.js';
import { withTx, type StoreContext } from '../context.js';
import type { ApiTokensTable } from '../db.js';
import { isUniqueViolation } from '../errors.js';
import type {
  ApiToken,
  ApiTokenRepository,
  ApiTokenScope,
  IssuedApiToken,
} from '../repositories.js';

/** Every secret starts with this, so a leaked one is recognizable (secret scanners, logs). */
export const API_TOKEN_PREFIX = 'adk_';
/** Characters of the secret kept for display: the prefix plus 6 of the random part. */
const SHOWN = API_TOKEN_PREFIX.length + 6;
/** Crockford base32 without I, L, O, U: codes read aloud or typed survive confusion. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 8;
/** Skips the write of last_used_at when it was written this recently: one write per request is waste. */
const TOUCH_EVERY_MS = 60_000;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,63}$/;

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function fromRow(codec: Codec, row: Selectable<ApiTokensTable>): ApiToken {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope as ApiTokenScope,
    prefix: row.prefix,
    parentId: row.parent_id,
    createdAt: codec.readTime(row.created_at),
    lastUsedAt: codec.readTimeOrNull(row.last_used_at),
    revokedAt: codec.readTimeOrNull(row.revoked_at),
  };
}

/** A code as typed: case, dashes and spaces ignored, and the letters Crockford maps to digits. */
export function normalizePairingCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
}

function newPairingCode(): string {
  // 256 is a multiple of 32, so taking each byte modulo 32 keeps every character equally likely.
  const chars = [...randomBytes(CODE_LENGTH)].map((b) => CODE_ALPHABET.charAt(b % 32)).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** Bearer tokens and pairing codes, both kept only as SHA-256 hashes. */
export class SqlApiTokenRepository implements ApiTokenRepository {
  constructor(private readonly ctx: StoreContext) {}

  async create(input: {
    name: string;
    scope: ApiTokenScope;
    parentId?: string;
  }): Promise<IssuedApiToken> {
    if (!NAME.test(input.name))
      throw new DomainError('INVALID_INPUT', `token name "${input.name}" is not valid`, {
        hint: 'use up to 64 letters, digits and . _ : @ -, starting with a letter or digit',
      });
    if (input.scope !== 'read' && input.scope !== 'write')
      throw new DomainError(
        'INVALID_INPUT',
        `token scope must be read or write (got "${String(input.scope)}")`,
      );
    if (await this.live(input.name)) throw this.nameTaken(input.name);
    const secret = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const row = {
      id: `tok_${randomBytes(10).toString('hex')}`,
      name: input.name,
      scope: input.scope,
      token_hash: sha256(secret),
      prefix: secret.slice(0, SHOWN),
      parent_id: input.parentId ?? null,
      created_at: this.ctx.codec.time(nowIso()),
      last_used_at: null,
      revoked_at: null,
    };
    try {
      await this.ctx.db.insertInto('api_tokens').values(row).execute();
    } catch (error) {
      // Two creators raced past the check above.
      if (isUniqueViolation(error)) throw this.nameTaken(input.name);
      throw error;
    }
    return { token: fromRow(this.ctx.codec, row), secret };
  }

  async list(options: { includeRevoked?: boolean } = {}): Promise<ApiToken[]> {
    let query = this.ctx.db.selectFrom('api_tokens').selectAll();
    if (options.includeRevoked !== true) query = query.where('revoked_at', 'is', null);
    const rows = await query.orderBy('created_at').orderBy('id').execute();
    return rows.map((row) => fromRow(this.ctx.codec, row));
  }

  async countLive(): Promise<number> {
    const row = await this.ctx.db
      .selectFrom('api_tokens')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return toCount(row?.n);
  }

  async revoke(nameOrId: string): Promise<ApiToken | null> {
    return withTx(this.ctx, async (tx) => {
      const row =
        (await tx.db
          .selectFrom('api_tokens')
          .selectAll()
          .where('id', '=', nameOrId)
          .executeTakeFirst()) ??
        (await tx.db
          .selectFrom('api_tokens')
          .selectAll()
          .where('name', '=', nameOrId)
          .where('revoked_at', 'is', null)
          .executeTakeFirst());
      if (row === undefined) return null;
      if (row.revoked_at !== null) return fromRow(tx.codec, row);
      const at = tx.codec.time(nowIso());
      await tx.db
        .updateTable('api_tokens')
        .set({ revoked_at: at })
        .where((eb) => eb.or([eb('id', '=', row.id), eb('parent_id', '=', row.id)]))
        .where('revoked_at', 'is', null)
        .execute();
      return fromRow(tx.codec, { ...row, revoked_at: at });
    });
  }

  async verify(secret: string): Promise<ApiToken | null> {
    if (!secret.startsWith(API_TOKEN_PREFIX)) return null;
    const row = await this.ctx.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('token_hash', '=', sha256(secret))
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (row === undefined) return null;
    const now = Date.now();
    const last = row.last_used_at === null ? null : this.ctx.codec.readTime(row.last_used_at);
    if (last === null || now - Date.parse(last) >= TOUCH_EVERY_MS) {
      const at = this.ctx.codec.time(new Date(now).toISOString());
      await this.ctx.db
        .updateTable('api_tokens')
        .set({ last_used_at: at })
        .where('id', '=', row.id)
        .execute();
      row.last_used_at = at;
    }
    return fromRow(this.ctx.codec, row);
  }

  async createPairingCode(
    tokenId: string,
    ttlMs: number,
  ): Promise<{ code: string; expiresAt: string }> {
    const token = await this.ctx.db
      .selectFrom('api_tokens')
      .select('id')
      .where('id', '=', tokenId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (token === undefined)
      throw new DomainError('NOT_FOUND', `no live API token has the id ${tokenId}`);
    const code = newPairingCode();
    const now = Date.now();
    const expiresAt = new Date(now + ttlMs).toISOString();
    await this.ctx.db
      .insertInto('pairing_codes')
      .values({
        code_hash: sha256(normalizePairingCode(code)),
        token_id: tokenId,
        created_at: this.ctx.codec.time(new Date(now).toISOString()),
        expires_at: this.ctx.codec.time(expiresAt),
        used_at: null,
      })
      .execute();
    return { code, expiresAt };
  }

  async redeemPairingCode(code: string): Promise<IssuedApiToken | null> {
    const hash = sha256(normalizePairingCode(code));
    return withTx(this.ctx, async (tx) => {
      const now = tx.codec.time(nowIso());
      // Marking the code used in the same statement that checks it makes a second redeemer
      // (a replay, a race) find nothing to update.
      const used = await tx.db
        .updateTable('pairing_codes')
        .set({ used_at: now })
        .where('code_hash', '=', hash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      if (toCount(used.numUpdatedRows) === 0) return null;
      const parent = await tx.db
        .selectFrom('pairing_codes')
        .innerJoin('api_tokens', 'api_tokens.id', 'pairing_codes.token_id')
        .selectAll('api_tokens')
        .where('pairing_codes.code_hash', '=', hash)
        .where('api_tokens.revoked_at', 'is', null)
        .executeTakeFirst();
      if (parent === undefined) return null;
      const suffix = randomBytes(3).toString('hex');
      const repo = new SqlApiTokenRepository(tx);
      return repo.create({
        name: `${parent.name.slice(0, 50)}:paired-${suffix}`,
        scope: parent.scope as ApiTokenScope,
        parentId: parent.id,
      });
    });
  }

  private async live(name: string): Promise<boolean> {
    const row = await this.ctx.db
      .selectFrom('api_tokens')
      .select('id')
      .where('name', '=', name)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row !== undefined;
  }

  private nameTaken(name: string): DomainError {
    return new DomainError('CONFLICT', `an API token named "${name}" already exists`, {
      hint: `pick another name, or revoke it first with \`applydesk token revoke ${name}\``,
    });
  }
}

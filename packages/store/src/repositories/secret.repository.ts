import { nowIso, toCount } from '../codec.js';
import type { StoreContext } from '../context.js';
import type { SecretRepository } from '../repositories.js';

/** Ciphertexts by name. The store never sees a secret in clear: callers encrypt first. */
export class SqlSecretRepository implements SecretRepository {
  constructor(private readonly ctx: StoreContext) {}

  async get(name: string): Promise<string | null> {
    const row = await this.ctx.db
      .selectFrom('secrets')
      .select('ciphertext')
      .where('name', '=', name)
      .executeTakeFirst();
    return row?.ciphertext ?? null;
  }

  async put(name: string, ciphertext: string): Promise<void> {
    const updatedAt = this.ctx.codec.time(nowIso());
    await this.ctx.db
      .insertInto('secrets')
      .values({ name, ciphertext, updated_at: updatedAt })
      .onConflict((oc) => oc.column('name').doUpdateSet({ ciphertext, updated_at: updatedAt }))
      .execute();
  }

  async delete(name: string): Promise<boolean> {
    const result = await this.ctx.db
      .deleteFrom('secrets')
      .where('name', '=', name)
      .executeTakeFirst();
    return toCount(result.numDeletedRows) > 0;
  }

  async names(): Promise<string[]> {
    const rows = await this.ctx.db.selectFrom('secrets').select('name').orderBy('name').execute();
    return rows.map((row) => row.name);
  }
}

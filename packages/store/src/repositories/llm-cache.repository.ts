import { nowIso } from '../codec.js';
import type { StoreContext } from '../context.js';
import type { LlmCacheEntry, LlmCacheRepository } from '../repositories.js';

export class SqlLlmCacheRepository implements LlmCacheRepository {
  constructor(private readonly ctx: StoreContext) {}

  async get(key: string): Promise<(LlmCacheEntry & { createdAt: string }) | null> {
    const row = await this.ctx.db
      .selectFrom('llm_cache')
      .selectAll()
      .where('key', '=', key)
      .executeTakeFirst();
    if (row === undefined) return null;
    const usage = this.ctx.codec.readJson(row.usage) as Partial<LlmCacheEntry['usage']> | null;
    return {
      key: row.key,
      provider: row.provider,
      model: row.model,
      text: row.text,
      usage: { inputTokens: usage?.inputTokens ?? 0, outputTokens: usage?.outputTokens ?? 0 },
      createdAt: this.ctx.codec.readTime(row.created_at),
    };
  }

  async put(entry: LlmCacheEntry): Promise<void> {
    await this.ctx.db
      .insertInto('llm_cache')
      .values({
        key: entry.key,
        provider: entry.provider,
        model: entry.model,
        text: entry.text,
        usage: this.ctx.codec.json(entry.usage),
        created_at: nowIso(),
      })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => ({
          provider: eb.ref('excluded.provider'),
          model: eb.ref('excluded.model'),
          text: eb.ref('excluded.text'),
          usage: eb.ref('excluded.usage'),
          created_at: eb.ref('excluded.created_at'),
        })),
      )
      .execute();
  }
}

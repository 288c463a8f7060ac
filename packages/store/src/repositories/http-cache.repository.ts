import { nowIso, toCount } from '../codec.js';
import { chunks, withTx, type StoreContext } from '../context.js';
import type { HttpCacheEntry, HttpCacheRepository } from '../repositories.js';

/** 6 columns a row; bodies can be large, so few rows a statement. */
const CHUNK = 50;

export class SqlHttpCacheRepository implements HttpCacheRepository {
  constructor(private readonly ctx: StoreContext) {}

  async load(sourceId: string): Promise<HttpCacheEntry[]> {
    const rows = await this.ctx.db
      .selectFrom('http_cache')
      .select(['url', 'etag', 'last_modified', 'body'])
      .where('source_id', '=', sourceId)
      .orderBy('url')
      .execute();
    return rows.map((row) => ({
      url: row.url,
      etag: row.etag,
      lastModified: row.last_modified,
      body: row.body,
    }));
  }

  async save(sourceId: string, entries: HttpCacheEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const unique = [...new Map(entries.map((entry) => [entry.url, entry])).values()];
    const storedAt = nowIso();
    await withTx(this.ctx, async (tx) => {
      for (const part of chunks(unique, CHUNK)) {
        await tx.db
          .insertInto('http_cache')
          .values(
            part.map((entry) => ({
              source_id: sourceId,
              url: entry.url,
              etag: entry.etag,
              last_modified: entry.lastModified,
              body: entry.body,
              stored_at: storedAt,
            })),
          )
          .onConflict((oc) =>
            oc.columns(['source_id', 'url']).doUpdateSet((eb) => ({
              etag: eb.ref('excluded.etag'),
              last_modified: eb.ref('excluded.last_modified'),
              body: eb.ref('excluded.body'),
              stored_at: eb.ref('excluded.stored_at'),
            })),
          )
          .execute();
      }
    });
  }

  async clear(sourceId: string, keepUrls?: string[]): Promise<number> {
    let query = this.ctx.db.deleteFrom('http_cache').where('source_id', '=', sourceId);
    if (keepUrls !== undefined && keepUrls.length > 0)
      query = query.where('url', 'not in', keepUrls);
    const result = await query.executeTakeFirst();
    return toCount(result.numDeletedRows);
  }
}

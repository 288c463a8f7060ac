import type { Job, Rejection } from '@applydesk/domain';
import { sql, type Selectable } from 'kysely';
import { toCount } from '../codec.js';
import { chunks, withTx, type StoreContext } from '../context.js';
import type { JobFeaturesTable } from '../db.js';
import type { JobFeaturesEntry, JobFeaturesRepository } from '../repositories.js';
import { JOB_LIST_COLUMNS, baseFromRow, type JobRowWithoutRaw } from './job.mapper.js';

/** 9 columns a row. */
const CHUNK = 500;

/** Open canonical jobs: the ones ranking scores (a duplicate is ranked as its canonical job). */
const RANKED = sql`j.status = 'open' and j.duplicate_of is null`;
/**
 * The same test written so SQLite cannot answer it from the status or duplicate indexes: the
 * keyset pages below must walk jobs in id order and stop at the page's end. Through an index
 * on status, SQLite reads every open job and sorts them for each page, which turns paging
 * 100k postings quadratic.
 */
const RANKED_BY_ID = sql`(j.status || '') = 'open' and coalesce(j.duplicate_of, '') = ''`;

export class SqlJobFeaturesRepository implements JobFeaturesRepository {
  constructor(private readonly ctx: StoreContext) {}

  private stale(version: number, rulesKey: string) {
    return sql`(f.job_id is null or f.content_hash <> j.content_hash
      or f.version <> ${version} or f.rules_key <> ${rulesKey})`;
  }

  async pending(options: {
    version: number;
    rulesKey: string;
    afterId?: string;
    limit: number;
  }): Promise<Omit<Job, 'raw'>[]> {
    const columns = sql.join(JOB_LIST_COLUMNS.map((column) => sql.ref(`j.${column}`)));
    const after = options.afterId === undefined ? sql`` : sql`and j.id > ${options.afterId}`;
    const rows = await sql<JobRowWithoutRaw>`
      select ${columns} from jobs j left join job_features f on f.job_id = j.id
      where ${RANKED_BY_ID} and ${this.stale(options.version, options.rulesKey)} ${after}
      order by j.id limit ${Math.max(1, Math.trunc(options.limit))}
    `.execute(this.ctx.db);
    return rows.rows.map((row) => baseFromRow(this.ctx.codec, row));
  }

  async countPending(options: { version: number; rulesKey: string }): Promise<number> {
    const rows = await sql<{ n: number | string }>`
      select count(*) as n from jobs j left join job_features f on f.job_id = j.id
      where ${RANKED} and ${this.stale(options.version, options.rulesKey)}
    `.execute(this.ctx.db);
    return toCount(rows.rows[0]?.n);
  }

  async upsertMany(entries: JobFeaturesEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const unique = [...new Map(entries.map((entry) => [entry.jobId, entry])).values()];
    const { codec } = this.ctx;
    await withTx(this.ctx, async (tx) => {
      for (const part of chunks(unique, CHUNK)) {
        await tx.db
          .insertInto('job_features')
          .values(
            part.map((entry) => ({
              job_id: entry.jobId,
              content_hash: entry.contentHash,
              version: entry.version,
              data: codec.json(entry.data),
              company_key: entry.companyKey,
              posted_at: codec.timeOrNull(entry.postedAt),
              rules_key: entry.rulesKey,
              rejected_rule: entry.rejection?.rule ?? null,
              rejected_reason: entry.rejection?.reason ?? null,
            })),
          )
          .onConflict((oc) =>
            oc.column('job_id').doUpdateSet((eb) => ({
              content_hash: eb.ref('excluded.content_hash'),
              version: eb.ref('excluded.version'),
              data: eb.ref('excluded.data'),
              company_key: eb.ref('excluded.company_key'),
              posted_at: eb.ref('excluded.posted_at'),
              rules_key: eb.ref('excluded.rules_key'),
              rejected_rule: eb.ref('excluded.rejected_rule'),
              rejected_reason: eb.ref('excluded.rejected_reason'),
            })),
          )
          .execute();
      }
    });
  }

  async *stream(options: { pageSize?: number } = {}): AsyncIterable<JobFeaturesEntry[]> {
    const size = Math.max(1, Math.trunc(options.pageSize ?? 5000));
    let after: string | null = null;
    for (;;) {
      const rows: Selectable<JobFeaturesTable>[] = (
        await sql<Selectable<JobFeaturesTable>>`
          select f.* from job_features f cross join jobs j -- f first: keyset order (SQLite)
          where j.id = f.job_id and ${RANKED_BY_ID} and f.content_hash = j.content_hash
          ${after === null ? sql`` : sql`and f.job_id > ${after}`}
          order by f.job_id limit ${size}
        `.execute(this.ctx.db)
      ).rows;
      if (rows.length === 0) return;
      yield rows.map((row) => this.fromRow(row));
      if (rows.length < size) return;
      after = rows[rows.length - 1]?.job_id ?? null;
    }
  }

  private fromRow(row: Selectable<JobFeaturesTable>): JobFeaturesEntry {
    const { codec } = this.ctx;
    return {
      jobId: row.job_id,
      contentHash: row.content_hash,
      version: Number(row.version),
      data: codec.readJson(row.data),
      companyKey: row.company_key,
      postedAt: codec.readTimeOrNull(row.posted_at),
      rulesKey: row.rules_key,
      rejection:
        row.rejected_rule === null
          ? null
          : ({ rule: row.rejected_rule, reason: row.rejected_reason ?? '' } as Rejection),
    };
  }
}

import type { Job, Rejection } from '@applydesk/domain';
import { sql, type Selectable } from 'kysely';
import { toCount } from '../codec.js';
import { chunks, withTx, type StoreContext } from '../context.js';
import type { JobFeaturesTable } from '../db.js';
import type { JobFeaturesEntry, JobFeaturesRepository, RankBasis } from '../repositories.js';
import { JOB_LIST_COLUMNS, baseFromRow, type JobRowWithoutRaw } from './job.mapper.js';

/** What rankBases reads of a features row: everything but the features. */
interface BasisRow {
  job_id: string;
  content_hash: string;
  company_key: string;
  posted_at: Date | string | null;
  rejected_rule: string | null;
  rejected_reason: string | null;
}

interface MatchBasisRow {
  job_id: string;
  content_hash: string | null;
  scoring_key: string | null;
  score: number | string;
  overridden: number | boolean;
  rejected_rule: string | null;
}

/** 9 columns a row. */
const CHUNK = 500;

/**
 * Open canonical jobs: the ones ranking scores (a duplicate is ranked as its canonical job).
 * Written so SQLite cannot answer it from the status or duplicate indexes: the keyset pages
 * below must walk jobs in id order and stop at the page's end. Through an index on status,
 * SQLite reads every open job and sorts them for each page, which turns paging 100k postings
 * quadratic.
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
    // Ranked jobs less those with current features (features are one row per job): both
    // counts are answered from covering indexes (migration 0006), never from the wide job or
    // features rows, so a run with nothing pending pays ~0.1 s for 100k postings.
    const rows = await sql<{ n: number | string }>`
      select (select count(*) from jobs j where ${RANKED_BY_ID})
        - (select count(*) from job_features f cross join jobs j
           where j.id = f.job_id and ${RANKED_BY_ID} and f.content_hash = j.content_hash
           and f.version = ${options.version} and f.rules_key = ${options.rulesKey}) as n
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

  async *rankBases(
    profileId: string,
    options: { pageSize?: number } = {},
  ): AsyncIterable<RankBasis[]> {
    const size = Math.max(1, Math.trunc(options.pageSize ?? 10_000));
    const { codec } = this.ctx;
    let after: string | null = null;
    for (;;) {
      // No features column: decoding them is what a run with nothing changed must not pay.
      // Both reads are answered from covering indexes (migration 0006); matches come in a
      // second range read because a join would look each one up through the primary key,
      // reading the wide match rows.
      const rows: BasisRow[] = (
        await sql<BasisRow>`
          select f.job_id, f.content_hash, f.company_key, f.posted_at, f.rejected_rule,
            f.rejected_reason
          from job_features f cross join jobs j -- f first: keyset order (SQLite)
          where j.id = f.job_id and ${RANKED_BY_ID} and f.content_hash = j.content_hash
          ${after === null ? sql`` : sql`and f.job_id > ${after}`}
          order by f.job_id limit ${size}
        `.execute(this.ctx.db)
      ).rows;
      if (rows.length === 0) return;
      const matches = (
        await sql<MatchBasisRow>`
          select job_id, content_hash, scoring_key, score, overridden, rejected_rule
          from matches where profile_id = ${profileId}
          and job_id >= ${rows[0]!.job_id} and job_id <= ${rows[rows.length - 1]!.job_id}
        `.execute(this.ctx.db)
      ).rows;
      const matchOf = new Map<string, MatchBasisRow>();
      for (const m of matches) matchOf.set(m.job_id, m);
      const page: RankBasis[] = new Array<RankBasis>(rows.length);
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i]!;
        const m = matchOf.get(row.job_id);
        page[i] = {
          jobId: row.job_id,
          contentHash: row.content_hash,
          companyKey: row.company_key,
          postedAt: codec.readTimeOrNull(row.posted_at),
          rejection:
            row.rejected_rule === null
              ? null
              : ({ rule: row.rejected_rule, reason: row.rejected_reason ?? '' } as Rejection),
          match:
            m === undefined
              ? null
              : {
                  contentHash: m.content_hash,
                  scoringKey: m.scoring_key,
                  score: Number(m.score),
                  overridden: m.overridden === true || m.overridden === 1,
                  rejectedRule: m.rejected_rule,
                },
        };
      }
      yield page;
      if (rows.length < size) return;
      after = rows[rows.length - 1]?.job_id ?? null;
    }
  }

  async getMany(jobIds: readonly string[]): Promise<JobFeaturesEntry[]> {
    const out: JobFeaturesEntry[] = [];
    for (const part of chunks([...new Set(jobIds)], CHUNK)) {
      const rows = await sql<Selectable<JobFeaturesTable>>`
        select f.* from job_features f join jobs j on j.id = f.job_id
        where f.job_id in (${sql.join(part)}) and f.content_hash = j.content_hash
        order by f.job_id
      `.execute(this.ctx.db);
      for (const row of rows.rows) out.push(this.fromRow(row));
    }
    return out;
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

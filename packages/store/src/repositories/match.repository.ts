import type { Match, MatchReason, MatchSkills, Rejection } from '@applydesk/domain';
import { CompiledQuery, sql, type Insertable, type Selectable } from 'kysely';
import { toCount, type Codec } from '../codec.js';
import { chunks, withTx, type StoreContext } from '../context.js';
import type { MatchesTable } from '../db.js';
import { translateConstraint } from '../errors.js';
import type { MatchBasis, MatchRepository, MatchWrite, RankingCorpus } from '../repositories.js';

/** 12 columns a row: 500 rows stay well under every bind-parameter limit. */
const CHUNK = 500;

/** Row <-> domain mapping for `matches`. */
function toRow(ctx: StoreContext, match: MatchWrite): Insertable<MatchesTable> {
  const { codec } = ctx;
  return {
    job_id: match.jobId,
    profile_id: match.profileId,
    score: match.score,
    components: codec.json(match.components),
    reasons: codec.json(match.reasons),
    skills: codec.json(match.skills),
    rejected_rule: match.rejection?.rule ?? null,
    rejected_reason: match.rejection?.reason ?? null,
    overridden: ctx.dialect === 'postgres' ? match.overridden : match.overridden ? 1 : 0,
    content_hash: match.contentHash ?? null,
    scoring_key: match.scoringKey ?? null,
    computed_at: codec.time(match.computedAt),
  };
}

function fromRow(codec: Codec, row: Selectable<MatchesTable>): Match {
  const skills = codec.readJson(row.skills) as MatchSkills | null;
  return {
    jobId: row.job_id,
    profileId: row.profile_id,
    score: Number(row.score),
    components: codec.readJson(row.components) as Record<string, number>,
    reasons: codec.readJson(row.reasons) as MatchReason[],
    skills: skills ?? { required: [], niceToHave: [] },
    rejection:
      row.rejected_rule === null
        ? null
        : ({ rule: row.rejected_rule, reason: row.rejected_reason ?? '' } as Rejection),
    overridden: row.overridden === true || row.overridden === 1,
    computedAt: codec.readTime(row.computed_at),
  };
}

const COLUMNS = [
  'job_id',
  'profile_id',
  'score',
  'components',
  'reasons',
  'skills',
  'rejected_rule',
  'rejected_reason',
  'overridden',
  'content_hash',
  'scoring_key',
  'computed_at',
] as const satisfies readonly (keyof MatchesTable)[];
/** Overwritten on conflict: everything but the key and the user's override. */
const UPDATED = COLUMNS.filter(
  (c) => c !== 'job_id' && c !== 'profile_id' && c !== 'overridden',
).map((c) => `${c} = excluded.${c}`);
const upsertText = new Map<string, string>();

/**
 * The multi-row upsert as SQL text, by dialect and row count (cached: full chunks repeat).
 * Written out rather than built with Kysely: for a rescore of 100k postings, building and
 * compiling 200 statements of 6,000 values each costs more than running them.
 */
function upsertSql(dialect: StoreContext['dialect'], rows: number): string {
  const key = `${dialect}:${rows}`;
  let text = upsertText.get(key);
  if (text === undefined) {
    const tuples: string[] = [];
    for (let r = 0; r < rows; r++) {
      const slots = COLUMNS.map((_, c) =>
        dialect === 'postgres' ? `$${r * COLUMNS.length + c + 1}` : '?',
      );
      tuples.push(`(${slots.join(', ')})`);
    }
    text = `insert into matches (${COLUMNS.join(', ')}) values ${tuples.join(', ')}
      on conflict (job_id, profile_id) do update set ${UPDATED.join(', ')}`;
    upsertText.set(key, text);
  }
  return text;
}

export class SqlMatchRepository implements MatchRepository {
  constructor(private readonly ctx: StoreContext) {}

  private overriddenValue(on: boolean): number | boolean {
    return this.ctx.dialect === 'postgres' ? on : on ? 1 : 0;
  }

  /** Inserts or overwrites by (jobId, profileId); a pair given twice keeps the last. */
  async upsertMany(matches: MatchWrite[]): Promise<void> {
    if (matches.length === 0) return;
    // One statement cannot touch a row twice (PostgreSQL refuses), so duplicates collapse first.
    const unique = [
      ...new Map(
        matches.map((match) => [`${match.jobId}\u0000${match.profileId}`, match]),
      ).values(),
    ];
    await withTx(this.ctx, async (tx) => {
      for (const part of chunks(unique, CHUNK)) {
        try {
          const params: unknown[] = [];
          for (const match of part) {
            const row = toRow(tx, match);
            for (const column of COLUMNS) params.push(row[column] ?? null);
          }
          await tx.db.executeQuery(CompiledQuery.raw(upsertSql(tx.dialect, part.length), params));
        } catch (error) {
          translateConstraint(
            error,
            'a match conflicts with another',
            'a match names a job or profile that does not exist',
          );
        }
      }
    });
  }

  async get(jobId: string, profileId: string): Promise<Match | null> {
    const row = await this.ctx.db
      .selectFrom('matches')
      .selectAll()
      .where('job_id', '=', jobId)
      .where('profile_id', '=', profileId)
      .executeTakeFirst();
    return row === undefined ? null : fromRow(this.ctx.codec, row);
  }

  async scoreHistogram(profileId: string): Promise<number[]> {
    const pg = this.ctx.dialect === 'postgres';
    const band = pg ? sql`least(9, m.score / 10)` : sql`min(9, m.score / 10)`;
    const canonical = pg ? sql`j.canonical` : sql`j.duplicate_of is null`;
    const result = await sql<{ band: number; n: number | string }>`
      select ${band} as band, count(*) as n
      from matches m join jobs j on j.id = m.job_id
      where m.profile_id = ${profileId} and j.status = 'open' and ${canonical}
      group by 1
    `.execute(this.ctx.db);
    const counts = Array.from({ length: 10 }, () => 0);
    for (const row of result.rows) counts[Number(row.band)] = toCount(row.n);
    return counts;
  }

  async listForProfile(
    profileId: string,
    options: { minScore?: number; limit?: number; rejected?: boolean } = {},
  ): Promise<Match[]> {
    let query = this.ctx.db
      .selectFrom('matches')
      .selectAll()
      .where('profile_id', '=', profileId)
      .orderBy('score', 'desc')
      .orderBy('job_id', 'asc');
    if (options.minScore !== undefined) query = query.where('score', '>=', options.minScore);
    if (options.rejected !== undefined) {
      const off = this.overriddenValue(false);
      query = options.rejected
        ? query.where('rejected_rule', 'is not', null).where('overridden', '=', off)
        : query.where((eb) =>
            eb.or([eb('rejected_rule', 'is', null), eb('overridden', '!=', off)]),
          );
    }
    if (options.limit !== undefined) query = query.limit(Math.max(0, Math.trunc(options.limit)));
    const rows = await query.execute();
    return rows.map((row) => fromRow(this.ctx.codec, row));
  }

  async bases(profileId: string): Promise<Map<string, MatchBasis>> {
    const rows = await this.ctx.db
      .selectFrom('matches')
      .select(['job_id', 'content_hash', 'scoring_key', 'overridden', 'rejected_rule'])
      .where('profile_id', '=', profileId)
      .execute();
    return new Map(
      rows.map((row) => [
        row.job_id,
        {
          contentHash: row.content_hash,
          scoringKey: row.scoring_key,
          overridden: row.overridden === true || row.overridden === 1,
          rejectedRule: row.rejected_rule,
        },
      ]),
    );
  }

  async setRejections(
    profileId: string,
    updates: { jobId: string; rejection: Rejection | null }[],
  ): Promise<void> {
    if (updates.length === 0) return;
    const unique = [...new Map(updates.map((u) => [u.jobId, u])).values()];
    await withTx(this.ctx, async (tx) => {
      for (const part of chunks(unique, CHUNK)) {
        // One statement a chunk: UPDATE … FROM (VALUES …) reads the same on SQLite (3.33+)
        // and PostgreSQL, whose VALUES columns are both named column1, column2, ….
        const rows = sql.join(
          part.map(
            (u) => sql`(${u.jobId}, ${u.rejection?.rule ?? null}, ${u.rejection?.reason ?? null})`,
          ),
        );
        await sql`
          update matches set rejected_rule = v.column2, rejected_reason = v.column3
          from (values ${rows}) as v
          where matches.profile_id = ${profileId} and matches.job_id = v.column1
        `.execute(tx.db);
      }
    });
  }

  async corpus(profileId: string): Promise<RankingCorpus | null> {
    const row = await this.ctx.db
      .selectFrom('ranking_corpus')
      .selectAll()
      .where('profile_id', '=', profileId)
      .executeTakeFirst();
    if (row === undefined) return null;
    return {
      profileId: row.profile_id,
      baseKey: row.base_key,
      scoringKey: row.scoring_key,
      docs: Number(row.docs),
      rescored: Number(row.rescored),
      counts: this.ctx.codec.readJson(row.counts),
      computedAt: this.ctx.codec.readTime(row.computed_at),
    };
  }

  async saveCorpus(corpus: RankingCorpus): Promise<void> {
    const { codec } = this.ctx;
    const row = {
      profile_id: corpus.profileId,
      base_key: corpus.baseKey,
      scoring_key: corpus.scoringKey,
      docs: corpus.docs,
      rescored: corpus.rescored,
      counts: codec.json(corpus.counts),
      computed_at: codec.time(corpus.computedAt),
    };
    try {
      await this.ctx.db
        .insertInto('ranking_corpus')
        .values(row)
        .onConflict((oc) =>
          oc.column('profile_id').doUpdateSet((eb) => ({
            base_key: eb.ref('excluded.base_key'),
            scoring_key: eb.ref('excluded.scoring_key'),
            docs: eb.ref('excluded.docs'),
            rescored: eb.ref('excluded.rescored'),
            counts: eb.ref('excluded.counts'),
            computed_at: eb.ref('excluded.computed_at'),
          })),
        )
        .execute();
    } catch (error) {
      translateConstraint(
        error,
        'corpus counts conflict with others',
        'corpus counts name a profile that does not exist',
      );
    }
  }

  async setOverride(jobId: string, profileId: string, overridden: boolean): Promise<Match | null> {
    await this.ctx.db
      .updateTable('matches')
      .set({ overridden: this.overriddenValue(overridden) })
      .where('job_id', '=', jobId)
      .where('profile_id', '=', profileId)
      .execute();
    return this.get(jobId, profileId);
  }

  async rejectionCounts(profileId: string): Promise<Record<string, number>> {
    const rows = await this.ctx.db
      .selectFrom('matches')
      .select(['rejected_rule', sql<number | string>`count(*)`.as('n')])
      .where('profile_id', '=', profileId)
      .where('rejected_rule', 'is not', null)
      .where('overridden', '=', this.overriddenValue(false))
      .groupBy('rejected_rule')
      .execute();
    return Object.fromEntries(rows.map((row) => [row.rejected_rule ?? '', toCount(row.n)]));
  }

  async deleteForProfile(profileId: string): Promise<number> {
    // The counts name the scores just deleted: the next run counts afresh.
    await this.ctx.db.deleteFrom('ranking_corpus').where('profile_id', '=', profileId).execute();
    const result = await this.ctx.db
      .deleteFrom('matches')
      .where('profile_id', '=', profileId)
      .executeTakeFirst();
    return toCount(result.numDeletedRows);
  }
}

import type { Match, MatchReason } from '@applydesk/domain';
import type { Insertable, Selectable } from 'kysely';
import { toCount, type Codec } from '../codec.js';
import { chunks, withTx, type StoreContext } from '../context.js';
import type { MatchesTable } from '../db.js';
import { translateConstraint } from '../errors.js';
import type { MatchRepository } from '../repositories.js';

/** 6 columns a row: 1000 rows stay well under every bind-parameter limit. */
const CHUNK = 1000;

/** Row <-> domain mapping for `matches`. */
function toRow(codec: Codec, match: Match): Insertable<MatchesTable> {
  return {
    job_id: match.jobId,
    profile_id: match.profileId,
    score: match.score,
    components: codec.json(match.components),
    reasons: codec.json(match.reasons),
    computed_at: codec.time(match.computedAt),
  };
}

function fromRow(codec: Codec, row: Selectable<MatchesTable>): Match {
  return {
    jobId: row.job_id,
    profileId: row.profile_id,
    score: Number(row.score),
    components: codec.readJson(row.components) as Record<string, number>,
    reasons: codec.readJson(row.reasons) as MatchReason[],
    computedAt: codec.readTime(row.computed_at),
  };
}

export class SqlMatchRepository implements MatchRepository {
  constructor(private readonly ctx: StoreContext) {}

  /** Inserts or overwrites by (jobId, profileId); a pair given twice keeps the last. */
  async upsertMany(matches: Match[]): Promise<void> {
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
          await tx.db
            .insertInto('matches')
            .values(part.map((match) => toRow(tx.codec, match)))
            .onConflict((oc) =>
              oc.columns(['job_id', 'profile_id']).doUpdateSet((eb) => ({
                score: eb.ref('excluded.score'),
                components: eb.ref('excluded.components'),
                reasons: eb.ref('excluded.reasons'),
                computed_at: eb.ref('excluded.computed_at'),
              })),
            )
            .execute();
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

  async listForProfile(
    profileId: string,
    options: { minScore?: number; limit?: number } = {},
  ): Promise<Match[]> {
    let query = this.ctx.db
      .selectFrom('matches')
      .selectAll()
      .where('profile_id', '=', profileId)
      .orderBy('score', 'desc')
      .orderBy('job_id', 'asc');
    if (options.minScore !== undefined) query = query.where('score', '>=', options.minScore);
    if (options.limit !== undefined) query = query.limit(Math.max(0, Math.trunc(options.limit)));
    const rows = await query.execute();
    return rows.map((row) => fromRow(this.ctx.codec, row));
  }

  async deleteForProfile(profileId: string): Promise<number> {
    const result = await this.ctx.db
      .deleteFrom('matches')
      .where('profile_id', '=', profileId)
      .executeTakeFirst();
    return toCount(result.numDeletedRows);
  }
}

import { assertTransition, DomainError, type Application, type Stage } from '@applydesk/domain';
import type { Selectable } from 'kysely';
import { nowIso, toCount, type Codec } from '../codec.js';
import { withTx, type StoreContext } from '../context.js';
import type { ApplicationsTable } from '../db.js';
import { isUniqueViolation, notFound } from '../errors.js';
import { newId } from '../ids.js';
import type { Actor, ApplicationRepository } from '../repositories.js';
import { appendEvents } from './event.repository.js';

/** Row <-> domain mapping for `applications`. */
function fromRow(codec: Codec, row: Selectable<ApplicationsTable>): Application {
  return {
    id: row.id,
    jobId: row.job_id,
    profileId: row.profile_id,
    stage: row.stage as Stage,
    stageChangedAt: codec.readTime(row.stage_changed_at),
    notes: row.notes,
    createdAt: codec.readTime(row.created_at),
    updatedAt: codec.readTime(row.updated_at),
  };
}

function alreadyExists(jobId: string, profileId: string, cause?: unknown): DomainError {
  return new DomainError(
    'CONFLICT',
    `job ${jobId} already has an application for profile ${profileId}`,
    {
      hint: 'move the existing application instead',
      ...(cause === undefined ? {} : { cause }),
    },
  );
}

export class SqlApplicationRepository implements ApplicationRepository {
  constructor(private readonly ctx: StoreContext) {}

  async create(
    jobId: string,
    profileId: string,
    actor: Actor,
    stage: Stage = 'discovered',
  ): Promise<Application> {
    return withTx(this.ctx, async (tx) => {
      // Checked first for a clear NOT_FOUND/CONFLICT; a failed statement would also abort a PG transaction.
      const [job, profile, existing] = await Promise.all([
        tx.db.selectFrom('jobs').select('id').where('id', '=', jobId).executeTakeFirst(),
        tx.db.selectFrom('profiles').select('id').where('id', '=', profileId).executeTakeFirst(),
        new SqlApplicationRepository(tx).getByJob(jobId, profileId),
      ]);
      if (job === undefined) throw notFound('job', jobId);
      if (profile === undefined) throw notFound('profile', profileId);
      if (existing !== null) throw alreadyExists(jobId, profileId);
      const now = nowIso();
      const application: Application = {
        id: newId('app'),
        jobId,
        profileId,
        stage,
        stageChangedAt: now,
        notes: '',
        createdAt: now,
        updatedAt: now,
      };
      try {
        await tx.db
          .insertInto('applications')
          .values({
            id: application.id,
            job_id: jobId,
            profile_id: profileId,
            stage,
            stage_changed_at: now,
            notes: '',
            created_at: now,
            updated_at: now,
          })
          .execute();
      } catch (error) {
        // Another writer created it between the check and the insert.
        if (isUniqueViolation(error)) throw alreadyExists(jobId, profileId, error);
        throw error;
      }
      await appendEvents(tx, [
        {
          actor,
          entityType: 'application',
          entityId: application.id,
          action: 'application.created',
          data: { jobId, profileId, stage },
        },
      ]);
      return application;
    });
  }

  async get(id: string): Promise<Application | null> {
    const row = await this.ctx.db
      .selectFrom('applications')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? null : fromRow(this.ctx.codec, row);
  }

  async getByJob(jobId: string, profileId: string): Promise<Application | null> {
    const row = await this.ctx.db
      .selectFrom('applications')
      .selectAll()
      .where('job_id', '=', jobId)
      .where('profile_id', '=', profileId)
      .executeTakeFirst();
    return row === undefined ? null : fromRow(this.ctx.codec, row);
  }

  async moveTo(id: string, stage: Stage, actor: Actor, note?: string): Promise<Application> {
    return withTx(this.ctx, async (tx) => {
      const before = await new SqlApplicationRepository(tx).get(id);
      if (before === null) throw notFound('application', id);
      assertTransition(before.stage, stage);
      const now = nowIso();
      // Guarded by the stage read above, so a concurrent move cannot be silently overwritten.
      const result = await tx.db
        .updateTable('applications')
        .set({ stage, stage_changed_at: now, updated_at: now })
        .where('id', '=', id)
        .where('stage', '=', before.stage)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) {
        throw new DomainError('CONFLICT', `application ${id} changed stage while moving it`, {
          hint: 'reload it and try again',
        });
      }
      await appendEvents(tx, [
        {
          actor,
          entityType: 'application',
          entityId: id,
          action: 'application.stage_changed',
          data: { from: before.stage, to: stage, note: note ?? null },
        },
      ]);
      return { ...before, stage, stageChangedAt: now, updatedAt: now };
    });
  }

  /** Most recently moved first. */
  async list(
    options: { stage?: Stage; profileId?: string; limit?: number } = {},
  ): Promise<Application[]> {
    let query = this.ctx.db
      .selectFrom('applications')
      .selectAll()
      .orderBy('stage_changed_at', 'desc')
      .orderBy('id', 'desc');
    if (options.stage !== undefined) query = query.where('stage', '=', options.stage);
    if (options.profileId !== undefined) query = query.where('profile_id', '=', options.profileId);
    if (options.limit !== undefined) query = query.limit(Math.max(0, Math.trunc(options.limit)));
    const rows = await query.execute();
    return rows.map((row) => fromRow(this.ctx.codec, row));
  }

  async countByStage(profileId?: string): Promise<Partial<Record<Stage, number>>> {
    let query = this.ctx.db
      .selectFrom('applications')
      .select((eb) => ['stage', eb.fn.countAll().as('n')])
      .groupBy('stage');
    if (profileId !== undefined) query = query.where('profile_id', '=', profileId);
    const rows = await query.execute();
    const out: Partial<Record<Stage, number>> = {};
    for (const row of rows) out[row.stage as Stage] = toCount(row.n);
    return out;
  }
}

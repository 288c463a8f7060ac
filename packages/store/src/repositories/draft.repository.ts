import type {
  Draft,
  DraftInput,
  DraftKind,
  DraftQuality,
  DraftStatus,
  GroundingReport,
} from '@applydesk/domain';
import type { Insertable, Selectable } from 'kysely';
import { nowIso, toCount, type Codec } from '../codec.js';
import { withTx, type StoreContext } from '../context.js';
import type { DraftsTable } from '../db.js';
import { notFound, translateConstraint } from '../errors.js';
import { newId } from '../ids.js';
import type { Actor, DraftRepository } from '../repositories.js';
import { appendEvents } from './event.repository.js';

const DEFAULT_PAGE = 50;

/** Row <-> domain mapping for `drafts`. */
function toRow(codec: Codec, draft: Draft): Insertable<DraftsTable> {
  return {
    id: draft.id,
    job_id: draft.jobId,
    profile_id: draft.profileId,
    kind: draft.kind,
    text: draft.text,
    writer: draft.writer,
    model: draft.model,
    cost_usd: draft.costUsd,
    prompt: draft.prompt,
    grounding: codec.jsonOrNull(draft.grounding),
    cited_requirements: codec.json(draft.citedRequirements),
    candidate_group: draft.candidateGroup,
    quality: codec.jsonOrNull(draft.quality),
    notes: codec.json(draft.notes),
    status: draft.status,
    created_at: draft.createdAt,
    updated_at: draft.updatedAt,
  };
}

function fromRow(codec: Codec, row: Selectable<DraftsTable>): Draft {
  return {
    id: row.id,
    jobId: row.job_id,
    profileId: row.profile_id,
    kind: row.kind as DraftKind,
    text: row.text,
    writer: row.writer as Draft['writer'],
    model: row.model,
    costUsd: Number(row.cost_usd),
    prompt: row.prompt,
    grounding: codec.readJson(row.grounding) as GroundingReport | null,
    citedRequirements: codec.readJson(row.cited_requirements) as string[],
    candidateGroup: row.candidate_group,
    quality: codec.readJson(row.quality) as DraftQuality | null,
    notes: codec.readJson(row.notes) as string[],
    status: row.status as DraftStatus,
    createdAt: codec.readTime(row.created_at),
    updatedAt: codec.readTime(row.updated_at),
  };
}

export class SqlDraftRepository implements DraftRepository {
  constructor(private readonly ctx: StoreContext) {}

  /** New drafts wait for the user: status starts at pending_review. */
  async create(input: DraftInput, actor: Actor): Promise<Draft> {
    return withTx(this.ctx, async (tx) => {
      const now = nowIso();
      const draft: Draft = {
        ...input,
        id: newId('drf'),
        status: 'pending_review',
        createdAt: now,
        updatedAt: now,
      };
      try {
        await tx.db.insertInto('drafts').values(toRow(tx.codec, draft)).execute();
      } catch (error) {
        translateConstraint(
          error,
          `draft ${draft.id} already exists`,
          `job ${input.jobId} or profile ${input.profileId} does not exist`,
        );
      }
      await appendEvents(tx, [
        {
          actor,
          entityType: 'draft',
          entityId: draft.id,
          action: 'draft.created',
          data: {
            jobId: draft.jobId,
            profileId: draft.profileId,
            kind: draft.kind,
            writer: draft.writer,
          },
        },
      ]);
      return draft;
    });
  }

  async get(id: string): Promise<Draft | null> {
    const row = await this.ctx.db
      .selectFrom('drafts')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? null : fromRow(this.ctx.codec, row);
  }

  /** Newest first. */
  async listForJob(jobId: string): Promise<Draft[]> {
    const rows = await this.ctx.db
      .selectFrom('drafts')
      .selectAll()
      .where('job_id', '=', jobId)
      .orderBy('id', 'desc')
      .execute();
    return rows.map((row) => fromRow(this.ctx.codec, row));
  }

  /** Newest first. */
  async listByStatus(
    status: DraftStatus,
    options: { limit?: number; offset?: number } = {},
  ): Promise<{ items: Draft[]; totalCount: number }> {
    const limit = Math.max(0, Math.trunc(options.limit ?? DEFAULT_PAGE));
    const offset = Math.max(0, Math.trunc(options.offset ?? 0));
    const [rows, counted] = await Promise.all([
      this.ctx.db
        .selectFrom('drafts')
        .selectAll()
        .where('status', '=', status)
        .orderBy('id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute(),
      this.ctx.db
        .selectFrom('drafts')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('status', '=', status)
        .executeTakeFirst(),
    ]);
    return {
      items: rows.map((row) => fromRow(this.ctx.codec, row)),
      totalCount: toCount(counted?.n),
    };
  }

  async updateText(
    id: string,
    text: string,
    grounding: GroundingReport | null,
    actor: Actor,
  ): Promise<Draft> {
    return withTx(this.ctx, async (tx) => {
      const before = await new SqlDraftRepository(tx).get(id);
      if (before === null) throw notFound('draft', id);
      const updatedAt = nowIso();
      await tx.db
        .updateTable('drafts')
        .set({ text, grounding: tx.codec.jsonOrNull(grounding), updated_at: updatedAt })
        .where('id', '=', id)
        .execute();
      await appendEvents(tx, [
        {
          actor,
          entityType: 'draft',
          entityId: id,
          action: 'draft.edited',
          data: { previousLength: before.text.length, length: text.length },
        },
      ]);
      return { ...before, text, grounding, updatedAt };
    });
  }

  async setGrounding(id: string, grounding: GroundingReport, actor: Actor): Promise<Draft> {
    return withTx(this.ctx, async (tx) => {
      const before = await new SqlDraftRepository(tx).get(id);
      if (before === null) throw notFound('draft', id);
      const updatedAt = nowIso();
      await tx.db
        .updateTable('drafts')
        .set({ grounding: tx.codec.json(grounding), updated_at: updatedAt })
        .where('id', '=', id)
        .execute();
      const confirmed = grounding.claims.filter((c) => c.confirmedByUser).length;
      await appendEvents(tx, [
        {
          actor,
          entityType: 'draft',
          entityId: id,
          action: 'draft.claims_confirmed',
          data: { confirmed, unsupported: grounding.unsupportedCount },
        },
      ]);
      return { ...before, grounding, updatedAt };
    });
  }

  async setStatus(id: string, status: DraftStatus, actor: Actor): Promise<Draft> {
    return withTx(this.ctx, async (tx) => {
      const before = await new SqlDraftRepository(tx).get(id);
      if (before === null) throw notFound('draft', id);
      const updatedAt = nowIso();
      await tx.db
        .updateTable('drafts')
        .set({ status, updated_at: updatedAt })
        .where('id', '=', id)
        .execute();
      await appendEvents(tx, [
        {
          actor,
          entityType: 'draft',
          entityId: id,
          action: 'draft.status_changed',
          data: { from: before.status, to: status },
        },
      ]);
      return { ...before, status, updatedAt };
    });
  }
}

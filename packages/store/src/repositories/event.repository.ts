import {
  EventInput,
  parseOrThrow,
  type EntityType,
  type Event,
  type EventInputDraft,
} from '@applydesk/domain';
import type { Insertable, Selectable } from 'kysely';
import { chunks, type StoreContext } from '../context.js';
import { nowIso, type Codec } from '../codec.js';
import type { EventsTable } from '../db.js';
import { newId } from '../ids.js';
import { insertMany } from './bulk-insert.js';
import type { EventRepository } from '../repositories.js';

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;
/** 7 columns per row keeps a chunk well under SQLite's and PostgreSQL's bind limits. */
const CHUNK = 1000;

function toRow(codec: Codec, event: Event): Insertable<EventsTable> {
  return {
    id: event.id,
    at: codec.time(event.at),
    actor: event.actor,
    entity_type: event.entityType,
    entity_id: event.entityId,
    action: event.action,
    data: codec.json(event.data),
  };
}

function fromRow(codec: Codec, row: Selectable<EventsTable>): Event {
  return {
    id: row.id,
    at: codec.readTime(row.at),
    actor: row.actor,
    entityType: row.entity_type as EntityType,
    entityId: row.entity_id,
    action: row.action,
    data: (codec.readJson(row.data) ?? {}) as Record<string, unknown>,
  };
}

function build(input: EventInput, at: string): Event {
  return { ...input, id: newId('evt'), at };
}

/** Appends events in the caller's transaction: repositories log their changes through this. */
export async function appendEvents(
  ctx: StoreContext,
  inputs: readonly EventInput[],
): Promise<Event[]> {
  const at = nowIso();
  const events = inputs.map((input) => build(input, at));
  for (const part of chunks(events, CHUNK))
    await insertMany(
      ctx,
      'events',
      part.map((event) => toRow(ctx.codec, event)),
    );
  return events;
}

export class SqlEventRepository implements EventRepository {
  constructor(private readonly ctx: StoreContext) {}

  async append(input: EventInputDraft): Promise<Event> {
    const [event] = await appendEvents(this.ctx, [parseOrThrow(EventInput, input, 'event')]);
    if (event === undefined) throw new Error('unreachable: one event in, one out');
    return event;
  }

  /**
   * Oldest first. With `afterId`, the first `limit` events after it (polling); without, the
   * newest `limit` events.
   */
  async list(
    options: { entityType?: EntityType; entityId?: string; limit?: number; afterId?: string } = {},
  ): Promise<Event[]> {
    const limit = Math.min(Math.max(1, Math.trunc(options.limit ?? DEFAULT_LIMIT)), MAX_LIMIT);
    let query = this.ctx.db.selectFrom('events').selectAll();
    if (options.entityType !== undefined)
      query = query.where('entity_type', '=', options.entityType);
    if (options.entityId !== undefined) query = query.where('entity_id', '=', options.entityId);
    if (options.afterId !== undefined) {
      const rows = await query
        .where('id', '>', options.afterId)
        .orderBy('id', 'asc')
        .limit(limit)
        .execute();
      return rows.map((row) => fromRow(this.ctx.codec, row));
    }
    const rows = await query.orderBy('id', 'desc').limit(limit).execute();
    return rows.reverse().map((row) => fromRow(this.ctx.codec, row));
  }
}

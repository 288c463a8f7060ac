import type { OpenAPIHono } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import {
  eventStreamRoute,
  listEventsRoute,
  STREAM_EVENT_TYPES,
  type StreamEventType,
} from '@applydesk/api-contract';
import type { EntityType } from '@applydesk/domain';
import { eventsAfter, latestEventId, listEvents, type EngineContext } from '@applydesk/engine';
import type { Logger } from '../logger.js';
import { problemBody, problemResponse } from '../problem.js';
import type { ServerMetrics } from '../metrics.js';

const TYPE_OF: Record<EntityType, StreamEventType> = {
  job: 'job',
  match: 'score',
  draft: 'draft',
  application: 'stage',
  source: 'source',
  profile: 'profile',
  system: 'progress',
};

/** The entity each stream type is about (TYPE_OF read backwards). */
const ENTITY_OF = Object.fromEntries(
  Object.entries(TYPE_OF).map(([entity, type]) => [type, entity as EntityType]),
) as Record<StreamEventType, EntityType>;

export interface EventStreamOptions {
  /** How often the events table is read for new rows. */
  pollMs?: number;
  /** How often a comment is sent while nothing happens, so proxies keep the stream open. */
  heartbeatMs?: number;
}

/** Ids are `evt_` + time-ordered base32; anything else is not a cursor we made. */
const EVENT_ID = /^evt_[0-9A-Z]{26}$/;
const BATCH = 500;

/**
 * GET /api/events/stream: the events table as server-sent events. It is polled by id
 * cursor, so events written by other processes (a cron `applydesk ingest`, a worker) are
 * streamed too. A new client starts at the newest event; `Last-Event-ID` (sent by
 * EventSource on reconnect) or `?after=` resumes after that one, so nothing is missed.
 */
export function registerEventRoutes(
  app: OpenAPIHono,
  ctx: EngineContext,
  deps: { logger: Logger; metrics: ServerMetrics; options?: EventStreamOptions },
): void {
  const pollMs = deps.options?.pollMs ?? 1000;
  const heartbeatMs = deps.options?.heartbeatMs ?? 15_000;
  app.openAPIRegistry.registerPath(eventStreamRoute);

  app.openapi(listEventsRoute, async (c) => {
    const q = c.req.valid('query');
    const events = await listEvents(ctx, {
      limit: q.limit,
      ...(q.type === undefined ? {} : { entityType: ENTITY_OF[q.type] }),
      ...(q.entity_id === undefined ? {} : { entityId: q.entity_id }),
      ...(q.after === undefined ? {} : { after: q.after }),
    });
    return c.json(
      {
        items: events.map((event) => ({ ...event, type: TYPE_OF[event.entityType] })),
        last_id: events.at(-1)?.id ?? q.after ?? null,
      },
      200,
    );
  });

  app.get('/api/events/stream', async (c) => {
    const types = (c.req.query('types') ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter((t) => t !== '');
    const unknown = types.filter((t) => !(STREAM_EVENT_TYPES as readonly string[]).includes(t));
    if (unknown.length > 0) {
      return problemResponse(
        c,
        400,
        problemBody(
          400,
          'INVALID_INPUT',
          `types: unknown event type ${unknown.join(', ')} (known: ${STREAM_EVENT_TYPES.join(', ')})`,
        ),
      );
    }
    const wanted = types.length === 0 ? null : new Set(types);
    const resume = c.req.header('last-event-id') ?? c.req.query('after');
    let cursor = resume !== undefined && EVENT_ID.test(resume) ? resume : await latestEventId(ctx);

    return streamSSE(c, async (stream) => {
      deps.metrics.streams.inc();
      try {
        let quietSince = Date.now();
        // Tells EventSource how long to wait before reconnecting, and opens the stream.
        await stream.write(`retry: ${Math.max(1000, pollMs * 2)}\n\n`);
        while (!stream.aborted && !stream.closed) {
          // An empty log when the client came: start from whatever is written first.
          const batch = await eventsAfter(ctx, cursor ?? '', BATCH);
          for (const event of batch) {
            cursor = event.id;
            const type = TYPE_OF[event.entityType];
            if (wanted !== null && !wanted.has(type)) continue;
            await stream.writeSSE({ id: event.id, event: type, data: JSON.stringify(event) });
            quietSince = Date.now();
          }
          if (batch.length === BATCH) continue;
          if (Date.now() - quietSince >= heartbeatMs) {
            await stream.write(': heartbeat\n\n');
            quietSince = Date.now();
          }
          await stream.sleep(pollMs);
        }
      } catch (error) {
        // The reason stays in the log; the client is only told to reconnect.
        deps.logger.error({ err: error }, 'event stream failed');
        await stream.writeSSE({ event: 'error', data: 'the stream stopped; reconnect to resume' });
      } finally {
        deps.metrics.streams.dec();
      }
    });
  });
}

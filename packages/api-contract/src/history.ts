import { createRoute, z } from '@hono/zod-openapi';
import { STREAM_EVENT_TYPES, StreamEvent } from './access.js';
import { Match, Problem } from './schemas.js';

/** An event of the log with the kind the live stream gives it. */
export const LoggedEvent = StreamEvent.extend({
  type: z.enum(STREAM_EVENT_TYPES).openapi({ description: 'as the live stream names it' }),
}).openapi('LoggedEvent');

export const EventLogQuery = z.object({
  type: z.enum(STREAM_EVENT_TYPES).optional(),
  entity_id: z.string().max(200).optional().openapi({ example: 'job_01J…' }),
  after: z
    .string()
    .max(100)
    .optional()
    .openapi({ description: 'events after this id, oldest first; without it, the newest' }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const EventLog = z
  .object({
    items: z.array(LoggedEvent),
    last_id: z.string().nullable().openapi({
      description: 'pass as `after` to read on from here (also when nothing new came)',
    }),
  })
  .openapi('EventLog');

export const listEventsRoute = createRoute({
  method: 'get',
  path: '/api/events',
  tags: ['events'],
  summary:
    'The event log: what happened to postings, scores, drafts, applications, sources and the profile, oldest first',
  request: { query: EventLogQuery },
  responses: {
    200: { description: 'Events', content: { 'application/json': { schema: EventLog } } },
    400: {
      description: 'A bad filter or cursor',
      content: { 'application/problem+json': { schema: Problem } },
    },
  },
});

export const MatchListQuery = z.object({
  min_score: z.coerce.number().int().min(0).max(100).optional(),
  rejected: z.enum(['exclude', 'only', 'include']).default('exclude').openapi({
    description: 'matches your filters hold back: left out (default), only them, or both',
  }),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const MatchList = z.object({ items: z.array(Match) }).openapi('MatchList');

export const listMatchesRoute = createRoute({
  method: 'get',
  path: '/api/matches',
  tags: ['jobs'],
  summary:
    "The default profile's matches, best first: score, its parts and the reasons, and any filter holding a posting back",
  request: { query: MatchListQuery },
  responses: {
    200: { description: 'Matches', content: { 'application/json': { schema: MatchList } } },
  },
});

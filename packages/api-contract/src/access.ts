import { createRoute, z } from '@hono/zod-openapi';
import { Problem } from './schemas.js';

export const PairBody = z
  .object({
    code: z.string().min(8).max(16).openapi({
      example: '7K3M-Q9TX',
      description: 'from `applydesk token create <name> --pair`',
    }),
  })
  .openapi('PairBody');

export const PairResponse = z
  .object({
    token: z.string().openapi({ description: 'the bearer token; shown only in this answer' }),
    name: z.string(),
    scope: z.enum(['read', 'write']),
  })
  .openapi('PairResponse');

/** The kinds of live event, from the entity the stored event is about. */
export const STREAM_EVENT_TYPES = [
  'job',
  'score',
  'draft',
  'stage',
  'source',
  'profile',
  'progress',
] as const;
export type StreamEventType = (typeof STREAM_EVENT_TYPES)[number];

export const StreamEvent = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    action: z.string().openapi({ example: 'application.stage_changed' }),
    data: z.record(z.string(), z.unknown()),
  })
  .openapi('StreamEvent');

export const pairRoute = createRoute({
  method: 'post',
  path: '/api/pair',
  tags: ['access'],
  summary: 'Trade a pairing code (browser extension) for an API token; needs no token itself',
  request: { body: { required: true, content: { 'application/json': { schema: PairBody } } } },
  responses: {
    200: {
      description: 'The new token',
      content: { 'application/json': { schema: PairResponse } },
    },
    400: {
      description: 'No code sent',
      content: { 'application/problem+json': { schema: Problem } },
    },
    401: {
      description: 'The code is wrong, used or expired',
      content: { 'application/problem+json': { schema: Problem } },
    },
  },
});

export const eventStreamRoute = createRoute({
  method: 'get',
  path: '/api/events/stream',
  tags: ['events'],
  summary:
    'Server-sent events as they are stored: job, score, draft, stage, source, profile and progress; resumes after Last-Event-ID',
  request: {
    query: z.object({
      types: z
        .string()
        .optional()
        .openapi({ example: 'draft,stage', description: 'comma-separated event types to send' }),
      after: z
        .string()
        .optional()
        .openapi({ description: 'resume after this event id (as the Last-Event-ID header does)' }),
    }),
  },
  responses: {
    200: {
      description:
        'An event stream; each event carries the stored event as JSON, with its id, and a comment line is sent as a heartbeat',
      content: { 'text/event-stream': { schema: StreamEvent } },
    },
  },
});

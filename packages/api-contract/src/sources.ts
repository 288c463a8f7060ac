import { createRoute, z } from '@hono/zod-openapi';
import { problem } from './routes.js';

export const SourceNameParams = z.object({
  name: z
    .string()
    .min(1)
    .openapi({ param: { name: 'name', in: 'path' }, example: 'remotive' }),
});

export const RunSourceBody = z
  .object({
    force: z.boolean().default(false).openapi({
      description:
        'run a source that backs off after failures (or asked to wait with Retry-After) anyway, as `applydesk ingest --force`',
    }),
  })
  .openapi('RunSource');

/** A run under way: what `POST /api/sources/{name}/run` answers and GET /api/sources lists. */
export const SourceRun = z
  .object({
    id: z.string().openapi({ example: 'srun_5f1c0e7a9b8d2b4c6e1a' }),
    source: z.string(),
    startedAt: z.string(),
  })
  .openapi('SourceRun');

export const SourceRunAccepted = z.object({ run: SourceRun }).openapi('SourceRunAccepted');

/**
 * The data of the `source` events a run writes (`source.run_started`, `source.run_progress`
 * at most once a second, then `source.run_finished` or `source.run_failed`), read from
 * GET /api/events/stream.
 */
export const SourceRunEventData = z
  .looseObject({
    source: z.string(),
    runId: z.string(),
    phase: z.enum(['fetching', 'ranking']).optional(),
    fetched: z.number().int().optional(),
    status: z.enum(['ok', 'failed', 'skipped']).optional(),
    created: z.number().int().optional(),
    updated: z.number().int().optional(),
    unchanged: z.number().int().optional(),
    duplicates: z.number().int().optional(),
    closed: z.number().int().optional(),
    errors: z.number().int().optional().openapi({ description: 'postings that could not be read' }),
    error: z.string().nullable().optional().openapi({ description: 'why the run failed' }),
    retryAt: z.string().nullable().optional(),
  })
  .openapi('SourceRunEventData');

export const runSourceRoute = createRoute({
  method: 'post',
  path: '/api/sources/{name}/run',
  tags: ['sources'],
  summary: 'Run one source now, in the background; progress is streamed as `source` events',
  description:
    "A manual run, like `applydesk ingest --source <name>`: it is not held to the terms' shortest interval between scheduled runs, but a source backing off after failures runs only with `force`. New and changed postings are ranked when it ends.",
  request: {
    params: SourceNameParams,
    body: { content: { 'application/json': { schema: RunSourceBody } }, required: false },
  },
  responses: {
    202: {
      description: 'Started',
      content: { 'application/json': { schema: SourceRunAccepted } },
    },
    404: problem('No source has that name'),
    409: problem('A run of the source is under way, or it cannot run (secrets missing)'),
    429: problem(
      'The source backs off after failures or asked to wait; Retry-After says until when (send force to run it anyway)',
    ),
  },
});

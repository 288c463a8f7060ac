import { createRoute, z } from '@hono/zod-openapi';
import { STAGES } from '@applydesk/domain';
import { JobIdParams, problem } from './routes.js';
import { Application } from './schemas.js';

const ApplicationIdParams = z.object({
  id: z
    .string()
    .min(1)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'app_01JD3Z6N6X3K4T1Y9B8F2W7Q5M' }),
});

export const MoveStageBody = z
  .object({
    stage: z.enum(STAGES),
    note: z.string().max(2000).optional(),
  })
  .openapi('MoveStage');

export const ApplicationCardList = z
  .object({
    items: z.array(
      z.object({
        application: Application,
        job: z
          .object({
            id: z.string(),
            title: z.string(),
            company: z.string(),
            sourceType: z.string(),
            url: z.string(),
          })
          .nullable(),
      }),
    ),
  })
  .openapi('ApplicationCards');

export const ApplicationListQuery = z.object({
  stage: z.enum(STAGES).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

export const StageHistory = z
  .object({
    items: z.array(
      z.object({
        at: z.string(),
        action: z.string(),
        from: z.enum(STAGES).nullable(),
        to: z.enum(STAGES),
        note: z.string().nullable(),
        actor: z.string(),
      }),
    ),
  })
  .openapi('StageHistory');

const Rate = z.object({
  applied: z.number().int(),
  answered: z.number().int(),
  rate: z.number().nullable(),
});

export const Insights = z
  .object({
    funnel: z.object({
      found: z.number().int(),
      shortlisted: z.number().int(),
      drafted: z.number().int(),
      applied: z.number().int(),
      answered: z.number().int(),
      interview: z.number().int(),
      offer: z.number().int(),
    }),
    bySource: z.array(Rate.extend({ source: z.string() })),
    byScoreBand: z.array(Rate.extend({ band: z.string() })),
    spendPerApplication: z.object({
      usd: z.number().nullable(),
      applications: z.number().int(),
      spentUsd: z.number(),
    }),
    scoreDistribution: z.array(
      z.object({ from: z.number(), to: z.number(), count: z.number().int() }),
    ),
  })
  .openapi('Insights');

export const moveStageRoute = createRoute({
  method: 'post',
  path: '/api/jobs/{id}/stage',
  tags: ['applications'],
  summary: "Move a posting's application to a stage (applied, interviewing, …)",
  request: {
    params: JobIdParams,
    body: { content: { 'application/json': { schema: MoveStageBody } } },
  },
  responses: {
    200: {
      description: 'The application',
      content: { 'application/json': { schema: Application } },
    },
    400: problem('The stage is not one ApplyDesk knows'),
    404: problem('No posting has that id'),
    409: problem('That move is not allowed from the current stage'),
  },
});

export const listApplicationsRoute = createRoute({
  method: 'get',
  path: '/api/applications',
  tags: ['applications'],
  summary: 'Applications with their posting, for the pipeline board',
  request: { query: ApplicationListQuery },
  responses: {
    200: {
      description: 'The applications',
      content: { 'application/json': { schema: ApplicationCardList } },
    },
  },
});

export const applicationHistoryRoute = createRoute({
  method: 'get',
  path: '/api/applications/{id}/history',
  tags: ['applications'],
  summary: 'The stages an application went through, oldest first',
  request: { params: ApplicationIdParams },
  responses: {
    200: {
      description: 'The history',
      content: { 'application/json': { schema: StageHistory } },
    },
    404: problem('No application has that id'),
  },
});

export const insightsRoute = createRoute({
  method: 'get',
  path: '/api/insights',
  tags: ['applications'],
  summary: 'Funnel, answer rates by source and score band, spend per application, scores',
  responses: {
    200: { description: 'The insights', content: { 'application/json': { schema: Insights } } },
  },
});

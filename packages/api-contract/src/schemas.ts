import { z } from '@hono/zod-openapi';
import {
  Application as ApplicationSchema,
  Draft as DraftSchema,
  Job as JobSchema,
  Match as MatchSchema,
  Profile as ProfileSchema,
  Rejection,
  RemoteMode,
  Stage,
} from '@applydesk/domain';

/** RFC 9457 problem details, the body of every error the API answers. */
export const Problem = z
  .object({
    type: z.string().openapi({ example: 'https://applydesk.dev/problems/invalid-input' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().openapi({ example: 'INVALID_INPUT' }),
    hint: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), reason: z.string() })).optional(),
  })
  .openapi('Problem');

export const Health = z
  .object({
    status: z.enum(['ok', 'degraded']),
    version: z.string(),
    database: z.object({ ok: z.boolean(), dialect: z.string(), schemaVersion: z.string() }),
  })
  .openapi('Health');

// Domain schemas are built before @hono/zod-openapi patches zod (whenever the domain is imported
// first), so they carry no `.openapi()`; zod's own `.meta({ id })` names their components.
export const Job = JobSchema.meta({ id: 'Job' });
export const Match = MatchSchema.meta({ id: 'Match' });
export const Draft = DraftSchema.meta({ id: 'Draft' });
export const Application = ApplicationSchema.meta({ id: 'Application' });
export const Profile = ProfileSchema.meta({ id: 'Profile' });

export const JobListItem = JobSchema.omit({ raw: true })
  .extend({
    descriptionHtml: z
      .string()
      .optional()
      .openapi({ description: 'sanitized HTML; left out with view=compact' }),
    descriptionText: z
      .string()
      .optional()
      .openapi({ description: 'plain text; left out with view=compact' }),
    score: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "the default profile's score, 0-100" }),
    stage: Stage.meta({ description: 'discovered until the posting has an application' }),
    applicationId: z.string().nullable(),
    rejection: Rejection.nullable().meta({
      description: 'the filter rule holding the posting back, and why; null when none does',
    }),
  })
  .openapi('JobListItem');

export const JobList = z
  .object({
    items: z.array(JobListItem),
    total_count: z
      .number()
      .int()
      .openapi({ description: 'postings matching the filters, over all pages' }),
    next_cursor: z
      .string()
      .nullable()
      .openapi({ description: 'pass as `cursor` for the next page; null on the last' }),
  })
  .openapi('JobList');

export const JobDetail = z
  .object({
    job: Job,
    match: Match.nullable(),
    application: Application.nullable(),
    drafts: z.array(Draft),
  })
  .openapi('JobDetail');

/** A comma-separated list in a query string, each item checked against `item`. */
function csv<T extends z.ZodType<unknown, string>>(item: T) {
  return z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    )
    .pipe(z.array(item));
}

export const JobListQuery = z.object({
  q: z
    .string()
    .max(500)
    .optional()
    .openapi({ description: 'full-text search', example: 'typescript postgres' }),
  min_score: z.coerce.number().int().min(0).max(100).optional(),
  max_score: z.coerce.number().int().min(0).max(100).optional(),
  source: csv(z.string().min(1))
    .optional()
    .openapi({ description: 'source types, comma-separated', example: 'greenhouse,upwork' }),
  stage: csv(Stage)
    .optional()
    .openapi({ description: 'stages, comma-separated', example: 'shortlisted,ready_for_review' }),
  remote: csv(RemoteMode).optional().openapi({ example: 'remote,hybrid' }),
  status: z.enum(['open', 'closed', 'all']).optional(),
  sort: z.enum(['score', 'posted', 'fetched', 'relevance']).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(25),
  cursor: z.string().max(500).optional(),
  page: z.coerce.number().int().min(1).optional(),
  rejected: z.enum(['exclude', 'only', 'include']).default('exclude').openapi({
    description: 'postings your filters hold back: left out (default), only them, or both',
  }),
  view: z.enum(['full', 'compact']).default('full').openapi({
    description:
      'compact leaves out the descriptions (about 2 KB a posting), which a list of postings does not show',
  }),
});
export type JobListQuery = z.infer<typeof JobListQuery>;

/** What the browser extension read off a job page; checked field by field by the server. */
export const CaptureBody = z
  .looseObject({
    kind: z.string().openapi({
      example: 'upwork-search',
      description: 'upwork-search, upwork-job or jobposting',
    }),
    pageUrl: z.string(),
    capturedAt: z.string(),
  })
  .openapi('Capture');

export const CaptureResult = z
  .object({
    received: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    failed: z.array(
      z.object({ index: z.number().int(), externalId: z.string(), reason: z.string() }),
    ),
    rejected: z.array(z.object({ index: z.number().int(), reason: z.string() })),
    jobs: z
      .array(z.object({ externalId: z.string(), id: z.string() }))
      .openapi({ description: 'the stored posting of each job read, to look up its score' }),
  })
  .openapi('CaptureResult');

export const OverrideBody = z
  .object({
    undo: z
      .boolean()
      .default(false)
      .openapi({ description: 'hold the posting back again instead' }),
  })
  .openapi('Override');

export const RankBody = z
  .object({
    profile_id: z
      .string()
      .min(1)
      .optional()
      .openapi({ description: 'default: the default profile' }),
    top: z.number().int().min(1).max(500).default(10),
    refine: z.boolean().default(false).openapi({
      description:
        "also ask the user's embeddings and analysis models about the top postings (within the LLM budget)",
    }),
  })
  .openapi('RankRequest');

const RankedPosting = z.object({
  job: JobListItem,
  match: Match,
  stage: Stage.nullable(),
});

export const RankResponse = z
  .object({
    ranked: z.object({
      profileId: z.string(),
      scored: z.number().int().openapi({ description: 'open postings ranked this run' }),
      computed: z
        .number()
        .int()
        .openapi({ description: 'scores computed this run (the rest were still current)' }),
      written: z.number().int(),
      extracted: z.number().int(),
      shortlisted: z.number().int(),
      newlyShortlisted: z.number().int(),
      heldBack: z.record(z.string(), z.number().int()),
      failed: z.array(z.object({ jobId: z.string(), reason: z.string() })),
      tookMs: z.number(),
      phasesMs: z.record(z.string(), z.number()),
    }),
    refined: z
      .object({
        considered: z.number().int(),
        semantic: z.object({
          applied: z.number().int(),
          model: z.string().nullable(),
          skipped: z.string().nullable(),
        }),
        model: z.object({
          applied: z.number().int(),
          model: z.string().nullable(),
          skipped: z.string().nullable(),
        }),
        costUsd: z.number(),
      })
      .optional(),
    items: z.array(RankedPosting),
  })
  .openapi('RankResult');

export const SourceStatusList = z
  .object({
    items: z.array(
      z.looseObject({
        name: z.string(),
        type: z.string(),
        label: z.string(),
        enabled: z.boolean(),
        schedule: z.string().nullable(),
        nextRunAt: z.string().nullable(),
        unusable: z.string().nullable(),
        health: z.looseObject({ state: z.string() }),
      }),
    ),
  })
  .openapi('SourceStatusList');

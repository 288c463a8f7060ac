import { createRoute, z } from '@hono/zod-openapi';
import { DRAFT_KINDS, DRAFT_STATUSES } from '@applydesk/domain';
import { JobIdParams, problem } from './routes.js';
import { Draft } from './schemas.js';

const DraftIdParams = z.object({
  id: z
    .string()
    .min(1)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'drf_01JD3Z6N6X3K4T1Y9B8F2W7Q5M' }),
});

export const DraftPage = z
  .object({ items: z.array(Draft), total_count: z.number().int() })
  .openapi('DraftPage');

export const DraftListQuery = z.object({
  status: z.enum(DRAFT_STATUSES).default('pending_review'),
  job_id: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const CreateDraftsBody = z
  .object({
    kind: z.enum(DRAFT_KINDS).optional().openapi({
      description: 'default: proposal for a marketplace post, else cover_letter',
    }),
    models: z
      .array(z.string().regex(/^[^:\s]+:\S+$/, 'expected provider:model'))
      .min(1)
      .max(6)
      .optional()
      .openapi({
        description: 'one candidate per model, side by side; default: the drafting route',
        example: ['openai:gpt-4.1-mini', 'anthropic:claude-sonnet-4-20250514'],
      }),
    tone: z.enum(['warm', 'direct']).optional(),
    fresh: z.boolean().default(false).openapi({ description: 'ignore cached answers' }),
  })
  .openapi('CreateDrafts');

export const EditDraftBody = z
  .object({ text: z.string().min(1, 'a draft cannot be empty').max(50_000) })
  .openapi('EditDraft');

export const ConfirmClaimsBody = z
  .object({
    claims: z.array(z.number().int().min(0)).optional().openapi({
      description: "indexes into the draft's grounding claims; default: every unsupported one",
    }),
  })
  .openapi('ConfirmClaims');

export const ExportQuery = z.object({ format: z.enum(['md', 'pdf']).default('md') });

export const CostsQuery = z.object({
  since: z.string().optional().openapi({ description: 'YYYY-MM-DD (UTC); default: this month' }),
  by: z.enum(['day', 'model', 'job']).default('day'),
});

const CostRow = z.object({
  key: z.string(),
  calls: z.number().int(),
  ok: z.number().int(),
  errors: z.number().int(),
  cached: z.number().int(),
  skipped: z.number().int(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  costUsd: z.number(),
  unpriced: z.number().int(),
});

export const CostReport = z
  .object({
    since: z.string(),
    groupBy: z.enum(['day', 'model', 'job']),
    rows: z.array(CostRow),
    total: CostRow.omit({ key: true }),
  })
  .openapi('CostReport');

const ok = (description: string, schema: z.ZodType) => ({
  description,
  content: { 'application/json': { schema } },
});

export const listProposalsRoute = createRoute({
  method: 'get',
  path: '/api/proposals',
  tags: ['drafts'],
  summary: 'Drafts awaiting review, newest first, with total_count',
  request: { query: DraftListQuery.pick({ limit: true, offset: true }) },
  responses: {
    200: ok('Drafts awaiting review', DraftPage),
    400: problem('A query parameter is invalid'),
  },
});

export const listDraftsRoute = createRoute({
  method: 'get',
  path: '/api/drafts',
  tags: ['drafts'],
  summary: "Drafts by status, or one posting's drafts",
  request: { query: DraftListQuery },
  responses: {
    200: ok('A page of drafts', DraftPage),
    400: problem('A query parameter is invalid'),
  },
});

export const getDraftRoute = createRoute({
  method: 'get',
  path: '/api/drafts/{id}',
  tags: ['drafts'],
  summary: 'One draft with its prompt, model, cost, quality and grounding report',
  request: { params: DraftIdParams },
  responses: { 200: ok('The draft', Draft), 404: problem('No draft has that id') },
});

export const createDraftsRoute = createRoute({
  method: 'post',
  path: '/api/jobs/{id}/drafts',
  tags: ['drafts'],
  summary: 'Write drafts for a posting (several models side by side); nothing is sent',
  request: {
    params: JobIdParams,
    body: { content: { 'application/json': { schema: CreateDraftsBody } }, required: false },
  },
  responses: {
    201: ok('The stored candidates, best first', z.object({ drafts: z.array(Draft) })),
    400: problem('The body is invalid or names an unknown model'),
    404: problem('No posting has that id, or there is no profile'),
  },
});

export const editDraftRoute = createRoute({
  method: 'patch',
  path: '/api/drafts/{id}',
  tags: ['drafts'],
  summary: "Replace a draft's text; its claims are checked against the profile again",
  request: {
    params: DraftIdParams,
    body: { content: { 'application/json': { schema: EditDraftBody } } },
  },
  responses: {
    200: ok('The edited draft', Draft),
    400: problem('The text is missing or empty'),
    404: problem('No draft has that id'),
    409: problem('The draft is rejected or superseded'),
  },
});

export const confirmClaimsRoute = createRoute({
  method: 'post',
  path: '/api/drafts/{id}/confirm',
  tags: ['drafts'],
  summary: 'Vouch for claims the profile does not show, so they no longer block approval',
  request: {
    params: DraftIdParams,
    body: { content: { 'application/json': { schema: ConfirmClaimsBody } }, required: false },
  },
  responses: {
    200: ok('The draft', Draft),
    400: problem('A claim index is out of range'),
    404: problem('No draft has that id'),
  },
});

export const approveDraftRoute = createRoute({
  method: 'post',
  path: '/api/drafts/{id}/approve',
  tags: ['drafts'],
  summary: 'Approve a draft; refused while a claim about the user is unsupported',
  request: { params: DraftIdParams },
  responses: {
    200: ok('The approved draft', Draft),
    404: problem('No draft has that id'),
    409: problem('A claim is unsupported, or the draft is not waiting for review'),
  },
});

export const rejectDraftRoute = createRoute({
  method: 'post',
  path: '/api/drafts/{id}/reject',
  tags: ['drafts'],
  summary: 'Reject a draft',
  request: { params: DraftIdParams },
  responses: { 200: ok('The rejected draft', Draft), 404: problem('No draft has that id') },
});

export const exportDraftRoute = createRoute({
  method: 'get',
  path: '/api/drafts/{id}/export',
  tags: ['drafts'],
  summary: 'A draft as a Markdown or PDF file',
  request: { params: DraftIdParams, query: ExportQuery },
  responses: {
    200: {
      description: 'The file',
      content: {
        'text/markdown': { schema: z.string() },
        'application/pdf': { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
    404: problem('No draft has that id'),
  },
});

export const costsRoute = createRoute({
  method: 'get',
  path: '/api/costs',
  tags: ['costs'],
  summary: 'Language model spend from the ledger, by day, model or job',
  request: { query: CostsQuery },
  responses: { 200: ok('The report', CostReport), 400: problem('A query parameter is invalid') },
});

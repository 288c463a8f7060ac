import { createRoute, z } from '@hono/zod-openapi';
import { problem } from './routes.js';

const Days = z.number();

export const SettingsFilters = z.object({
  platforms: z.array(z.string()),
  locations: z.array(z.string()),
  salaryMin: z.object({ amount: z.number(), currency: z.string(), period: z.string() }).nullable(),
  experienceLevels: z.array(z.string()),
  keywordsRequired: z.array(z.string()),
  keywordsAny: z.array(z.string()),
  keywordsExcluded: z.array(z.string()),
  companiesExcluded: z.array(z.string()),
  postedWithinDays: z.number().int().nullable(),
  appliedCompanyWithinDays: z.number().int().nullable(),
  dailyCap: z.number().int().nullable(),
});

export const Settings = z
  .object({
    configPath: z.string().openapi({ description: 'the applydesk.yaml a change is saved to' }),
    configFileFound: z.boolean(),
    filters: SettingsFilters,
    ranking: z.object({
      minMatchScore: z.number(),
      weights: z.record(z.string(), z.number()),
      recency: z.object({ highDays: Days, mediumDays: Days, lowDays: Days }),
    }),
    drafting: z.object({
      top: z.number().int(),
      tone: z.enum(['warm', 'direct']),
      templates: z.record(z.string(), z.string()),
    }),
    llm: z.object({
      providers: z.array(
        z.object({
          name: z.string(),
          type: z.string(),
          baseUrl: z.string().nullable(),
          apiKeyEnv: z.string().nullable(),
          apiKeySet: z
            .boolean()
            .openapi({ description: 'whether the variable holds a key; the key is never sent' }),
        }),
      ),
      tasks: z.record(z.string(), z.array(z.string())).openapi({
        example: { drafting: ['openai:gpt-4.1-mini'], analysis: [], embeddings: [], research: [] },
      }),
      budget: z.object({ dailyUsd: z.number().nullable(), monthlyUsd: z.number().nullable() }),
    }),
    server: z.object({
      host: z.string(),
      port: z.number().int(),
      auth: z.enum(['auto', 'required']),
      corsOrigins: z.array(z.string()),
    }),
  })
  .openapi('Settings');

/**
 * A change in applydesk.yaml's own words. Only the keys shown may be sent; values are checked
 * by the same rules as the file (so errors name e.g. `ranking.weights.skills`), and `null`
 * removes a key so its default applies.
 */
export const SettingsPatchBody = z
  .looseObject({
    filters: z.record(z.string(), z.unknown()).optional().openapi({
      description:
        'platforms, locations, salary_min, experience_level, keywords { required, any, excluded }, companies_excluded, posted_within_days, applied_company_within_days, daily_cap',
    }),
    ranking: z
      .record(z.string(), z.unknown())
      .optional()
      .openapi({ description: 'min_match_score, weights { <part>: 0-10 }, recency { *_days }' }),
    drafting: z
      .record(z.string(), z.unknown())
      .optional()
      .openapi({ description: 'top, tone (warm | direct), templates { <kind>: text }' }),
    llm: z.record(z.string(), z.unknown()).optional().openapi({
      description:
        'tasks { analysis, drafting, embeddings, research: ["provider:model", …] in the order tried, each provider one the server runs }, budget { daily_usd, monthly_usd }',
    }),
  })
  .openapi('SettingsPatch', {
    example: { ranking: { weights: { skills: 0.4 } }, filters: { keywords: { any: ['go'] } } },
  });

export const SettingsUpdate = Settings.extend({
  ranked: z
    .object({ scored: z.number().int(), written: z.number().int(), shortlisted: z.number().int() })
    .nullable()
    .openapi({ description: 'the ranking run the change caused, or null when none was needed' }),
}).openapi('SettingsUpdate');

export const ApiTokenInfo = z
  .object({
    id: z.string(),
    name: z.string(),
    scope: z.enum(['read', 'write']),
    prefix: z.string().openapi({ description: 'the first characters of the token, to tell apart' }),
    parentId: z.string().nullable(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ApiToken');

export const ApiTokenList = z.object({ items: z.array(ApiTokenInfo) }).openapi('ApiTokenList');

export const CreateTokenBody = z
  .object({
    name: z.string().min(1).max(64),
    scope: z.enum(['read', 'write']).default('read'),
  })
  .openapi('CreateToken');

export const CreatedToken = z
  .object({
    token: z.string().openapi({ description: 'the bearer token; shown only in this answer' }),
    item: ApiTokenInfo,
  })
  .openapi('CreatedToken');

const TokenIdParams = z.object({
  id: z
    .string()
    .min(1)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'tok_01JD3Z6N6X3K4T1Y9B8F2W7Q5M' }),
});

export const getSettingsRoute = createRoute({
  method: 'get',
  path: '/api/settings',
  tags: ['settings'],
  summary: 'The settings in effect: filters, ranking, drafting, models (never their keys), server',
  responses: {
    200: { description: 'The settings', content: { 'application/json': { schema: Settings } } },
  },
});

export const updateSettingsRoute = createRoute({
  method: 'patch',
  path: '/api/settings',
  tags: ['settings'],
  summary:
    "Change filters, ranking, drafting, each LLM task's models or the LLM budget: saved to applydesk.yaml (comments kept), applied at once, postings re-ranked",
  request: {
    body: { required: true, content: { 'application/json': { schema: SettingsPatchBody } } },
  },
  responses: {
    200: {
      description: 'The settings now in effect',
      content: { 'application/json': { schema: SettingsUpdate } },
    },
    400: problem('A field is not valid; `errors` names each by its path'),
  },
});

export const listTokensRoute = createRoute({
  method: 'get',
  path: '/api/tokens',
  tags: ['access'],
  summary: 'The API tokens, never their secrets',
  request: {
    query: z.object({
      all: z
        .enum(['true', 'false'])
        .optional()
        .openapi({ description: 'true lists revoked tokens too' }),
    }),
  },
  responses: {
    200: { description: 'The tokens', content: { 'application/json': { schema: ApiTokenList } } },
  },
});

export const createTokenRoute = createRoute({
  method: 'post',
  path: '/api/tokens',
  tags: ['access'],
  summary: 'Make an API token; the answer is the only time it is shown',
  request: {
    body: { required: true, content: { 'application/json': { schema: CreateTokenBody } } },
  },
  responses: {
    201: {
      description: 'The token',
      content: { 'application/json': { schema: CreatedToken } },
    },
    400: problem('The name or scope is not valid'),
    409: problem('A live token already has that name'),
  },
});

export const revokeTokenRoute = createRoute({
  method: 'delete',
  path: '/api/tokens/{id}',
  tags: ['access'],
  summary: 'Revoke a token (and the tokens paired from it)',
  request: { params: TokenIdParams },
  responses: {
    200: {
      description: 'The revoked token',
      content: { 'application/json': { schema: ApiTokenInfo } },
    },
    404: problem('No token has that id'),
  },
});

import { z } from 'zod';
import { EXPERIENCE_LEVELS, SALARY_PERIODS, SCORE_COMPONENTS } from '@applydesk/domain';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const Port = z.coerce
  .number({ error: 'expected a port number' })
  .int('expected a whole number')
  .min(0, 'expected a port from 0 to 65535 (0 picks a free one)')
  .max(65535, 'expected a port from 0 to 65535 (0 picks a free one)');

export const SERVER_AUTH_MODES = ['auto', 'required'] as const;
export type ServerAuthMode = (typeof SERVER_AUTH_MODES)[number];

/** A web origin as browsers send it: scheme, host and port, no path or trailing slash. */
const Origin = z
  .string()
  .regex(
    /^[a-z][a-z0-9+.-]*:\/\/[^/\s]+$/i,
    'expected an origin such as https://desk.example.com (no path, no trailing slash)',
  );

export const Weights = z.strictObject(
  Object.fromEntries(
    SCORE_COMPONENTS.map((c) => [c, z.number().min(0).max(10).optional()]),
  ) as Record<(typeof SCORE_COMPONENTS)[number], z.ZodOptional<z.ZodNumber>>,
);

const Words = z.array(z.string().trim().min(1, 'expected a word, not an empty string')).default([]);

export const Keywords = z.strictObject({
  required: Words.describe('every one must appear'),
  any: Words.describe('at least one must appear'),
  excluded: Words.describe('none may appear'),
});

/**
 * Hard rules, in the words job-hunting tools use. A posting that breaks one is kept with the
 * rule and the reason (`applydesk jobs list --rejected`), never silently dropped.
 */
export const Filters = z.strictObject({
  platforms: Words.describe('source types allowed, e.g. [greenhouse, upwork]; empty allows all'),
  locations: Words.describe('places a posting must be in; "remote" admits remote postings'),
  salary_min: z
    .union([
      z.number().positive(),
      z.strictObject({
        amount: z.number().positive(),
        currency: z
          .string()
          .regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as USD')
          .default('USD'),
        period: z.enum(SALARY_PERIODS).default('year'),
      }),
    ])
    .optional()
    .describe('a number (USD a year) or { amount, currency, period }'),
  experience_level: z.array(z.enum(EXPERIENCE_LEVELS)).default([]),
  keywords: Keywords.prefault({}),
  companies_excluded: Words,
  posted_within_days: z.number().int().positive().optional(),
  applied_company_within_days: z
    .number()
    .int()
    .positive()
    .optional()
    .describe('hold back a company you applied to within this many days'),
  daily_cap: z
    .number()
    .int()
    .positive()
    .optional()
    .describe('at most this many postings newly shortlisted a day'),
});

export const LLM_PROVIDER_TYPES = [
  'openai',
  'anthropic',
  'google',
  'cohere',
  'openai-compatible',
] as const;
export type LlmProviderType = (typeof LLM_PROVIDER_TYPES)[number];
export const LLM_TASKS = ['analysis', 'drafting', 'embeddings', 'research'] as const;
export type LlmTask = (typeof LLM_TASKS)[number];

const LlmProvider = z.strictObject({
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]*$/i, 'expected a name of letters, digits, "-" and "_"'),
  type: z.enum(LLM_PROVIDER_TYPES),
  baseUrl: z.url().optional().describe('the API root, for a proxy, a mirror or a local server'),
  api: z
    .enum(['chat', 'responses'])
    .optional()
    .describe('OpenAI only: Chat Completions (default) or the Responses API'),
  apiKeyEnv: z
    .string()
    .regex(/^[A-Z_][A-Z0-9_]*$/i, 'expected the name of an environment variable')
    .optional()
    .describe('the environment variable holding the key; the key itself never goes here'),
  limits: z
    .strictObject({
      rpm: z.number().int().positive().optional().describe('requests a minute'),
      tpm: z.number().int().positive().optional().describe('tokens a minute'),
      concurrency: z.number().int().positive().optional().describe('requests at once'),
    })
    .optional(),
});

/** `provider:model`; the model may itself hold colons (Ollama's `llama3.1:8b`). */
const ModelRef = z
  .string()
  .regex(/^[^:\s]+:\S+$/, 'expected "provider:model", e.g. "openai:gpt-4.1-mini"');

const Usd = z.number().nonnegative('expected an amount in USD, 0 or more');

export const Budget = z.strictObject({
  daily_usd: Usd.optional().describe('stop calling models once this is spent in a UTC day'),
  monthly_usd: Usd.optional().describe('the same for a UTC calendar month'),
});

export const Recency = z.strictObject({
  high_days: z.number().positive().default(3),
  medium_days: z.number().positive().default(14),
  low_days: z.number().positive().default(30),
});

export const DraftTemplates = z.strictObject({
  proposal: z.string().optional(),
  cover_letter: z.string().optional(),
  tailored_resume: z.string().optional(),
  answer: z.string().optional(),
  follow_up: z.string().optional(),
});

const Llm = z
  .strictObject({
    providers: z.array(LlmProvider).default([]),
    tasks: z
      .strictObject(
        Object.fromEntries(LLM_TASKS.map((t) => [t, z.array(ModelRef).default([])])) as Record<
          LlmTask,
          z.ZodDefault<z.ZodArray<typeof ModelRef>>
        >,
      )
      .prefault({})
      .describe('for each task, the models to try in order, as "provider:model"'),
    budget: Budget.prefault({}),
    prices: z
      .record(ModelRef, z.strictObject({ input_per_mtok: Usd, output_per_mtok: Usd }))
      .default({})
      .describe('USD per million tokens, over the built-in price table'),
    timeout_seconds: z.number().positive().max(600).default(60),
  })
  .superRefine((llm, ctx) => {
    const names = llm.providers.map((p) => p.name);
    names.forEach((name, i) => {
      if (names.indexOf(name) !== i)
        ctx.addIssue({
          code: 'custom',
          path: ['providers', i, 'name'],
          message: `provider name "${name}" is used twice`,
        });
    });
    llm.providers.forEach((p, i) => {
      if (p.type === 'openai-compatible' && p.baseUrl === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['providers', i, 'baseUrl'],
          message:
            'an openai-compatible provider needs its baseUrl, e.g. http://127.0.0.1:11434/v1',
        });
      if (p.api !== undefined && p.type !== 'openai')
        ctx.addIssue({
          code: 'custom',
          path: ['providers', i, 'api'],
          message: 'only an openai provider has a choice of API (chat or responses)',
        });
    });
    const known = names.length === 0 ? 'none is configured' : `configured: ${names.join(', ')}`;
    for (const task of LLM_TASKS) {
      llm.tasks[task].forEach((ref, i) => {
        // A ref without a colon already fails its own format check; one reason is enough.
        if (!ref.includes(':')) return;
        const provider = ref.slice(0, ref.indexOf(':'));
        if (!names.includes(provider))
          ctx.addIssue({
            code: 'custom',
            path: ['tasks', task, i],
            message: `unknown provider "${provider}" (${known} under llm.providers)`,
          });
      });
    }
  });

/**
 * The shape of applydesk.yaml. Unknown keys are errors, so a typo is reported rather
 * than silently ignored. Secrets never live here: they come from the environment.
 */
export const ConfigFile = z.strictObject({
  database: z
    .strictObject({
      path: z
        .string()
        .min(1)
        .optional()
        .describe('SQLite file; default $APPLYDESK_HOME/applydesk.sqlite'),
    })
    .prefault({}),
  server: z
    .strictObject({
      host: z.string().min(1).default('127.0.0.1'),
      port: Port.default(7070),
      auth: z
        .enum(SERVER_AUTH_MODES)
        .default('auto')
        .describe('auto: tokens needed unless bound to loopback; required: always'),
      cors_origins: z
        .array(Origin)
        .default([])
        .describe('web origins allowed to call the API from a browser, e.g. https://desk.example'),
      extension_ids: z
        .array(
          z.string().regex(/^[a-p]{32}$/, 'expected a Chrome extension id: 32 letters from a to p'),
        )
        .default([])
        .describe('browser extensions allowed to call the API (chrome-extension://<id>)'),
      rate_limit: z
        .strictObject({
          requests_per_minute: z
            .number()
            .int()
            .positive()
            .default(600)
            .describe('per token, and per client address for requests without one'),
        })
        .prefault({}),
      body_limit_bytes: z
        .number()
        .int()
        .positive()
        .default(1_048_576)
        .describe('largest request body accepted'),
    })
    .prefault({}),
  ranking: z
    .strictObject({
      min_match_score: z.number().int().min(0).max(100).default(70),
      weights: Weights.prefault({}),
      recency: Recency.prefault({})
        .refine(
          (r) => r.high_days <= r.medium_days && r.medium_days <= r.low_days,
          'expected high_days <= medium_days <= low_days',
        )
        .describe('age windows, in days, of high, medium and low priority postings'),
    })
    .prefault({}),
  filters: Filters.prefault({}),
  drafting: z
    .strictObject({
      top: z
        .number()
        .int()
        .min(0)
        .max(500)
        .default(10)
        .describe('postings that get drafts after ranking'),
      tone: z.enum(['warm', 'direct']).default('warm').describe('how drafts sound'),
      templates: DraftTemplates.prefault({}).describe(
        'your own instructions for each kind of draft, added to every prompt',
      ),
    })
    .prefault({}),
  log: z
    .strictObject({
      level: z.enum(LOG_LEVELS).default('info'),
    })
    .prefault({}),
  /** Each source's own options are checked against its adapter when sources load. */
  sources: z
    .array(
      z.looseObject({
        name: z.string().min(1, 'every source needs a name'),
        type: z.string().min(1, 'every source needs a type (see `applydesk sources list`)'),
      }),
    )
    .default([])
    .refine(
      (list) => new Set(list.map((s) => s.name)).size === list.length,
      'source names must be unique',
    ),
  http: z
    .strictObject({
      proxies: z.array(z.url()).default([]).describe('HTTP(S) proxies, used in turn'),
      user_agent: z.string().min(1).optional(),
      timeout_seconds: z.number().positive().max(600).default(30),
      requests_per_minute_per_host: z.number().positive().max(600).default(60),
    })
    .prefault({}),
  /** Language models: providers, which models each task uses, budget caps and prices. */
  llm: Llm.prefault({}),
});
export type ConfigFile = z.infer<typeof ConfigFile>;

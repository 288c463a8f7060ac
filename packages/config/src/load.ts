import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { parseDocument } from 'yaml';
import {
  DEFAULT_WEIGHTS,
  DomainError,
  formatIssues,
  type FilterRules,
  type ScoreWeights,
} from '@applydesk/domain';
import {
  ConfigFile,
  LLM_TASKS,
  Port,
  type LlmProviderType,
  type LlmTask,
  type LogLevel,
  type ServerAuthMode,
} from './schema.js';
import { redactUrl } from './redact.js';
import { resolveSecretKey } from './secret-key.js';

export type SourceEntry = { name: string; type: string } & Record<string, unknown>;

export type DatabaseConfig = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

/** A model provider as configured; its key is read with `secret(apiKeyEnv)`, never from the file. */
export interface LlmProviderSettings {
  name: string;
  type: LlmProviderType;
  baseUrl: string | undefined;
  /** OpenAI only: Chat Completions (default) or the Responses API. */
  api: 'chat' | 'responses' | undefined;
  /** The variable holding the key: as configured, else the provider's usual one (none for openai-compatible). */
  apiKeyEnv: string | undefined;
  limits: { rpm?: number; tpm?: number; concurrency?: number };
}

export interface LlmSettings {
  providers: LlmProviderSettings[];
  /** For each task, the models to try in order. */
  tasks: Record<LlmTask, { provider: string; model: string }[]>;
  budget: { dailyUsd: number | null; monthlyUsd: number | null };
  /** USD per million tokens by "provider:model", over the built-in table. */
  prices: Record<string, { inputPerMtok: number; outputPerMtok: number }>;
  timeoutMs: number;
}

/** The environment variable each provider type reads its key from unless told otherwise. */
export const DEFAULT_API_KEY_ENV: Record<LlmProviderType, string | undefined> = {
  openai: 'OPENAI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
  google: 'GOOGLE_GENERATIVE_AI_API_KEY',
  cohere: 'COHERE_API_KEY',
  'openai-compatible': undefined,
};

/** Where the API listens and how it guards itself (applydesk.yaml `server:`). */
export interface ServerSettings {
  host: string;
  port: number;
  /** `auto`: tokens are needed unless bound to a loopback address; `required`: always. */
  auth: ServerAuthMode;
  corsOrigins: string[];
  /** Chrome extension ids whose `chrome-extension://<id>` origin may call the API. */
  extensionIds: string[];
  rateLimit: { requestsPerMinute: number };
  bodyLimitBytes: number;
}

/** Everything the rest of ApplyDesk reads about its setup, resolved and validated. */
export interface AppConfig {
  home: string;
  configPath: string;
  configFileFound: boolean;
  database: DatabaseConfig;
  server: ServerSettings;
  ranking: {
    minMatchScore: number;
    weights: ScoreWeights;
    recency: { highDays: number; mediumDays: number; lowDays: number };
  };
  /** The user's hard rules (applydesk.yaml `filters:`). */
  filters: FilterRules;
  drafting: {
    top: number;
    tone: 'warm' | 'direct';
    /** The user's instructions per kind of draft. */
    templates: Partial<
      Record<'proposal' | 'cover_letter' | 'tailored_resume' | 'answer' | 'follow_up', string>
    >;
  };
  log: { level: LogLevel };
  /** Configured sources as written; the engine checks each against its adapter. */
  sources: SourceEntry[];
  http: {
    proxies: string[];
    userAgent: string | undefined;
    timeoutMs: number;
    requestsPerMinutePerHost: number;
  };
  /** Language models (applydesk.yaml `llm:`); no providers means the offline writer. */
  llm: LlmSettings;
  /** Reads a secret from the environment; a function, so it never serializes into output. */
  secret: (name: string) => string | undefined;
  /** The key that encrypts stored tokens; read or created on first use (see resolveSecretKey). */
  secretKey: () => Uint8Array;
  /** Where each setting came from that did not come from the file, for `doctor`. */
  origins: Record<string, 'option' | 'env' | 'file' | 'default'>;
}

/** Explicit options: they beat the environment, which beats the file. */
export interface ConfigOverrides {
  configPath?: string;
  home?: string;
  port?: number | string;
  host?: string;
  databaseUrl?: string;
  logLevel?: LogLevel;
}

export interface LoadConfigOptions {
  overrides?: ConfigOverrides;
  /** The environment to read; defaults to process.env merged over .env files. */
  env?: Record<string, string | undefined>;
  cwd?: string;
}

export function defaultHome(env: Record<string, string | undefined>): string {
  return env.APPLYDESK_HOME !== undefined && env.APPLYDESK_HOME !== ''
    ? resolve(env.APPLYDESK_HOME)
    : join(homedir(), '.applydesk');
}

/**
 * The environment: process.env over `.env` in the working directory. Real variables win,
 * so a deployment can override what a developer keeps in .env.
 */
export function readEnvironment(cwd: string = process.cwd()): Record<string, string | undefined> {
  const file = join(cwd, '.env');
  const fromFile = existsSync(file) ? parseEnv(readFileSync(file, 'utf8')) : {};
  return { ...fromFile, ...process.env };
}

function configInvalid(where: string, problems: string[]): DomainError {
  return new DomainError(
    'CONFIG_INVALID',
    `${where} has ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${problems.join('; ')}`,
    {
      hint: `fix ${problems.length === 1 ? 'it' : 'them'} and run \`applydesk doctor\``,
      details: { problems, file: where },
    },
  );
}

function readConfigFile(path: string): unknown {
  const text = readFileSync(path, 'utf8');
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    throw configInvalid(
      path,
      doc.errors.map((e) => {
        const pos = e.linePos?.[0];
        const reason = (e.message.split('\n')[0] ?? e.message).replace(
          / at line \d+, column \d+:?$/,
          '',
        );
        return `${pos === undefined ? '(yaml)' : `line ${pos.line}, column ${pos.col}`}: ${reason}`;
      }),
    );
  }
  const value: unknown = doc.toJS() ?? {};
  // A section left with only comments (`database:`) reads as null: treat it as empty.
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, v === null ? {} : v]));
  }
  return value;
}

/** Loads applydesk.yaml (if any) and the environment into one validated AppConfig. */
export function loadConfig(options: LoadConfigOptions = {}): AppConfig {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? readEnvironment(cwd);
  const o = options.overrides ?? {};
  const origins: AppConfig['origins'] = {};

  const home = o.home !== undefined ? resolve(cwd, o.home) : defaultHome(env);
  const explicitPath = o.configPath ?? (env.APPLYDESK_CONFIG || undefined);
  const configPath =
    explicitPath !== undefined ? resolve(cwd, explicitPath) : join(home, 'applydesk.yaml');
  const configFileFound = existsSync(configPath);
  if (!configFileFound && explicitPath !== undefined) {
    throw new DomainError('CONFIG_NOT_FOUND', `config file ${configPath} does not exist`, {
      hint: `create it with \`applydesk init --config ${configPath}\`, or drop --config / APPLYDESK_CONFIG`,
    });
  }
  const parsed = ConfigFile.safeParse(configFileFound ? readConfigFile(configPath) : {});
  if (!parsed.success) throw configInvalid(configPath, formatIssues(parsed.error));
  const file = parsed.data;

  const problems: string[] = [];
  const pick = <T>(
    name: string,
    option: T | undefined,
    envName: string,
    fromFile: T,
    parse: (v: string) => T,
  ): T => {
    if (option !== undefined) {
      origins[name] = 'option';
      return option;
    }
    const raw = env[envName];
    if (raw !== undefined && raw !== '') {
      origins[name] = 'env';
      return parse(raw);
    }
    origins[name] = configFileFound ? 'file' : 'default';
    return fromFile;
  };
  const parsePort = (label: string) => (v: string | number) => {
    const r = Port.safeParse(v);
    if (r.success) return r.data;
    problems.push(`${label}: ${r.error.issues[0]?.message ?? 'invalid'} (got "${String(v)}")`);
    return 7070;
  };

  const port = o.port !== undefined ? parsePort('--port')(o.port) : undefined;
  const serverPort = pick(
    'server.port',
    port,
    'APPLYDESK_PORT',
    file.server.port,
    parsePort('APPLYDESK_PORT'),
  );
  const host = pick('server.host', o.host, 'APPLYDESK_HOST', file.server.host, (v) => v);
  const logLevel = pick('log.level', o.logLevel, 'APPLYDESK_LOG_LEVEL', file.log.level, (v) => {
    const r = ConfigFile.shape.log.unwrap().shape.level.safeParse(v);
    if (!r.success)
      problems.push(
        `APPLYDESK_LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent (got "${v}")`,
      );
    return r.success ? r.data : 'info';
  });

  const databaseUrl = o.databaseUrl ?? (env.DATABASE_URL || undefined);
  let database: DatabaseConfig;
  if (databaseUrl !== undefined) {
    origins['database'] = o.databaseUrl !== undefined ? 'option' : 'env';
    if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
      problems.push(`DATABASE_URL: expected a postgres:// URL (got "${redactUrl(databaseUrl)}")`);
    }
    database = { kind: 'postgres', url: databaseUrl };
  } else {
    origins['database'] = file.database.path !== undefined ? 'file' : 'default';
    const path = file.database.path;
    database = {
      kind: 'sqlite',
      path:
        path === undefined
          ? join(home, 'applydesk.sqlite')
          : isAbsolute(path)
            ? path
            : resolve(dirname(configPath), path),
    };
  }
  if (problems.length > 0) throw configInvalid('the environment', problems);

  let secretKey: Uint8Array | undefined;
  return {
    home,
    configPath,
    configFileFound,
    database,
    server: {
      host,
      port: serverPort,
      auth: file.server.auth,
      corsOrigins: file.server.cors_origins,
      extensionIds: file.server.extension_ids,
      rateLimit: { requestsPerMinute: file.server.rate_limit.requests_per_minute },
      bodyLimitBytes: file.server.body_limit_bytes,
    },
    ranking: rankingSettings(file.ranking),
    filters: filterRules(file.filters),
    drafting: draftingSettings(file.drafting),
    log: { level: logLevel },
    sources: file.sources,
    http: {
      proxies: file.http.proxies,
      userAgent: file.http.user_agent,
      timeoutMs: file.http.timeout_seconds * 1000,
      requestsPerMinutePerHost: file.http.requests_per_minute_per_host,
    },
    llm: llmSettings(file.llm),
    secret: (name) => {
      const value = env[name];
      return value === undefined || value === '' ? undefined : value;
    },
    secretKey: () => {
      secretKey ??= resolveSecretKey(home, env.APPLYDESK_SECRET_KEY);
      return secretKey;
    },
    origins,
  };
}

/** The file's `ranking:` as AppConfig holds it. */
export function rankingSettings(r: ConfigFile['ranking']): AppConfig['ranking'] {
  return {
    minMatchScore: r.min_match_score,
    weights: { ...DEFAULT_WEIGHTS, ...stripUndefined(r.weights) },
    recency: {
      highDays: r.recency.high_days,
      mediumDays: r.recency.medium_days,
      lowDays: r.recency.low_days,
    },
  };
}

/** The file's `drafting:` as AppConfig holds it. */
export function draftingSettings(d: ConfigFile['drafting']): AppConfig['drafting'] {
  return { top: d.top, tone: d.tone, templates: stripUndefined(d.templates) };
}

/** The file's `filters:` as the domain's FilterRules. */
export function filterRules(f: ConfigFile['filters']): FilterRules {
  const floor = f.salary_min;
  return {
    platforms: f.platforms,
    locations: f.locations,
    salaryMin:
      floor === undefined
        ? null
        : typeof floor === 'number'
          ? { amount: floor, currency: 'USD', period: 'year' }
          : floor,
    experienceLevels: f.experience_level,
    keywordsRequired: f.keywords.required,
    keywordsAny: f.keywords.any,
    keywordsExcluded: f.keywords.excluded,
    companiesExcluded: f.companies_excluded,
    postedWithinDays: f.posted_within_days ?? null,
    appliedCompanyWithinDays: f.applied_company_within_days ?? null,
    dailyCap: f.daily_cap ?? null,
  };
}

/** "openai:gpt-4.1-mini" → its parts; the model may hold colons of its own (ollama tags). */
export function splitModelRef(ref: string): { provider: string; model: string } {
  const at = ref.indexOf(':');
  return { provider: ref.slice(0, at), model: ref.slice(at + 1) };
}

function llmSettings(l: ConfigFile['llm']): LlmSettings {
  return {
    providers: l.providers.map((p) => ({
      name: p.name,
      type: p.type,
      baseUrl: p.baseUrl,
      api: p.api,
      apiKeyEnv: p.apiKeyEnv ?? DEFAULT_API_KEY_ENV[p.type],
      limits: stripUndefined(p.limits ?? {}),
    })),
    tasks: Object.fromEntries(LLM_TASKS.map((t) => [t, l.tasks[t].map(splitModelRef)])) as Record<
      LlmTask,
      { provider: string; model: string }[]
    >,
    budget: { dailyUsd: l.budget.daily_usd ?? null, monthlyUsd: l.budget.monthly_usd ?? null },
    prices: Object.fromEntries(
      Object.entries(l.prices).map(([ref, p]) => [
        ref,
        { inputPerMtok: p.input_per_mtok, outputPerMtok: p.output_per_mtok },
      ]),
    ),
    timeoutMs: l.timeout_seconds * 1000,
  };
}

function stripUndefined<T extends Record<string, unknown>>(
  value: T,
): Partial<{ [K in keyof T]: Exclude<T[K], undefined> }> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<{
    [K in keyof T]: Exclude<T[K], undefined>;
  }>;
}

/**
 * Creates the home directory when it is the default or was named explicitly; a database
 * path configured inside a directory that does not exist is left for the store to report.
 */
export function ensureHome(config: AppConfig): void {
  try {
    mkdirSync(config.home, { recursive: true });
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new DomainError(
      'DATABASE_DIRECTORY_MISSING',
      `cannot create the ApplyDesk home ${config.home} (${reason})`,
      {
        hint: 'set APPLYDESK_HOME (or --home) to a directory you can write',
        cause: error,
      },
    );
  }
}

/** APPLYDESK_DEBUG=1 shows stack traces of unexpected errors. */
export function debugEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return env.APPLYDESK_DEBUG === '1';
}

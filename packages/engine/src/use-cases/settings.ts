import {
  draftingSettings,
  filterRules,
  LLM_TASKS,
  rankingSettings,
  splitModelRef,
  updateConfigFile,
  type AppConfig,
  type LlmTask,
  type ServerAuthMode,
} from '@applydesk/config';
import { DomainError, type FilterRules, type ScoreWeights } from '@applydesk/domain';
import type { EngineContext } from '../context.js';
import { rankJobs, type RankResult } from './rank-jobs.js';

/** The settings in effect, as the dashboard shows them: never a secret, only whether it is set. */
export interface EffectiveSettings {
  configPath: string;
  configFileFound: boolean;
  filters: FilterRules;
  ranking: {
    minMatchScore: number;
    weights: ScoreWeights;
    recency: { highDays: number; mediumDays: number; lowDays: number };
  };
  drafting: AppConfig['drafting'];
  llm: {
    providers: {
      name: string;
      type: string;
      baseUrl: string | null;
      apiKeyEnv: string | null;
      /** Whether the variable holds a key; the key itself is never read out. */
      apiKeySet: boolean;
    }[];
    tasks: Record<LlmTask, string[]>;
    budget: { dailyUsd: number | null; monthlyUsd: number | null };
  };
  server: { host: string; port: number; auth: ServerAuthMode; corsOrigins: string[] };
}

function configOf(ctx: EngineContext): AppConfig {
  if (ctx.config !== undefined) return ctx.config;
  throw new DomainError('CONFIG_NOT_FOUND', 'this engine was opened without a configuration', {
    hint: 'open it with openEngine(loadConfig()) so settings can be read and saved',
  });
}

/** What ranking and drafting use now: ctx.settings, which a saved change updates in place. */
export function readSettings(ctx: EngineContext): EffectiveSettings {
  const config = configOf(ctx);
  const s = ctx.settings;
  return {
    configPath: config.configPath,
    configFileFound: config.configFileFound,
    filters: s.filters ?? config.filters,
    ranking: {
      minMatchScore: s.minMatchScore,
      weights: s.weights,
      recency: { ...config.ranking.recency, ...s.ranking?.recency },
    },
    drafting: {
      top: s.draftTop,
      tone: s.drafting?.tone ?? config.drafting.tone,
      templates: s.drafting?.templates ?? config.drafting.templates,
    },
    llm: {
      providers: config.llm.providers.map((p) => ({
        name: p.name,
        type: p.type,
        baseUrl: p.baseUrl ?? null,
        apiKeyEnv: p.apiKeyEnv ?? null,
        apiKeySet: p.apiKeyEnv !== undefined && config.secret(p.apiKeyEnv) !== undefined,
      })),
      tasks: Object.fromEntries(
        Object.entries(config.llm.tasks).map(([task, routes]) => [
          task,
          routes.map((r) => `${r.provider}:${r.model}`),
        ]),
      ) as Record<LlmTask, string[]>,
      budget: { ...config.llm.budget },
    },
    server: {
      host: config.server.host,
      port: config.server.port,
      auth: config.server.auth,
      corsOrigins: config.server.corsOrigins,
    },
  };
}

export interface SettingsUpdate {
  settings: EffectiveSettings;
  /** The ranking run a changed filter, weight or score threshold caused; null when none ran. */
  ranked: RankResult | null;
}

/**
 * Models a patch routes a task to through a provider the running server does not have (one
 * added to the file by hand since it started): the file would take them, the gateway could
 * not call them. Each as "llm.tasks.<task>.<i>: reason", the way INVALID_INPUT names fields.
 */
function unknownProviders(patch: unknown, running: string[]): string[] {
  const tasks = (patch as { llm?: { tasks?: unknown } } | null)?.llm?.tasks;
  if (typeof tasks !== 'object' || tasks === null) return [];
  const known = running.length === 0 ? 'the server runs none' : `it runs ${running.join(', ')}`;
  return Object.entries(tasks).flatMap(([task, refs]) =>
    Array.isArray(refs)
      ? refs.flatMap((ref, i) => {
          if (typeof ref !== 'string' || !ref.includes(':')) return [];
          const { provider } = splitModelRef(ref);
          return running.includes(provider)
            ? []
            : [
                `llm.tasks.${task}.${i}: provider "${provider}" is not one the server runs (${known}); add it under llm.providers in the file and restart`,
              ];
        })
      : [],
  );
}

/**
 * Saves a settings patch (applydesk.yaml keys: filters, ranking, drafting, llm.tasks,
 * llm.budget) into the config file, keeping the user's comments, then applies it to the
 * running engine and re-ranks when ranking inputs changed. INVALID_INPUT names each bad field
 * by its path.
 */
export async function updateSettings(
  ctx: EngineContext,
  patch: unknown,
  options: { actor: string },
): Promise<SettingsUpdate> {
  const config = configOf(ctx);
  const running = config.llm.providers.map((p) => p.name);
  const problems = unknownProviders(patch, running);
  if (problems.length > 0) {
    throw new DomainError('INVALID_INPUT', `the settings are invalid: ${problems.join('; ')}`, {
      hint: 'name a provider listed under llm.providers, as provider:model',
      details: { problems },
    });
  }
  const { file } = updateConfigFile(config.configPath, patch);
  config.configFileFound = true;

  // The file is the source of truth: take every editable section from it as saved, so a
  // change made by hand since the start is picked up too.
  const ranking = rankingSettings(file.ranking);
  const filters = filterRules(file.filters);
  const drafting = draftingSettings(file.drafting);
  const before = JSON.stringify([
    ctx.settings.filters,
    ctx.settings.weights,
    ctx.settings.minMatchScore,
    ctx.settings.ranking?.recency,
  ]);

  config.ranking = ranking;
  config.filters = filters;
  config.drafting = drafting;
  // In place: the gateway reads its routes and caps from these very objects on every call.
  // A task still naming a provider added to the file by hand keeps its running routes until
  // a restart, since the gateway has no client for that provider.
  for (const task of LLM_TASKS) {
    const routes = file.llm.tasks[task].map(splitModelRef);
    if (routes.every((r) => running.includes(r.provider))) config.llm.tasks[task] = routes;
  }
  Object.assign(config.llm.budget, {
    dailyUsd: file.llm.budget.daily_usd ?? null,
    monthlyUsd: file.llm.budget.monthly_usd ?? null,
  });

  ctx.settings.minMatchScore = ranking.minMatchScore;
  ctx.settings.weights = ranking.weights;
  ctx.settings.ranking = { ...ctx.settings.ranking, recency: ranking.recency };
  ctx.settings.filters = filters;
  ctx.settings.draftTop = drafting.top;
  ctx.settings.drafting = { tone: drafting.tone, templates: drafting.templates };

  const after = JSON.stringify([filters, ranking.weights, ranking.minMatchScore, ranking.recency]);
  // Ranking reads stored features and writes only scores that moved, so re-running is cheap;
  // with no profile yet there is nothing to rank.
  const ranked =
    before !== after && (await ctx.store.profiles.defaultId()) !== null
      ? await rankJobs(ctx, { actor: options.actor })
      : null;
  return { settings: readSettings(ctx), ranked };
}

import {
  DEFAULT_RANKING_SETTINGS,
  RANKING_FEATURES_VERSION,
  convertCurrency,
  corpusStats,
  extractJobFeatures,
  prepareProfile,
  scoreFeatures,
  type CorpusStats,
  type CurrencyConverter,
  type JobFeatures,
  type PreparedProfile,
  type Profile,
  type RankingSettings,
  type ScorableJob,
  type ScoreResult,
} from '@applydesk/domain';
import type { EngineContext } from '../context.js';

/**
 * The scorer as the ranking pipeline uses it: features extracted once per posting content
 * and stored, a profile prepared once per run, corpus statistics over every open posting
 * (BM25's document frequencies), then one cheap score per posting.
 */
export interface Ranker {
  /** Bumped when stored features must be extracted again. */
  readonly version: number;
  extract(job: ScorableJob): unknown;
  prepare(profile: Profile, now: Date): unknown;
  stats(features: readonly unknown[], prepared: unknown): unknown;
  score(features: unknown, prepared: unknown, now: Date, stats: unknown): ScoreResult;
  /** Pay in one currency expressed in another, for salary filters. */
  convert: CurrencyConverter;
}

/** The ranking settings in effect: defaults, then what the config says. */
export function rankingSettings(settings: EngineContext['settings']): RankingSettings {
  return {
    ...DEFAULT_RANKING_SETTINGS,
    ...(settings.ranking ?? {}),
    weights: settings.weights,
  };
}

export function rankerFor(settings: EngineContext['settings']): Ranker {
  const ranking = rankingSettings(settings);
  return {
    version: RANKING_FEATURES_VERSION,
    extract: (job) => extractJobFeatures(job),
    prepare: (profile, now) => prepareProfile(profile, ranking, now),
    stats: (features, prepared) =>
      corpusStats(features as JobFeatures[], prepared as PreparedProfile),
    score: (features, prepared, now, stats) =>
      scoreFeatures(
        features as JobFeatures,
        prepared as PreparedProfile,
        now,
        stats as CorpusStats,
      ),
    convert: (amount, from, to) => convertCurrency(amount, from, to, ranking.exchangeRates),
  };
}

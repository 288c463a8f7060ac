import {
  DEFAULT_RANKING_SETTINGS,
  RANKING_FEATURES_VERSION,
  convertCurrency,
  corpusCounts,
  extractJobFeatures,
  prepareProfile,
  scoreFeatures,
  statsFromCounts,
  type CorpusCounts,
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
 *
 * The corpus counts are JSON plain: a run keeps them so later runs score new postings against
 * the same counts without reading every posting's features (see rankJobs).
 */
export interface Ranker {
  /** Bumped when stored features must be extracted again. */
  readonly version: number;
  extract(job: ScorableJob): unknown;
  prepare(profile: Profile, now: Date): unknown;
  /** What BM25 counts over the postings (JSON plain, kept between runs). */
  count(features: readonly unknown[], prepared: unknown): CorpusCounts;
  /** The statistics scoring reads, from counts (fresh or kept). */
  stats(counts: CorpusCounts, prepared: unknown): unknown;
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
    count: (features, prepared) =>
      corpusCounts(features as JobFeatures[], prepared as PreparedProfile),
    stats: (counts, prepared) => statsFromCounts(counts, prepared as PreparedProfile),
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

/** Ranking: features extracted once per posting, a prepared profile, BM25 corpus statistics, scores. */
export {
  DEFAULT_RANKING_SETTINGS,
  DEFAULT_WEIGHTS,
  FIT_COMPONENTS,
  SCORE_COMPONENTS,
  type RankingSettings,
  type ScoreComponent,
  type ScoreWeights,
} from './settings.js';
export {
  RANKING_FEATURES_VERSION,
  extractJobFeatures,
  type AskedSkill,
  type JobFeatures,
  type ScorableJob,
} from './features.js';
export { prepareProfile, type PreparedProfile } from './prepare.js';
export {
  corpusCounts,
  corpusStats,
  statsFromCounts,
  type CorpusCounts,
  type CorpusStats,
} from './relevance.js';
export { scoreFeatures, scoreJob, type ScoreResult } from './score.js';
export { USD_PER_UNIT, USD_PER_UNIT_AS_OF, convertCurrency } from './currency.js';
export { annualize, formatMoney } from './pay.js';

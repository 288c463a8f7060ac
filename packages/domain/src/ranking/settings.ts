import { SCORE_COMPONENTS } from '../vocabulary.js';
import { USD_PER_UNIT } from './currency.js';

export { SCORE_COMPONENTS };

export type ScoreComponent = (typeof SCORE_COMPONENTS)[number];
export type ScoreWeights = Record<ScoreComponent, number>;

/** Components that say whether a posting is the user's kind of work. */
export const FIT_COMPONENTS: readonly ScoreComponent[] = ['relevance', 'skills', 'title'];

export const DEFAULT_WEIGHTS: ScoreWeights = {
  relevance: 0.2,
  skills: 0.25,
  title: 0.15,
  seniority: 0.08,
  employment: 0.07,
  remote: 0.08,
  location: 0.08,
  pay: 0.1,
  recency: 0.07,
  client: 0.1,
};

export interface RankingSettings {
  weights: ScoreWeights;
  /**
   * Age in days up to which a posting counts as high, medium and low priority; past twice
   * lowDays it is likely filled. Freelance marketplace posts, filled within days, use half.
   */
  recency: { highDays: number; mediumDays: number; lowDays: number };
  /**
   * US dollars one unit of each currency is worth (EUR 1.08 means €1 ≈ $1.08); entries here
   * replace the built-in table's (USD_PER_UNIT, as of USD_PER_UNIT_AS_OF).
   */
  exchangeRates?: Readonly<Record<string, number>>;
}

export const DEFAULT_RANKING_SETTINGS: Required<RankingSettings> = {
  weights: DEFAULT_WEIGHTS,
  recency: { highDays: 3, mediumDays: 14, lowDays: 30 },
  exchangeRates: USD_PER_UNIT,
};

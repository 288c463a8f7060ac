/**
 * The ranking under evaluation: the single seam bench/eval/run.ts calls. Swap the body for a
 * new ranker and run `npm run eval` to compare.
 */
import {
  corpusStats,
  extractJobFeatures,
  prepareProfile,
  scoreFeatures,
  type Profile,
  type ScorableJob,
} from '@applydesk/domain';

export interface RankedPosting {
  /** The job's id (postingKey in the evaluation set). */
  jobId: string;
  /** Higher is better. Equal scores are ties: the metrics average over their possible orders. */
  score: number;
  /** Optional short note shown beside misses in the report (e.g. the score's components). */
  why?: string;
}

/** What the report and results file call this ranker. */
export const RANKER_NAME =
  'scoreFeatures (packages/domain/src/ranking): fit (BM25, skills, title) gating terms, DEFAULT_RANKING_SETTINGS';

const SHORT: Record<string, string> = {
  relevance: 'rel',
  skills: 'skl',
  employment: 'emp',
  title: 'ttl',
  seniority: 'sen',
  remote: 'rem',
  location: 'loc',
  pay: 'pay',
  recency: 'rec',
  client: 'cli',
};

/**
 * Orders `jobs` for `profile`, best first, as of `now`. Postings it leaves out are treated as
 * ranked below every returned one, tied with each other. May return a promise.
 */
export function rankPostings(
  profile: Profile,
  jobs: readonly ScorableJob[],
  now: Date,
): RankedPosting[] | Promise<RankedPosting[]> {
  const prepared = prepareProfile(profile, {}, now);
  const features = jobs.map((job) => extractJobFeatures(job));
  const corpus = corpusStats(features, prepared);
  return jobs
    .map((job, i) => {
      const result = scoreFeatures(features[i]!, prepared, now, corpus);
      const parts = Object.entries(result.components).map(
        ([name, value]) => `${SHORT[name] ?? name} ${value.toFixed(2)}`,
      );
      const why = parts.length > 0 ? parts.join(' ') : (result.reasons[0]?.text ?? '');
      return { jobId: job.id, score: result.score, why };
    })
    .sort((a, b) => b.score - a.score);
}

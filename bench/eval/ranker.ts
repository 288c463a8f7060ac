/**
 * The ranking under evaluation: the single seam bench/eval/run.ts calls. Swap the body for a
 * new ranker and run `npm run eval` to compare.
 */
import { DEFAULT_WEIGHTS, scoreJob, type Profile, type ScorableJob } from '@applydesk/domain';

export interface RankedPosting {
  /** The job's id (postingKey in the evaluation set). */
  jobId: string;
  /** Higher is better. Equal scores are ties: the metrics average over their possible orders. */
  score: number;
  /** Optional short note shown beside misses in the report (e.g. the score's components). */
  why?: string;
}

/** What the report and results file call this ranker. */
export const RANKER_NAME = 'scoreJob (packages/domain/src/ranking/score.ts) with DEFAULT_WEIGHTS';

const SHORT: Record<string, string> = {
  skills: 'skl',
  title: 'ttl',
  seniority: 'sen',
  remote: 'rem',
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
  return jobs
    .map((job) => {
      const result = scoreJob(job, profile, now, DEFAULT_WEIGHTS);
      const parts = Object.entries(result.components).map(
        ([name, value]) => `${SHORT[name] ?? name} ${value.toFixed(2)}`,
      );
      const why = parts.length > 0 ? parts.join(' ') : (result.reasons[0]?.text ?? '');
      return { jobId: job.id, score: result.score, why };
    })
    .sort((a, b) => b.score - a.score);
}

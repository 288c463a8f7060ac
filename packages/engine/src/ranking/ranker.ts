import {
  DEFAULT_WEIGHTS,
  scoreJob,
  type CurrencyConverter,
  type MatchSkills,
  type Profile,
  type ScorableJob,
  type ScoreResult,
} from '@applydesk/domain';
import type { EngineContext } from '../context.js';

/**
 * The scorer as the ranking pipeline uses it: features extracted once per posting content
 * and stored, a profile prepared once per run, corpus statistics over every open posting,
 * then one cheap score per posting.
 */
export interface Ranker {
  /** Bumped when stored features must be extracted again. */
  readonly version: number;
  extract(job: ScorableJob): unknown;
  prepare(profile: Profile): unknown;
  stats(features: readonly unknown[], prepared: unknown): unknown;
  score(
    features: unknown,
    prepared: unknown,
    now: Date,
    stats: unknown,
  ): ScoreResult & { skills?: MatchSkills };
  /** Pay in one currency expressed in another, for salary filters. */
  convert: CurrencyConverter;
}

export function rankerFor(settings: EngineContext['settings']): Ranker {
  const weights = settings.weights ?? DEFAULT_WEIGHTS;
  return {
    version: 1,
    // The scorer reads no description: features are the posting without it.
    extract: ({ descriptionHtml: _html, descriptionText: _text, ...job }) => ({
      ...job,
      descriptionHtml: '',
      descriptionText: '',
    }),
    prepare: (profile) => profile,
    stats: () => null,
    score: (features, prepared, now) =>
      scoreJob(features as ScorableJob, prepared as Profile, now, weights),
    convert: (amount, from, to) => (from === to ? amount : null),
  };
}

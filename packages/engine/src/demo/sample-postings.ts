import type { JobInputDraft } from '@applydesk/domain';
import { composeRole, composeUpwork, pickCompany } from './sample-compose.js';
import { createRng, mixSeed } from './sample-random.js';
import { ROLE_RENDERERS, renderUpwork, type RoleSourceType } from './sample-sources.js';
import { SPECIALS, type SampleContext } from './sample-specials.js';

export const DEFAULT_SAMPLE_COUNT = 320;
export const DEFAULT_SAMPLE_SEED = 20_240_611;

type SourceType = RoleSourceType | 'upwork';

/** Share of each source in a set (percent). */
const SOURCE_WEIGHTS: readonly { source: SourceType; weight: number }[] = [
  { source: 'upwork', weight: 27 },
  { source: 'greenhouse', weight: 20 },
  { source: 'lever', weight: 14 },
  { source: 'ashby', weight: 10 },
  { source: 'workable', weight: 8 },
  { source: 'remotive', weight: 8 },
  { source: 'remoteok', weight: 7 },
  { source: 'hn', weight: 6 },
];

function regularPosting(ctx: SampleContext, slot: number): JobInputDraft {
  // One generator per slot: a posting depends only on seed, slot and now, not on the count.
  const rng = createRng(mixSeed(ctx.seed, slot));
  const source = rng.weighted(SOURCE_WEIGHTS, (s) => s.weight).source;
  switch (source) {
    case 'upwork':
      return renderUpwork(composeUpwork(rng, ctx.now), slot, rng, ctx);
    case 'greenhouse':
    case 'lever':
    case 'ashby':
    case 'workable':
      return ROLE_RENDERERS[source](
        composeRole(rng, ctx.now, pickCompany(rng, source)),
        slot,
        rng,
        ctx,
      );
    case 'remotive':
    case 'remoteok':
      return ROLE_RENDERERS[source](
        composeRole(rng, ctx.now, pickCompany(rng), { remoteOnly: true }),
        slot,
        rng,
        ctx,
      );
    case 'hn':
      return ROLE_RENDERERS.hn(composeRole(rng, ctx.now, pickCompany(rng)), slot, rng, ctx);
  }
}

/**
 * Realistic, fictional job and freelance postings from several sources, as their adapters
 * would hand them to ingest. Deterministic for a given seed and `now`; (sourceType,
 * externalId) is unique within a set of any size. Sets of 22 or more include the hostile
 * postings and cross-source duplicates of sample-specials.ts.
 */
export function generateSamplePostings(options: {
  now: Date;
  count?: number;
  seed?: number;
}): JobInputDraft[] {
  const count = options.count ?? DEFAULT_SAMPLE_COUNT;
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`count must be a non-negative integer, got ${count}`);
  if (Number.isNaN(options.now.getTime())) throw new RangeError('now is not a valid date');

  // Specials sit evenly spread through the set, one per slot.
  const withSpecials = count >= SPECIALS.length * 2;
  const slotOf = (index: number): number => Math.floor(((index + 0.5) * count) / SPECIALS.length);
  const specialAt = new Map<number, (typeof SPECIALS)[number]>();
  if (withSpecials) SPECIALS.forEach((special, index) => specialAt.set(slotOf(index), special));

  const ctx: SampleContext = {
    now: options.now,
    nowIso: options.now.toISOString(),
    seed: options.seed ?? DEFAULT_SAMPLE_SEED,
    slotOf,
  };
  const postings: JobInputDraft[] = [];
  for (let slot = 0; slot < count; slot++) {
    const special = specialAt.get(slot);
    postings.push(special === undefined ? regularPosting(ctx, slot) : special(ctx, slot));
  }
  return postings;
}

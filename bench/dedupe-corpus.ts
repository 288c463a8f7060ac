/**
 * Labelled near-duplicate sets built on the demo generator's postings (see
 * packages/domain/src/dedupe/test-support/corpus.ts for the reposts and negatives added).
 */
import { prepareJob } from '@applydesk/domain';
import { generateSamplePostings } from '@applydesk/engine';
import { normalizeCompany, normalizeTitle } from '@applydesk/domain';
import {
  buildCorpus,
  type CorpusPosting,
  type LabelledPosting,
} from '../packages/domain/src/dedupe/test-support/corpus.js';

export const CORPUS_NOW = new Date('2025-06-15T12:00:00Z');

/**
 * The demo set's own cross-source duplicates: SPECIALS in packages/engine/src/demo/
 * sample-specials.ts puts the second copy of a role at special index 4, 6 and 10, the first at
 * 0, 2 and 8; special `i` sits at slot floor((i + 0.5) · count / 11), and postings come in slot order.
 */
const DEMO_DUPLICATE_SPECIALS: readonly [number, number][] = [
  [0, 4],
  [2, 6],
  [8, 10],
];
const SPECIAL_COUNT = 11;

/** Demo postings, prepared as ingest prepares them, with their cluster labels. */
export function demoPostings(count: number, seed?: number): LabelledPosting[] {
  const drafts = generateSamplePostings({
    now: CORPUS_NOW,
    count,
    ...(seed === undefined ? {} : { seed }),
  });
  const postings: LabelledPosting[] = drafts.map((draft, slot) => {
    const job = prepareJob(draft);
    return {
      id: `demo-${slot}`,
      company: job.company,
      title: job.title,
      descriptionText: job.descriptionText,
      url: job.canonicalUrl,
      cluster: `demo-${slot}`,
      kind: 'original',
      edits: [],
    };
  });
  if (count >= SPECIAL_COUNT * 2) {
    const slotOf = (index: number): number => Math.floor(((index + 0.5) * count) / SPECIAL_COUNT);
    for (const [first, second] of DEMO_DUPLICATE_SPECIALS) {
      const copy = postings[slotOf(second)]!;
      copy.cluster = postings[slotOf(first)]!.cluster;
      copy.kind = 'repost';
      copy.edits = ['demo cross-source duplicate'];
    }
  }
  return postings;
}

/**
 * One posting per company and title. The generator now and then draws the same role at the
 * same company twice, with text that overlaps as much as a repost's (it composes from a few
 * paragraphs per role family); whether those are one role or two is anyone's guess, so the
 * base keeps the first and every pair in the set has a known answer. (The evaluation test also
 * reports the figures without this step.)
 */
export function distinctRoles<T extends CorpusPosting>(postings: readonly T[]): T[] {
  const seen = new Set<string>();
  return postings.filter((posting) => {
    const key = `${normalizeCompany(posting.company)}\u0000${normalizeTitle(posting.title)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface DedupeCorpusOptions {
  seed?: number;
  /** Share of the set that is reposts of another posting in it (default 0.2). */
  duplicateShare?: number;
  /** Share of the set that is hard negatives (default 0.05). */
  negativeShare?: number;
  /** Keep every demo posting, same-title look-alikes included (see distinctRoles). */
  raw?: boolean;
  /** Demo postings to draw from (demoPostings), so several sets share one generation. */
  pool?: readonly LabelledPosting[];
  /**
   * Treat each run of this many demo postings as other companies ("B7 Acme"): the demo has
   * about 90 companies, so without it a large set has thousands of postings per company,
   * which no real board has. The demo's own pairs are then ordinary postings.
   */
  companyBlock?: number;
}

/**
 * About `total` postings: demo postings (their three cross-source pairs included) plus
 * reposts making up `duplicateShare` of the set and hard negatives `negativeShare`.
 */
export function dedupeCorpus(total: number, options: DedupeCorpusOptions = {}): LabelledPosting[] {
  const duplicateShare = options.duplicateShare ?? 0.2;
  const negativeShare = options.negativeShare ?? 0.05;
  const wanted = Math.round(total * (1 - duplicateShare - negativeShare));
  // distinctRoles drops some postings: draw more than needed and cut the excess.
  let demo: readonly LabelledPosting[] =
    options.pool ??
    demoPostings(options.raw === true ? wanted : Math.round(wanted * 1.3), options.seed);
  const block = options.companyBlock;
  if (block !== undefined) {
    demo = demo.map((posting, i) => ({
      ...posting,
      company: `B${1 + Math.floor(i / block)} ${posting.company}`,
      cluster: posting.id,
      kind: 'original' as const,
      edits: [],
    }));
  }
  const demoReposts = demo.filter((posting) => posting.kind === 'repost');
  // The first copies of the demo's own pairs stay, whatever is cut.
  const firsts = new Set(demoReposts.map((posting) => posting.cluster));
  const pinned = demo.filter((posting) => firsts.has(posting.id));
  let others = demo.filter((posting) => posting.kind === 'original' && !firsts.has(posting.id));
  if (options.raw !== true) others = distinctRoles([...pinned, ...others]).slice(pinned.length);
  const originals: CorpusPosting[] = [
    ...pinned,
    ...others.slice(0, wanted - demoReposts.length - pinned.length),
  ];
  if (originals.length + demoReposts.length < wanted)
    throw new RangeError(`the pool holds too few distinct postings for a set of ${total}`);
  const corpus = buildCorpus(originals, {
    seed: options.seed ?? 1,
    duplicateShare: (duplicateShare * total - demoReposts.length) / (total - demoReposts.length),
    negativeShare,
  });
  // The demo's second copies come after everything else, so after their first copies.
  return [...corpus, ...demoReposts];
}

/**
 * Dedupe benchmark: fingerprint (shingles + MinHash) and LSH detection throughput at 10k, 50k
 * and 100k postings, and precision/recall on generated sets with 20% near-duplicates.
 * BENCH_DEDUPE_SIZES overrides the sizes (comma-separated).
 */
import {
  DEFAULT_BANDS,
  DEFAULT_DEDUPE_THRESHOLDS,
  DEFAULT_PERMUTATIONS,
  DEFAULT_ROWS,
  SLOT_LIMIT,
  NearDuplicateIndex,
} from '@applydesk/domain';
import {
  evaluateDetector,
  type Evaluation,
} from '../packages/domain/src/dedupe/test-support/evaluate.js';
import { dedupeCorpus, demoPostings } from './dedupe-corpus.js';

const SIZES = (process.env.BENCH_DEDUPE_SIZES ?? '10000,50000,100000')
  .split(',')
  .map((size) => Number(size.trim()));
/** Demo postings per block of companies in the scaling runs (see DedupeCorpusOptions). */
const COMPANY_BLOCK = 2000;
const QUALITY_SIZE = 5000;

/** Lets the console catch up between long synchronous phases. */
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const round = (n: number, digits = 4): number => Math.round(n * 10 ** digits) / 10 ** digits;

function quality(evaluation: Evaluation) {
  return {
    postings: evaluation.postings,
    duplicates_expected: evaluation.expected,
    duplicates_found: evaluation.predicted,
    correct: evaluation.correct,
    precision: round(evaluation.precision),
    recall: round(evaluation.recall),
    false_positives: evaluation.falsePositives.length,
    false_negatives: evaluation.falseNegatives.length,
  };
}

function throughput(evaluation: Evaluation) {
  const { fingerprint, detect } = evaluation.seconds;
  const n = evaluation.postings;
  return {
    postings: n,
    fingerprint_seconds: round(fingerprint, 2),
    detect_seconds: round(detect, 2),
    fingerprint_us_per_posting: round((fingerprint * 1e6) / n, 1),
    detect_us_per_posting: round((detect * 1e6) / n, 1),
    postings_per_s: Math.round(n / (fingerprint + detect)),
    candidates_per_query: round(evaluation.candidatesPerQuery, 2),
  };
}

/**
 * The LSH index alone (add + query per posting) on random signatures, 25 postings per key:
 * no text work, so the cost per operation shows whether the index itself stays O(bands).
 */
function indexOnly(size: number) {
  let state = 0x9e3779b9;
  const next = (): number => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state % SLOT_LIMIT;
  };
  const signatures = Array.from({ length: size }, () =>
    Uint32Array.from({ length: DEFAULT_PERMUTATIONS }, next),
  );
  const keys = Array.from({ length: size }, (_, i) => `company ${i % Math.ceil(size / 25)}`);
  const heapBefore = process.memoryUsage().heapUsed;
  const index = new NearDuplicateIndex();
  const started = performance.now();
  let candidates = 0;
  for (let i = 0; i < size; i++) {
    candidates += index.query(signatures[i]!, keys[i]!).length;
    index.add(`job_${i}`, signatures[i]!, keys[i]!);
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    postings: size,
    seconds: round(seconds, 2),
    us_per_add_and_query: round((seconds * 1e6) / size, 1),
    candidates_per_query: round(candidates / size, 3),
    heap_mb: Math.round((process.memoryUsage().heapUsed - heapBefore) / 1e6),
  };
}

export async function benchDedupe(): Promise<object> {
  const clock = (): number => performance.now();

  console.error(`dedupe quality on ${QUALITY_SIZE} postings…`);
  const clean = evaluateDetector(dedupeCorpus(QUALITY_SIZE), {}, clock);
  const raw = evaluateDetector(dedupeCorpus(QUALITY_SIZE, { raw: true }), {}, clock);
  const reseeded = evaluateDetector(dedupeCorpus(QUALITY_SIZE, { seed: 2 }), {}, clock);

  const largest = Math.max(...SIZES);
  let started = performance.now();
  // Enough demo postings for the largest set after distinctRoles drops look-alikes.
  const pool = demoPostings(Math.round(largest * 0.75 * 1.2));
  console.error(
    `generated and prepared ${pool.length} demo postings in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const scaling: object[] = [];
  for (const size of SIZES) {
    console.error(`dedupe throughput at ${size}…`);
    await tick();
    const corpus = dedupeCorpus(size, { pool, companyBlock: COMPANY_BLOCK });
    started = performance.now();
    const evaluation = evaluateDetector(corpus, {}, clock);
    scaling.push({
      ...throughput(evaluation),
      wall_seconds: round((performance.now() - started) / 1000, 2),
      precision: round(evaluation.precision),
      recall: round(evaluation.recall),
    });
  }

  const index: object[] = [];
  for (const size of SIZES) {
    await tick();
    index.push(indexOnly(size));
  }

  return {
    parameters: {
      permutations: DEFAULT_PERMUTATIONS,
      bands: DEFAULT_BANDS,
      rows: DEFAULT_ROWS,
      shingle_words: 3,
      thresholds: DEFAULT_DEDUPE_THRESHOLDS,
    },
    quality: {
      note: '20% reposts (reworded paragraph, boilerplate, reordered bullets, dropped parts, decorated title and company) and 5% hard negatives (same text under another company, another role or level at the same company)',
      distinct_roles: quality(clean),
      distinct_roles_seed_2: quality(reseeded),
      raw_demo_with_same_title_lookalikes: quality(raw),
    },
    scaling: {
      note: `20% near-duplicates; companies renewed every ${COMPANY_BLOCK} demo postings so that postings per company stay realistic as the set grows`,
      runs: scaling,
    },
    lsh_index_only: {
      note: 'add + query per posting on random signatures; heap_mb: the index alone, approximate (GC timing)',
      runs: index,
    },
  };
}

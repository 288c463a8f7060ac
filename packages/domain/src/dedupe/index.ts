/**
 * Cross-source deduplication: one role seen on a job board and on the company's own ATS page
 * is shown once. Pure and deterministic; the store keeps each posting's signature and which
 * posting it duplicates, ingest decides with these functions.
 *
 *   const fingerprinter = new Fingerprinter();        // one-permutation MinHash, 128 bins, word 3-shingles
 *   const detector = new DuplicateDetector();         // LSH, 32 bands × 4 rows, company-blocked
 *   const print = fingerprinter.fingerprint(job);     // { key, title, signature, url, links }
 *   const match = detector.find(print);               // { id, reason, similarity } | null
 *   if (match === null) detector.add(job.id, print);  // only canonical postings go in
 */
export {
  normalizeCompany,
  normalizeTitle,
  titleTokens,
  titleSimilarity,
  compareTitles,
} from './normalize.js';
export { shingleHashes, shingleList, descriptionWords, DEFAULT_SHINGLE_SIZE } from './shingles.js';
export { fnv1a32 } from './hash32.js';
export {
  MinHasher,
  estimateJaccard,
  isEmptySignature,
  DEFAULT_PERMUTATIONS,
  DEFAULT_MINHASH_SEED,
  EMPTY_SLOT,
  SLOT_LIMIT,
  type MinHashOptions,
} from './minhash.js';
export { encodeSignature, decodeSignature } from './signature-codec.js';
export { NearDuplicateIndex, DEFAULT_BANDS, DEFAULT_ROWS, type LshOptions } from './lsh.js';
export {
  DEFAULT_DEDUPE_THRESHOLDS,
  DuplicateDetector,
  Fingerprinter,
  isNearDuplicate,
  linkedUrls,
  postingSimilarity,
  titleLevel,
  type DedupeFingerprint,
  type DedupeSource,
  type DedupeThresholds,
  type DuplicateDetectorOptions,
  type DuplicateMatch,
  type FingerprintOptions,
  type Similarity,
} from './near-duplicate.js';

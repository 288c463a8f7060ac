/**
 * Relevance: Okapi BM25 of a posting's kept terms (title and description) against the
 * profile's query (target titles, headline, skills, roles, résumé themes), read against what
 * a posting squarely about the user would score, so it means the same in a corpus of 200
 * postings or of 100,000.
 */
import type { JobFeatures } from './features.js';
import type { PreparedProfile } from './prepare.js';

const K1 = 1.2;
const B = 0.75;
/** The "squarely about you" posting: names this many of your strongest terms … */
const REFERENCE_TERMS = 6;
/** … this many times each, at average length. */
const REFERENCE_TF = 2;

/** What BM25 needs of the ranked postings, for one prepared profile. */
export interface CorpusStats {
  docs: number;
  avgLength: number;
  /** Document frequency of each query term that occurs. */
  df: Map<string, number>;
  /** Query weight × IDF of every query term. */
  termWeight: Map<string, number>;
  /** BM25 of the reference posting: relevance is BM25 / reference, at most 1. */
  reference: number;
}

/**
 * What BM25 counts over the ranked postings, before the profile's query weighs it: JSON
 * plain, so a ranking run can keep it and score postings added later against the same
 * counts (scores then stay comparable with one another without reading every posting again).
 */
export interface CorpusCounts {
  docs: number;
  avgLength: number;
  /** Document frequency of each query term that occurs (terms that never occur left out). */
  df: Record<string, number>;
}

/** Document frequencies of the profile's query terms over the ranked postings. */
export function corpusCounts(
  features: Iterable<Pick<JobFeatures, 'terms' | 'length'>>,
  prepared: PreparedProfile,
): CorpusCounts {
  const index = new Map<string, number>();
  const terms = [...prepared.query.keys()];
  for (const [i, term] of terms.entries()) index.set(term, i);
  const counts = new Int32Array(terms.length);
  let docs = 0;
  let total = 0;
  for (const f of features) {
    docs++;
    total += f.length;
    for (const term of f.terms) {
      const i = index.get(term);
      if (i !== undefined) counts[i]!++;
    }
  }
  // No prototype: a query term such as "constructor" is a key like any other.
  const df = Object.create(null) as Record<string, number>;
  for (const [i, term] of terms.entries()) if (counts[i]! > 0) df[term] = counts[i]!;
  return { docs, avgLength: docs === 0 ? 1 : total / docs, df };
}

/** BM25 statistics of counted postings for a prepared profile's query. */
export function statsFromCounts(counts: CorpusCounts, prepared: PreparedProfile): CorpusStats {
  const { docs } = counts;
  const df = new Map<string, number>();
  const termWeight = new Map<string, number>();
  for (const [term, weight] of prepared.query) {
    const n = Object.hasOwn(counts.df, term) ? (counts.df[term] ?? 0) : 0;
    if (n > 0) df.set(term, n);
    const idf = Math.log(1 + (docs - n + 0.5) / (n + 0.5));
    termWeight.set(term, weight * idf);
  }
  // The reference posting names the user's strongest terms (title, headline and skill
  // words, weight >= 2) that postings about such work use most often.
  const strongest = [...prepared.query.keys()]
    .filter((t) => (prepared.query.get(t) ?? 0) >= 2 && (df.get(t) ?? 0) > 0)
    .sort((a, b) => (df.get(b) ?? 0) - (df.get(a) ?? 0))
    .slice(0, REFERENCE_TERMS)
    .map((t) => termWeight.get(t) ?? 0);
  const tfPart = (REFERENCE_TF * (K1 + 1)) / (REFERENCE_TF + K1);
  const reference = strongest.reduce((a, w) => a + w * tfPart, 0);
  return {
    docs,
    avgLength: counts.avgLength,
    df,
    termWeight,
    reference: reference > 0 ? reference : 1,
  };
}

/** Document frequencies of the profile's query terms over the ranked postings. */
export function corpusStats(
  features: Iterable<JobFeatures>,
  prepared: PreparedProfile,
): CorpusStats {
  return statsFromCounts(corpusCounts(features, prepared), prepared);
}

/** BM25 of a posting's kept terms, and the query terms it matched, best first. */
export function bm25(f: JobFeatures, corpus: CorpusStats): { score: number; matched: string[] } {
  let score = 0;
  const norm = K1 * (1 - B + (B * f.length) / Math.max(1, corpus.avgLength));
  const matched: string[] = [];
  const { terms, tf } = f;
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i]!;
    const weight = corpus.termWeight.get(term);
    if (weight === undefined || weight <= 0) continue;
    const n = tf[i] ?? 1;
    score += (weight * (n * (K1 + 1))) / (n + norm);
    if (matched.length < 4) matched.push(term);
  }
  return { score, matched };
}

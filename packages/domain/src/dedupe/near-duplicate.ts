import { canonicalUrl } from '../url.js';
import { DEFAULT_BANDS, DEFAULT_ROWS, NearDuplicateIndex, type LshOptions } from './lsh.js';
import { estimateJaccard, MinHasher, type MinHashOptions } from './minhash.js';
import { compareTitles, normalizeCompany, normalizeTitle, titleTokens } from './normalize.js';
import { DEFAULT_SHINGLE_SIZE, shingleList } from './shingles.js';

/** When two postings of one company count as one role. */
export interface DedupeThresholds {
  /** Minimum Jaccard similarity of the normalized titles' word sets (one set must hold the other). */
  title: number;
  /** Minimum estimated Jaccard similarity of the descriptions' word 3-shingles. */
  description: number;
}

/**
 * Chosen on generated sets of 5,000 postings with 20% reposts and 5% hard negatives (engine
 * demo postings and the pure synthetic set; bench/dedupe.bench.ts). Precision / recall by
 * description threshold, demo | synthetic: 0.4 → 0.957/0.967 | 0.960/0.972; 0.45 →
 * 0.972/0.966 | 0.969/0.964; 0.5 → 0.980/0.955 | 0.991/0.947; 0.55 → 0.991/0.941 |
 * 1.000/0.902; 0.6 → 0.996/0.915 | 1.000/0.854 (one-permutation signatures; the 128-function
 * MinHash before them measured the same within a point, and the same on average over seeds).
 * 0.5 is where both sets keep precision near 0.98-0.99 with recall near 0.95, and it errs
 * towards keeping postings apart: a wrong merge hides a role, a missed one shows it twice.
 * Title 0.5 (with nesting and equal level words) lets a board drop a team or specialty
 * ("Backend Engineer (Node.js)" → "Backend Engineer"); 0.7 costs 2-3 points of recall for
 * under one of precision.
 */
export const DEFAULT_DEDUPE_THRESHOLDS: DedupeThresholds = { title: 0.5, description: 0.5 };

/** Everything dedupe compares of a posting; a few hundred bytes, cheap to keep in memory. */
export interface DedupeFingerprint {
  /** normalizeCompany of the company: postings of different companies never match. */
  key: string;
  /** normalizeTitle of the title. */
  title: string;
  /** MinHash signature of the description's shingles. */
  signature: Uint32Array;
  /** The posting's own canonical URL, when known. */
  url?: string | null;
  /** Canonical URLs of postings the description links to ("Full description: <url>"). */
  links?: readonly string[];
}

export interface FingerprintOptions extends MinHashOptions {
  shingleSize?: number;
}

/** The posting fields a fingerprint is made of. */
export interface DedupeSource {
  company: string;
  title: string;
  descriptionText: string;
  /** The posting's URL (canonicalized here); optional. */
  url?: string | null;
  /**
   * The URL already in canonical form (prepareJob's `canonicalUrl`): used as is, which spares
   * canonicalizing it again (canonicalUrl is idempotent); `url` is the fallback when null.
   */
  canonicalUrl?: string | null;
}

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'`]+/gi;

/** Canonical forms of the http(s) URLs written in a text, without repeats. */
export function linkedUrls(text: string): string[] {
  const out = new Set<string>();
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const url = canonicalUrl(match[0].replace(/[.,;:!?)\]]+$/, ''));
    if (url !== null) out.add(url);
  }
  return [...out];
}

/**
 * Makes fingerprints with one MinHasher, so they compare: create one per process (or per
 * ingest run) and keep it; it is deterministic, so fingerprints from any run compare too.
 */
export class Fingerprinter {
  readonly hasher: MinHasher;
  readonly shingleSize: number;

  constructor(options: FingerprintOptions = {}) {
    this.hasher = new MinHasher(options);
    this.shingleSize = options.shingleSize ?? DEFAULT_SHINGLE_SIZE;
  }

  /** The signature of a description alone (what is stored as dedupe_signature). */
  signature(descriptionText: string): Uint32Array {
    // The shingles unsorted, repeats in: a minimum per bin needs neither order nor uniqueness.
    return this.hasher.signature(shingleList(descriptionText, this.shingleSize));
  }

  fingerprint(source: DedupeSource): DedupeFingerprint {
    const url =
      source.canonicalUrl ??
      (source.url === undefined || source.url === null ? null : canonicalUrl(source.url));
    return {
      key: normalizeCompany(source.company),
      title: normalizeTitle(source.title),
      signature: this.signature(source.descriptionText),
      url,
      links: linkedUrls(source.descriptionText).filter((link) => link !== url),
    };
  }
}

/** Title words that name a level: two postings that differ in them are different roles. */
const LEVEL_WORDS = new Set([
  'intern',
  'internship',
  'trainee',
  'apprentice',
  'graduate',
  'entry',
  'junior',
  'associate',
  'mid',
  'intermediate',
  'senior',
  'staff',
  'principal',
  'distinguished',
  'lead',
  'head',
  'director',
  'chief',
  'vp',
  'i',
  'ii',
  'iii',
  'iv',
]);

/** The level words of a normalized title, sorted and joined ("senior", "", "lead staff"). */
export function titleLevel(normalizedTitle: string): string {
  return titleTokens(normalizedTitle)
    .filter((word) => LEVEL_WORDS.has(word))
    .sort()
    .join(' ');
}

export interface Similarity {
  sameCompany: boolean;
  /** Same level words in both titles (Senior vs Staff, or Senior vs none, differ). */
  sameLevel: boolean;
  /** Jaccard similarity of the titles' words. */
  title: number;
  /** One title's words include all of the other's. */
  titleNested: boolean;
  /** Estimated Jaccard similarity of the descriptions. */
  description: number;
}

export function postingSimilarity(a: DedupeFingerprint, b: DedupeFingerprint): Similarity {
  const titles = compareTitles(a.title, b.title);
  return {
    sameCompany: a.key === b.key && a.key !== '',
    sameLevel: titleLevel(a.title) === titleLevel(b.title),
    title: titles.jaccard,
    titleNested: titles.nested,
    description: estimateJaccard(a.signature, b.signature),
  };
}

/** Whether the titles name the same role at the same level, under the title threshold. */
function sameRole(s: Similarity, thresholds: DedupeThresholds): boolean {
  return s.sameCompany && s.sameLevel && s.titleNested && s.title >= thresholds.title;
}

/**
 * Whether two postings are one role seen twice: the same normalized company; titles with the
 * same level words (Senior, Staff, II…), one title's words holding the other's, with word
 * Jaccard at least `thresholds.title`; and descriptions whose estimated Jaccard similarity is
 * at least `thresholds.description`.
 */
export function isNearDuplicate(
  a: DedupeFingerprint,
  b: DedupeFingerprint,
  thresholds: DedupeThresholds = DEFAULT_DEDUPE_THRESHOLDS,
): boolean {
  const s = postingSimilarity(a, b);
  return sameRole(s, thresholds) && s.description >= thresholds.description;
}

/** Whether one posting links the other (or both have one canonical URL). */
function linked(a: DedupeFingerprint, b: DedupeFingerprint): boolean {
  const aUrl = a.url ?? null;
  const bUrl = b.url ?? null;
  if (aUrl !== null && (aUrl === bUrl || (b.links ?? []).includes(aUrl))) return true;
  return bUrl !== null && (a.links ?? []).includes(bUrl);
}

export interface DuplicateMatch {
  /** Id of the posting already indexed that the new one duplicates. */
  id: string;
  /** near-duplicate: similar text; linked: one links the other's URL (text may differ). */
  reason: 'near-duplicate' | 'linked';
  similarity: Similarity;
}

export interface DuplicateDetectorOptions extends LshOptions {
  thresholds?: DedupeThresholds;
}

/**
 * Finds, for a new posting, the posting already seen that it duplicates: candidates come from
 * the LSH index (same company, a shared band) and from URLs (its own canonical URL, or a URL
 * its description links); each is checked with isNearDuplicate, or for a URL match with the
 * title rule alone, and the most similar wins. Add only canonical postings, so that a third
 * copy of a role points at the first rather than at another copy.
 *
 * Work per call is O(bands + candidates); memory is one fingerprint per posting added.
 */
export class DuplicateDetector {
  readonly thresholds: DedupeThresholds;
  private readonly index: NearDuplicateIndex;
  private readonly entries = new Map<string, Entry>();
  /** Canonical URL → ids of postings whose own URL it is. */
  private readonly byOwnUrl = new Map<string, string[]>();
  /** Canonical URL → ids of postings whose description links it. */
  private readonly byLink = new Map<string, string[]>();
  private readonly counts = { queries: 0, candidates: 0 };

  constructor(options: DuplicateDetectorOptions = {}) {
    this.thresholds = options.thresholds ?? DEFAULT_DEDUPE_THRESHOLDS;
    this.index = new NearDuplicateIndex({
      bands: options.bands ?? DEFAULT_BANDS,
      rows: options.rows ?? DEFAULT_ROWS,
    });
  }

  get size(): number {
    return this.entries.size;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** Calls of find, and candidates they checked: the work beyond O(bands) per call. */
  get stats(): { queries: number; candidates: number } {
    return { ...this.counts };
  }

  add(id: string, fingerprint: DedupeFingerprint): void {
    this.delete(id);
    this.entries.set(id, entryOf(fingerprint));
    this.index.add(id, fingerprint.signature, fingerprint.key);
    if (fingerprint.url !== undefined && fingerprint.url !== null)
      addTo(this.byOwnUrl, fingerprint.url, id);
    for (const link of fingerprint.links ?? []) addTo(this.byLink, link, id);
  }

  delete(id: string): void {
    const entry = this.entries.get(id);
    if (entry === undefined) return;
    this.entries.delete(id);
    this.index.delete(id);
    const { url, links } = entry.fingerprint;
    if (url !== undefined && url !== null) removeFrom(this.byOwnUrl, url, id);
    for (const link of links ?? []) removeFrom(this.byLink, link, id);
  }

  /** The indexed posting this one duplicates, or null. */
  find(fingerprint: DedupeFingerprint): DuplicateMatch | null {
    const self = entryOf(fingerprint);
    let best: { match: DuplicateMatch; rank: number } | null = null;
    this.counts.queries += 1;
    const consider = (id: string, reason: DuplicateMatch['reason']): void => {
      this.counts.candidates += 1;
      const other = this.entries.get(id);
      if (
        other === undefined ||
        fingerprint.key === '' ||
        other.fingerprint.key !== fingerprint.key
      )
        return;
      if (other.level !== self.level) return;
      const titles = compareTitles(self.fingerprint.title, other.fingerprint.title);
      if (!titles.nested || titles.jaccard < this.thresholds.title) return;
      const description = estimateJaccard(fingerprint.signature, other.fingerprint.signature);
      if (reason === 'near-duplicate' && description < this.thresholds.description) return;
      if (reason === 'linked' && !linked(fingerprint, other.fingerprint)) return;
      const s: Similarity = {
        sameCompany: true,
        sameLevel: true,
        title: titles.jaccard,
        titleNested: true,
        description,
      };
      const score = rank(s, reason);
      if (best === null || score > best.rank)
        best = { match: { id, reason, similarity: s }, rank: score };
    };
    // Postings it links, postings with its URL, postings that link it: not postings that
    // merely link the same page (a careers page many postings of a company point at).
    const url = fingerprint.url ?? null;
    for (const link of fingerprint.links ?? [])
      for (const id of this.byOwnUrl.get(link) ?? []) consider(id, 'linked');
    if (url !== null) {
      for (const id of this.byOwnUrl.get(url) ?? []) consider(id, 'linked');
      for (const id of this.byLink.get(url) ?? []) consider(id, 'linked');
    }
    for (const id of this.index.query(fingerprint.signature, fingerprint.key))
      consider(id, 'near-duplicate');
    const found = best as { match: DuplicateMatch } | null;
    return found === null ? null : found.match;
  }
}

interface Entry {
  fingerprint: DedupeFingerprint;
  level: string;
}

function entryOf(fingerprint: DedupeFingerprint): Entry {
  return { fingerprint, level: titleLevel(fingerprint.title) };
}

function addTo(map: Map<string, string[]>, key: string, id: string): void {
  const ids = map.get(key);
  if (ids === undefined) map.set(key, [id]);
  else ids.push(id);
}

function removeFrom(map: Map<string, string[]>, key: string, id: string): void {
  const ids = map.get(key)?.filter((other) => other !== id) ?? [];
  if (ids.length === 0) map.delete(key);
  else map.set(key, ids);
}

/** Higher is a better match: a link beats text similarity, then description, then title. */
function rank(s: Similarity, reason: DuplicateMatch['reason']): number {
  return (reason === 'linked' ? 10 : 0) + s.description * 2 + s.title;
}

import {
  decodeSignature,
  DuplicateDetector,
  encodeSignature,
  Fingerprinter,
  normalizeTitle,
  type DedupeFingerprint,
  type JobInput,
} from '@applydesk/domain';
import type { Store } from '@applydesk/store';

/**
 * What ingest needs to catch the same role arriving from another source. Postings match only
 * within their company (the fingerprint's key), so the index holds the stored postings of the
 * companies seen so far, read the first time a posting of each is checked (readCompanies):
 * a run reads what its postings can match, not every stored posting. (Reading all of them
 * took 4 s on a 100k-posting database, before every source run and every capture.)
 */
export interface Deduplicator {
  fingerprinter: Fingerprinter;
  detector: DuplicateDetector;
  /** Keys whose stored open canonical postings are in the detector. */
  companiesRead: Set<string>;
}

/** Jobs signed anew per read and write: a page of descriptions in memory at a time. */
const RESIGN_CHUNK = 1000;

/** An empty deduplicator: keep one for a whole run (or process) so each company is read once. */
export function createDeduplicator(): Deduplicator {
  return {
    fingerprinter: new Fingerprinter(),
    detector: new DuplicateDetector(),
    companiesRead: new Set(),
  };
}

/**
 * Reads into the index the stored open canonical postings of these companies that are not
 * read yet. A stored signature that does not decode (one of an older kind, or of another
 * length) would compare as nothing alike: that posting is fingerprinted again from its stored
 * fields, its new signature written back, and it goes into the index like the others. Pass
 * the transaction's store when inside one.
 */
export async function readCompanies(
  store: Store,
  dedupe: Deduplicator,
  keys: Iterable<string>,
): Promise<void> {
  const missing = new Set<string>();
  // A posting without a company key matches nothing: nothing to read for it.
  for (const key of keys) if (key !== '' && !dedupe.companiesRead.has(key)) missing.add(key);
  if (missing.size === 0) return;
  const { fingerprinter, detector } = dedupe;
  const unsigned: string[] = [];
  for (const candidate of await store.jobs.listDedupeCandidates([...missing])) {
    const signature = decodeSignature(candidate.signature, fingerprinter.hasher.permutations);
    if (signature === null) {
      unsigned.push(candidate.id);
      continue;
    }
    detector.add(candidate.id, {
      key: candidate.key,
      title: normalizeTitle(candidate.title),
      signature,
      url: candidate.canonicalUrl,
    });
  }
  for (let start = 0; start < unsigned.length; start += RESIGN_CHUNK) {
    const sources = await store.jobs.fingerprintSources(
      unsigned.slice(start, start + RESIGN_CHUNK),
    );
    const entries = sources.map((source) => {
      const print = fingerprinter.fingerprint(source);
      detector.add(source.id, print);
      return { jobId: source.id, key: print.key, signature: encodeSignature(print.signature) };
    });
    await store.jobs.setDedupeSignatures(entries);
  }
  for (const key of missing) dedupe.companiesRead.add(key);
}

export function fingerprintOf(dedupe: Deduplicator, job: JobInput): DedupeFingerprint {
  return dedupe.fingerprinter.fingerprint({
    company: job.company,
    title: job.title,
    descriptionText: job.descriptionText,
    canonicalUrl: job.canonicalUrl,
    url: job.url,
  });
}

export { encodeSignature };

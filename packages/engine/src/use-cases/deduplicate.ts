import {
  decodeSignature,
  DuplicateDetector,
  encodeSignature,
  Fingerprinter,
  normalizeTitle,
  type DedupeFingerprint,
  type JobInput,
} from '@applydesk/domain';
import type { EngineContext } from '../context.js';

/** What one ingest run needs to catch the same role arriving from another source. */
export interface Deduplicator {
  fingerprinter: Fingerprinter;
  detector: DuplicateDetector;
}

/** Jobs signed anew per read and write: a page of descriptions in memory at a time. */
const RESIGN_CHUNK = 1000;

/**
 * Loads the fingerprints of every open canonical posting (page by page) into an LSH index.
 * A stored signature that does not decode (one of an older kind, or of another length) would
 * compare as nothing alike: that posting is fingerprinted again from its stored fields, its
 * new signature written back, and it goes into the index like the others.
 */
export async function loadDeduplicator(ctx: EngineContext): Promise<Deduplicator> {
  const fingerprinter = new Fingerprinter();
  const detector = new DuplicateDetector();
  const unsigned: string[] = [];
  for await (const page of ctx.store.jobs.streamSignatures()) {
    for (const candidate of page) {
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
  }
  for (let start = 0; start < unsigned.length; start += RESIGN_CHUNK) {
    const sources = await ctx.store.jobs.fingerprintSources(
      unsigned.slice(start, start + RESIGN_CHUNK),
    );
    const entries = sources.map((source) => {
      const print = fingerprinter.fingerprint(source);
      detector.add(source.id, print);
      return { jobId: source.id, key: print.key, signature: encodeSignature(print.signature) };
    });
    await ctx.store.jobs.setDedupeSignatures(entries);
  }
  return { fingerprinter, detector };
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

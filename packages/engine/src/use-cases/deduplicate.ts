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

/** Loads the fingerprints of every open canonical posting (page by page) into an LSH index. */
export async function loadDeduplicator(ctx: EngineContext): Promise<Deduplicator> {
  const detector = new DuplicateDetector();
  for await (const page of ctx.store.jobs.streamSignatures()) {
    for (const candidate of page) {
      const signature = decodeSignature(candidate.signature);
      if (signature === null) continue;
      detector.add(candidate.id, {
        key: candidate.key,
        title: normalizeTitle(candidate.title),
        signature,
        url: candidate.canonicalUrl,
      });
    }
  }
  return { fingerprinter: new Fingerprinter(), detector };
}

export function fingerprintOf(dedupe: Deduplicator, job: JobInput): DedupeFingerprint {
  return dedupe.fingerprinter.fingerprint({
    company: job.company,
    title: job.title,
    descriptionText: job.descriptionText,
    url: job.canonicalUrl ?? job.url,
  });
}

export { encodeSignature };

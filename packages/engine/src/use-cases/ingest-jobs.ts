import {
  fnv1a64Json,
  isDomainError,
  prepareJob,
  type DedupeFingerprint,
  type JobInputDraft,
} from '@applydesk/domain';
import type { JobUpsertInput, Store, StoredVersion } from '@applydesk/store';
import type { EngineContext, OnProgress } from '../context.js';
import {
  createDeduplicator,
  encodeSignature,
  fingerprintOf,
  readCompanies,
  type Deduplicator,
} from './deduplicate.js';

export interface IngestFailure {
  index: number;
  sourceId: string;
  externalId: string;
  reason: string;
}

export interface IngestResult {
  received: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Postings recognised as a role already stored from another source, and merged into it. */
  duplicates: number;
  failed: IngestFailure[];
}

/**
 * Postings a transaction: a source's page of 1,000 lands in one commit. Each commit rewrites
 * the index pages its rows touched, so fewer, larger commits write less per posting.
 */
const BATCH = 1000;
/**
 * Postings normalized, fingerprinted and written at a time inside a transaction. What one
 * slice allocates (texts, rows, statement parameters) is garbage by the next, so the young
 * generation's collections find little alive to copy: preparing the whole 1,000 first kept
 * them all alive through each collection (a third of the ingest's GC time, measured).
 */
const SLICE = 200;

/** A normalized posting, then its fingerprint's key and signature when it gets one. */
type PreparedJob = JobUpsertInput;

/**
 * Validates and stores postings. A posting that fails validation is reported with its
 * reason and skipped; it never sinks the batch. Storing is idempotent by source and
 * external id, so a re-run after a crash adds nothing twice.
 */
export async function ingestJobs(
  ctx: EngineContext,
  drafts: readonly JobInputDraft[],
  options: { actor: string; onProgress?: OnProgress; dedupe?: Deduplicator },
): Promise<IngestResult> {
  const result: IngestResult = {
    received: drafts.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    duplicates: 0,
    failed: [],
  };
  const dedupe = options.dedupe ?? createDeduplicator();
  const resent = await skipResent(ctx, drafts);
  result.unchanged += resent.skipped.size;
  const total = drafts.length - resent.skipped.size;
  let done = 0;

  /** The slice's drafts that validate, normalized; the others go to result.failed. */
  const prepare = (from: number, to: number): PreparedJob[] => {
    const valid: PreparedJob[] = [];
    for (let index = from; index < to; index++) {
      if (resent.skipped.has(index)) continue;
      const draft = drafts[index]!;
      try {
        const job: PreparedJob = Object.assign(prepareJob(draft), {
          inputHash: resent.hashes[index] ?? null,
        });
        valid.push(job);
      } catch (error) {
        result.failed.push({
          index,
          sourceId: String(draft.sourceId ?? '?'),
          externalId: String(draft.externalId ?? '?'),
          reason: isDomainError(error) ? error.message : String(error),
        });
      }
      done++;
    }
    return valid;
  };

  for (let start = 0; start < drafts.length; start += BATCH) {
    const end = Math.min(start + BATCH, drafts.length);
    // One transaction a batch: its postings and their merges land together or not at all,
    // so a crash mid-run re-runs whole batches and adds nothing twice.
    await ctx.store.transaction(async (tx) => {
      for (let from = start; from < end; from += SLICE) {
        const slice = prepare(from, Math.min(from + SLICE, end));
        if (slice.length === 0) continue;
        // Postings stored before with the same content and a signature need no fingerprint
        // and no dedupe: they were judged when first seen. Re-runs of a source are mostly these.
        const prints = slice.map((job) => {
          // Read before this call stored anything: a posting listed twice in one call is
          // fingerprinted again the second time, which costs time, not correctness.
          const known = resent.stored.get(`${job.sourceType}\u0000${job.externalId}`);
          const settled =
            known !== undefined &&
            known.contentHash === job.contentHash &&
            known.status === 'open' &&
            known.signed;
          if (settled) return null;
          const print = fingerprintOf(dedupe, job);
          job.dedupeKey = print.key;
          job.dedupeSignature = encodeSignature(print.signature);
          return print;
        });
        await readCompanies(
          tx,
          dedupe,
          prints.flatMap((print) => (print === null ? [] : [print.key])),
        );
        const { counts, results } = await tx.jobs.upsertBatch(slice, options.actor);
        result.created += counts.created;
        result.updated += counts.updated;
        result.unchanged += counts.unchanged;
        result.duplicates += await mergeDuplicates(tx, dedupe, results, prints, options.actor);
      }
    });
    if (total > 0) options.onProgress?.({ task: 'ingest', done, total });
  }
  return result;
}

/** The source's key of a draft, when it has a usable one. */
function keyOf(draft: JobInputDraft): { sourceType: string; externalId: string } | null {
  const { sourceType, externalId } = draft;
  if (
    typeof sourceType !== 'string' ||
    (typeof externalId !== 'string' && typeof externalId !== 'number')
  )
    return null;
  return { sourceType, externalId: String(externalId) };
}

/** Hash of a posting as sent, without its fetch time (which changes every run). */
function inputHashOf(draft: JobInputDraft): string {
  const { fetchedAt: _fetchedAt, ...sent } = draft;
  return fnv1a64Json(sent);
}

/**
 * Finds postings the source sent exactly as last time (same input hash, still open, already
 * fingerprinted) and records them as seen without normalizing them again: on a re-run of a
 * large board that is nearly every posting, and normalizing is the costly step.
 */
async function skipResent(
  ctx: EngineContext,
  drafts: readonly JobInputDraft[],
): Promise<{
  skipped: Set<number>;
  hashes: (string | null)[];
  /** What was stored of these postings before this call, reused to skip fingerprinting. */
  stored: Map<string, StoredVersion>;
}> {
  const keys = drafts.map(keyOf);
  const hashes = drafts.map((draft, i) => (keys[i] === null ? null : inputHashOf(draft)));
  const stored = await ctx.store.jobs.storedVersions(
    keys.filter((key): key is NonNullable<typeof key> => key !== null),
  );
  const skipped = new Set<number>();
  const byFetch = new Map<string, string[]>();
  drafts.forEach((draft, i) => {
    const key = keys[i];
    if (key === null || key === undefined) return;
    const known = stored.get(`${key.sourceType}\u0000${key.externalId}`);
    if (
      known === undefined ||
      known.inputHash !== hashes[i] ||
      known.status !== 'open' ||
      !known.signed
    )
      return;
    const fetchedAt =
      typeof draft.fetchedAt === 'string' ? draft.fetchedAt : ctx.now().toISOString();
    if (Number.isNaN(Date.parse(fetchedAt))) return;
    skipped.add(i);
    const ids = byFetch.get(fetchedAt) ?? [];
    ids.push(known.id);
    byFetch.set(fetchedAt, ids);
  });
  for (const [fetchedAt, ids] of byFetch) await ctx.store.jobs.touch(ids, fetchedAt);
  return { skipped, hashes, stored };
}

/**
 * Marks each fingerprinted posting that is a near duplicate of another stored role as a
 * duplicate of it (its own row and provenance are kept), and adds the rest to the index for
 * later postings. The index decides in order; the merges are then written together.
 */
async function mergeDuplicates(
  store: Store,
  dedupe: Deduplicator,
  stored: readonly { id: string }[],
  prints: readonly (DedupeFingerprint | null)[],
  actor: string,
): Promise<number> {
  const merges: { jobId: string; canonicalJobId: string }[] = [];
  for (const [i, print] of prints.entries()) {
    const id = stored[i]?.id;
    if (print === null || id === undefined) continue;
    const match = dedupe.detector.find(print);
    if (match !== null && match.id !== id) merges.push({ jobId: id, canonicalJobId: match.id });
    else dedupe.detector.add(id, print);
  }
  const outcomes = await store.jobs.markDuplicates(merges, actor);
  return outcomes.filter((outcome) => outcome.changed).length;
}

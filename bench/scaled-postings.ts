import { prepareJob, type JobInput } from '@applydesk/domain';
import { generateSamplePostings } from '@applydesk/engine';
import type { JobUpsertInput } from '@applydesk/store';

/**
 * `count` postings from the demo's varied set, numbered from `from`, each a distinct posting
 * (id, title, company, age), as the benchmarks store them at 100k: prepared once, copied.
 */
export function scaledPostings(count: number, from: number, now: Date): JobUpsertInput[] {
  const base = generateSamplePostings({ now }).map((draft) => prepareJob(draft));
  const out: JobUpsertInput[] = [];
  for (let i = from; i < from + count; i++) {
    const job = base[i % base.length] as JobInput & { contentHash: string };
    const copy = Math.floor(i / base.length);
    out.push({
      ...job,
      externalId: `${job.externalId}-${i}`,
      company: `${job.company} ${copy}`,
      title: copy % 3 === 0 ? job.title : `${job.title} ${copy % 7}`,
      postedAt: new Date(now.getTime() - (i % 45) * 86_400_000).toISOString(),
      contentHash: `${job.contentHash}-${i}`,
    });
  }
  return out;
}

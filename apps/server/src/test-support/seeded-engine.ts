import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@applydesk/config';
import type { JobInputDraft } from '@applydesk/domain';
import {
  generateSamplePostings,
  ingestJobs,
  openEngine,
  rankJobs,
  saveProfile,
  sampleProfile,
  type OpenEngine,
} from '@applydesk/engine';

export const NOW = new Date('2026-11-20T12:00:00Z');

/** A real engine on a fresh SQLite file, loaded with sample postings and ranked. */
export async function seededEngine(
  options: { count?: number; extra?: JobInputDraft[] } = {},
): Promise<OpenEngine> {
  const home = mkdtempSync(join(tmpdir(), 'applydesk-server-'));
  const engine = await openEngine(loadConfig({ env: { APPLYDESK_HOME: home } }), {
    now: () => NOW,
  });
  await saveProfile(engine, sampleProfile(), 'test');
  const postings = [
    ...generateSamplePostings({ now: NOW, count: options.count ?? 80 }),
    ...(options.extra ?? []),
  ];
  const result = await ingestJobs(engine, postings, { actor: 'test' });
  if (result.failed.length > 0)
    throw new Error(`seed postings failed: ${JSON.stringify(result.failed)}`);
  await rankJobs(engine, { actor: 'test' });
  return engine;
}

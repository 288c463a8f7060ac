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

/** A posting that asks for a skill the sample profile lacks (Rust), for profile changes. */
export const RUST_POSTING = {
  sourceType: 'greenhouse',
  sourceId: 'greenhouse:ferrous',
  externalId: 'rust-1',
  url: 'https://boards.greenhouse.io/ferrous/jobs/1',
  title: 'Senior Backend Engineer (Rust)',
  company: 'Ferrous Systems Example',
  location: 'Remote',
  remote: 'remote' as const,
  seniority: 'senior' as const,
  employmentType: 'full_time' as const,
  descriptionHtml:
    '<p>Build our settlement engine in Rust. Requirements: 5+ years of Rust, PostgreSQL, Kafka.</p>',
  descriptionText:
    'Build our settlement engine in Rust. Requirements: 5+ years of Rust, PostgreSQL, Kafka.',
  skills: ['Rust', 'PostgreSQL', 'Kafka'],
  postedAt: NOW.toISOString(),
  fetchedAt: NOW.toISOString(),
  raw: {},
};

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

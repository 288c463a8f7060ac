import { describe, it, expect } from 'vitest';
import {
  decodeEntities,
  prepareJob,
  Profile,
  ProfileInput,
  scoreJob,
  type Job,
  type JobInputDraft,
} from '@applydesk/domain';
import { generateSamplePostings } from './sample-postings.js';
import { sampleProfile } from './sample-profile.js';
import { PROMPT_INJECTION } from './sample-specials.js';

const NOW = new Date('2025-06-15T12:00:00Z');
const STAMP = NOW.toISOString();

const pairKey = (p: JobInputDraft): string => `${p.sourceType}\u0000${p.externalId}`;

/** What a draft's description holds before sanitizing, entity escaping undone (Greenhouse, HN). */
function rawDescription(p: JobInputDraft): string {
  return decodeEntities(`${p.descriptionHtml}\n${p.descriptionText}`);
}

const ACTIVE = /<script|onerror|javascript:/i;

describe('generateSamplePostings', () => {
  const postings = generateSamplePostings({ now: NOW });
  const prepared = postings.map((p) => prepareJob(p));

  it('makes a default set of at least 300 postings that all pass prepareJob', () => {
    expect(postings.length).toBeGreaterThanOrEqual(300);
    expect(prepared).toHaveLength(postings.length);
  });

  it('never repeats a (sourceType, externalId) pair, at 320 or 100,000 postings', () => {
    expect(new Set(postings.map(pairKey)).size).toBe(postings.length);
    const big = generateSamplePostings({ now: NOW, count: 100_000 });
    expect(big).toHaveLength(100_000);
    expect(new Set(big.map(pairKey)).size).toBe(100_000);
  });

  it('is deterministic for a seed and now, and differs for another seed', () => {
    const again = generateSamplePostings({ now: NOW });
    expect(JSON.stringify(again)).toBe(JSON.stringify(postings));
    const other = generateSamplePostings({ now: NOW, seed: 7 });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(postings));
  });

  it('covers several sources, with plenty of Upwork posts that carry freelance details', () => {
    const sources = new Set(postings.map((p) => p.sourceType));
    expect(sources.size).toBeGreaterThanOrEqual(6);
    const upwork = prepared.filter((p) => p.sourceType === 'upwork');
    expect(upwork.length).toBeGreaterThanOrEqual(60);
    for (const post of upwork) {
      expect(post.freelance).not.toBeNull();
      expect(post.url).toMatch(/^https:\/\/www\.upwork\.com\/jobs\/~01[0-9a-f]{18}$/);
    }
  });

  it('dates postings within the last 45 days and fetches them now', () => {
    for (const job of prepared) {
      expect(job.fetchedAt).toBe(STAMP);
      const age = NOW.getTime() - Date.parse(job.postedAt ?? '');
      expect(age).toBeGreaterThanOrEqual(0);
      expect(age).toBeLessThanOrEqual(46 * 86_400_000);
    }
  });

  it('includes hostile postings, which prepareJob leaves without active content', () => {
    const hostile = postings.filter((p) => ACTIVE.test(rawDescription(p)));
    expect(hostile.length).toBeGreaterThanOrEqual(3);
    for (const draft of hostile) {
      const html = prepareJob(draft).descriptionHtml;
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/onerror/i);
      expect(html).not.toMatch(/javascript:/i);
    }
    const injected = postings.filter((p) => rawDescription(p).includes(PROMPT_INJECTION));
    expect(injected.length).toBeGreaterThanOrEqual(2);
  });

  it('posts some roles on two sources', () => {
    const byRole = new Map<string, Set<string>>();
    for (const job of prepared) {
      const key = `${job.company}|${job.title.replace(/ \(Remote\)$/, '')}`;
      byRole.set(key, (byRole.get(key) ?? new Set()).add(job.sourceType));
    }
    const crossSource = [...byRole.values()].filter((sources) => sources.size > 1);
    expect(crossSource.length).toBeGreaterThanOrEqual(3);
  });

  it('ranks visibly apart for the sample profile', () => {
    const profile = Profile.parse({
      ...ProfileInput.parse(sampleProfile()),
      id: 'profile-1',
      createdAt: STAMP,
      updatedAt: STAMP,
    });
    const scores = prepared.map((p) => {
      const job: Job = {
        ...p,
        id: `job-${p.externalId}`,
        status: 'open',
        createdAt: STAMP,
        updatedAt: STAMP,
      };
      return scoreJob(job, profile, NOW).score;
    });
    expect(scores.filter((s) => s >= 70).length).toBeGreaterThanOrEqual(15);
    expect(scores.filter((s) => s < 50).length).toBeGreaterThanOrEqual(100);
  });
});

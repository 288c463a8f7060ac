import { ProfileInput, prepareJob } from '@applydesk/domain';
import { describe, expect, it } from 'vitest';
import {
  EVAL_NOW,
  GRADES,
  loadLabels,
  loadPostings,
  loadProfiles,
  postingKey,
  toJob,
  toProfile,
} from './dataset.js';

const profiles = loadProfiles();
const postings = loadPostings();
const labels = loadLabels();
const DAY = 86_400_000;

describe('the evaluation profiles', () => {
  it('has at least three, each named after its file, names unique', () => {
    expect(profiles.length).toBeGreaterThanOrEqual(3);
    expect(new Set(profiles.map((p) => p.file)).size).toBe(profiles.length);
    for (const { file, draft } of profiles) expect(draft.name).toBe(file);
  });

  it.each(profiles.map((p) => [p.file, p.draft] as const))(
    '%s parses as ProfileInput',
    (_, draft) => {
      const parsed = ProfileInput.safeParse(draft);
      expect(parsed.error?.issues ?? []).toEqual([]);
      const profile = toProfile(draft);
      expect(profile.work.length).toBeGreaterThan(0);
      expect(profile.skills.length).toBeGreaterThan(0);
      expect(profile.preferences.targetTitles.length).toBeGreaterThan(0);
    },
  );
});

describe('the evaluation postings', () => {
  it('has at least 150', () => {
    expect(postings.length).toBeGreaterThanOrEqual(150);
  });

  it('every posting passes prepareJob', () => {
    const failures: string[] = [];
    for (const draft of postings) {
      try {
        prepareJob(draft);
        toJob(draft);
      } catch (error) {
        failures.push(`${draft.title}: ${String(error)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('has unique keys, and each externalId is unique within its source', () => {
    const keys = postings.map(postingKey);
    expect(new Set(keys).size).toBe(keys.length);
    const bySourceType = postings.map((p) => `${p.sourceType}/${p.externalId}`);
    expect(new Set(bySourceType).size).toBe(bySourceType.length);
  });

  it('was posted within the ~60 days before the recorded now, with a few stale ones', () => {
    const now = Date.parse(EVAL_NOW);
    const ages = postings.map((p) => (now - Date.parse(p.postedAt ?? '')) / DAY);
    for (const age of ages) {
      expect(age).toBeGreaterThan(0);
      expect(age).toBeLessThan(100);
    }
    for (const p of postings) expect(Date.parse(p.fetchedAt)).toBeLessThanOrEqual(now);
    expect(ages.filter((age) => age > 60).length).toBeGreaterThanOrEqual(2);
    expect(ages.filter((age) => age > 21 && age <= 60).length).toBeGreaterThanOrEqual(20);
  });

  it('includes Upwork posts with the freelance details the schema supports', () => {
    const upwork = postings.filter((p) => p.sourceType === 'upwork');
    expect(upwork.length).toBeGreaterThanOrEqual(20);
    for (const p of upwork) {
      expect(p.employmentType).toBe('freelance');
      expect(p.freelance?.client).toBeDefined();
      expect(p.freelance?.proposalsTier).not.toBeNull();
    }
    expect(upwork.some((p) => p.freelance?.contractType === 'fixed')).toBe(true);
    expect(upwork.some((p) => p.freelance?.contractType === 'hourly')).toBe(true);
    expect(upwork.some((p) => p.freelance?.client.paymentVerified === false)).toBe(true);
    expect(upwork.some((p) => p.freelance?.proposalsTier === '50+')).toBe(true);
  });

  it('comes from several kinds of source', () => {
    expect(new Set(postings.map((p) => p.sourceType)).size).toBeGreaterThanOrEqual(6);
  });
});

describe('the labels', () => {
  const postingByKey = new Map(postings.map((p) => [postingKey(p), p]));
  const profileNames = new Set(profiles.map((p) => p.file));

  it('label every (profile, posting) pair exactly once', () => {
    const seen = new Map<string, number>();
    for (const label of labels) {
      const pair = `${label.profile} x ${label.posting}`;
      seen.set(pair, (seen.get(pair) ?? 0) + 1);
    }
    const duplicated = [...seen].filter(([, n]) => n > 1).map(([pair]) => pair);
    expect(duplicated).toEqual([]);
    const missing = profiles.flatMap(({ file }) =>
      postings.map(postingKey).filter((key) => !seen.has(`${file} x ${key}`)),
    );
    expect(missing).toEqual([]);
    expect(labels.length).toBe(profiles.length * postings.length);
  });

  it('name only known profiles and postings, with the posting’s title', () => {
    for (const label of labels) {
      expect(profileNames.has(label.profile), label.profile).toBe(true);
      const posting = postingByKey.get(label.posting);
      expect(posting, label.posting).toBeDefined();
      expect(label.title).toBe(posting?.title);
    }
  });

  it('grade 0-3 with a non-empty one-sentence reason', () => {
    for (const label of labels) {
      expect(GRADES).toContain(label.grade);
      expect(typeof label.reason).toBe('string');
      expect(label.reason.trim().length, label.posting).toBeGreaterThan(10);
      expect(label.reason.trim()).toMatch(/[.!?]$/);
    }
  });

  it('give each profile 10-25 postings at grade 3, a spread of 2s and 1s, and many 0s', () => {
    for (const { file } of profiles) {
      const grades = labels.filter((l) => l.profile === file).map((l) => l.grade);
      const count = (g: number) => grades.filter((x) => x === g).length;
      expect(count(3), file).toBeGreaterThanOrEqual(10);
      expect(count(3), file).toBeLessThanOrEqual(25);
      expect(count(2), file).toBeGreaterThanOrEqual(5);
      expect(count(1), file).toBeGreaterThanOrEqual(5);
      expect(count(0), file).toBeGreaterThan(grades.length / 2);
    }
  });
});

import { randomBytes } from 'node:crypto';
import {
  prepareJob,
  type DraftInput,
  type JobInputDraft,
  type Match,
  type ProfileInput,
} from '@applydesk/domain';
import type { JobWrite } from '../repositories/job.mapper.js';

/** A source type no other test uses, so listings filtered by it see only this test's jobs. */
export function uniqueSource(prefix = 'src'): string {
  return `${prefix}${randomBytes(4).toString('hex')}`;
}

let counter = 0;

/** A valid posting, prepared the way ingest prepares it. */
export function jobInput(overrides: Partial<JobInputDraft> & { sourceType: string }): JobWrite {
  counter += 1;
  const externalId = overrides.externalId ?? `ext-${counter}`;
  return prepareJob({
    sourceId: `${overrides.sourceType}:acme`,
    externalId,
    url: `https://jobs.example.com/${overrides.sourceType}/${externalId}?utm_source=feed`,
    title: `Software Engineer ${counter}`,
    company: 'Acme',
    location: 'Berlin',
    remote: 'remote',
    employmentType: 'full_time',
    seniority: 'mid',
    salary: { min: 60000, max: 80000, currency: 'EUR', period: 'year' },
    descriptionHtml: '<p>Build things with TypeScript.</p>',
    descriptionText: '',
    skills: ['TypeScript'],
    postedAt: '2024-05-01T10:00:00.000Z',
    fetchedAt: '2024-05-02T10:00:00.000Z',
    raw: { id: externalId, nested: { ok: true } },
    ...overrides,
  });
}

export function profileInput(name: string, overrides: Partial<ProfileInput> = {}): ProfileInput {
  return {
    name,
    basics: { name: 'Ada Lovelace', email: 'ada@example.com', profiles: [] },
    work: [
      { name: 'Analytical Engines', position: 'Engineer', highlights: ['Wrote the first program'] },
    ],
    projects: [],
    education: [],
    certificates: [],
    skills: [{ name: 'TypeScript', keywords: ['Node.js'] }],
    languages: [],
    preferences: {
      targetTitles: ['Engineer'],
      seniority: [],
      locations: [],
      timeZones: [],
      remote: ['remote'],
      salaryFloor: null,
      employmentTypes: [],
      avoidCompanies: [],
      freelance: {
        minHourlyRate: null,
        minFixedBudget: null,
        client: { paymentVerified: false, minSpent: null, minRating: null, maxProposals: null },
      },
    },
    writingSamples: [],
    unplaced: [],
    ...overrides,
  };
}

export function matchOf(jobId: string, profileId: string, score: number): Match {
  return {
    jobId,
    profileId,
    score,
    components: { skills: score / 100, title: 0.5 },
    reasons: [{ kind: 'plus', component: 'skills', text: `score ${score}` }],
    skills: {
      required: [{ name: 'Go', matched: true, yearsAsked: 3, yearsHave: 5 }],
      niceToHave: [{ name: 'Kafka', matched: false, yearsAsked: null, yearsHave: null }],
    },
    rejection: null,
    overridden: false,
    computedAt: '2024-05-03T00:00:00.000Z',
  };
}

export function draftInput(jobId: string, profileId: string): DraftInput {
  return {
    jobId,
    profileId,
    kind: 'cover_letter',
    text: 'Dear Acme, I would like to build things with TypeScript.',
    writer: 'offline',
    model: null,
    costUsd: 0,
    prompt: null,
    grounding: null,
    citedRequirements: ['TypeScript'],
    candidateGroup: null,
    quality: null,
    notes: [],
  };
}

import { FreelanceDetails, Job, type JobInputDraft } from '../job.js';
import { Profile, type ProfileInputDraft } from '../profile.js';

/** Fixed clock for tests that depend on "now". */
export const NOW = new Date('2025-06-15T12:00:00Z');

/** An ISO timestamp `days` days before NOW. */
export function daysAgo(days: number): string {
  return new Date(NOW.getTime() - days * 86_400_000).toISOString();
}

/** A posting draft that passes JobInput; override any field. */
export function jobDraft(overrides: Partial<JobInputDraft> = {}): JobInputDraft {
  return {
    sourceType: 'greenhouse',
    sourceId: 'greenhouse:acme',
    externalId: '123',
    url: 'https://boards.greenhouse.io/acme/jobs/123',
    title: 'Senior Backend Engineer',
    company: 'Acme',
    location: 'Remote',
    descriptionHtml: '<p>We build things.</p>',
    descriptionText: 'We build things.',
    postedAt: null,
    fetchedAt: '2025-06-15T00:00:00Z',
    raw: { id: 123 },
    ...overrides,
  };
}

/** A stored Job, validated by the Job schema; override any field. */
export function makeJob(overrides: Partial<Job> & Partial<JobInputDraft> = {}): Job {
  return Job.parse({
    ...jobDraft(),
    id: 'job-1',
    canonicalUrl: null,
    status: 'open',
    contentHash: '0000000000000000',
    createdAt: '2025-06-15T00:00:00Z',
    updatedAt: '2025-06-15T00:00:00Z',
    skills: [],
    ...overrides,
  });
}

/** A stored Profile, validated by the Profile schema; override any field. */
export function makeProfile(overrides: Partial<ProfileInputDraft> = {}): Profile {
  return Profile.parse({
    basics: { name: 'Ada Lovelace' },
    ...overrides,
    id: 'profile-1',
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
  });
}

/** Freelance details (Upwork-style) for a job; override any field. */
export function freelance(overrides: Partial<FreelanceDetails> = {}): FreelanceDetails {
  return FreelanceDetails.parse({
    contractType: 'hourly',
    budget: null,
    hourlyMin: 40,
    hourlyMax: 60,
    currency: 'USD',
    duration: '1 to 3 months',
    workload: null,
    experienceLevel: 'expert',
    client: {
      country: 'US',
      paymentVerified: true,
      totalSpent: 50_000,
      rating: 4.9,
      reviews: 20,
      hires: 10,
      jobsPosted: 12,
    },
    proposalsTier: '5 to 10',
    screeningQuestions: [],
    ...overrides,
  });
}

/**
 * Scorer micro-benchmark, in memory (no store): N synthetic postings with ~4 KB descriptions
 * (sections, skills with years, salaries in several currencies, a share of Upwork posts).
 * Reports features extracted per second, postings scored per second (stored features, one
 * prepared profile, corpus statistics computed once), corpusStats time and the features'
 * serialized size. Targets: extract >= 5,000/s, score >= 100,000/s, corpusStats over 100k
 * <= 200 ms, features <= ~1.5 KB.
 *
 *   npx tsx --conditions=source bench/rank-score.bench.ts [N]
 */
import { fileURLToPath } from 'node:url';
import {
  Profile,
  corpusStats,
  extractJobFeatures,
  prepareProfile,
  scoreFeatures,
  type JobFeatures,
  type ScorableJob,
} from '@applydesk/domain';

const NOW = new Date('2026-11-20T12:00:00Z');
const round = (n: number, digits = 0): number => Math.round(n * 10 ** digits) / 10 ** digits;

/** A small deterministic PRNG (mulberry32), so every run benchmarks the same postings. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TITLES = [
  'Senior Backend Engineer',
  'Staff Software Engineer, Platform',
  'Data Analyst',
  'Junior Data Analyst',
  'Product Designer',
  'UI/UX Designer',
  'Frontend Engineer (React)',
  'Site Reliability Engineer',
  'Registered Nurse',
  'Account Executive',
  'Machine Learning Engineer',
  'Java Developer',
  'Customer Support Specialist',
  'DevOps Engineer',
];
const SKILLS = [
  'Go',
  'Python',
  'PostgreSQL',
  'Kafka',
  'Kubernetes',
  'TypeScript',
  'React',
  'Java',
  'Spring Boot',
  'SQL',
  'Excel',
  'Tableau',
  'Power BI',
  'Figma',
  'design systems',
  'AWS',
  'Terraform',
  'Docker',
  'Redis',
  'GraphQL',
];
const FILLER = [
  'You will design, build and operate services that handle millions of requests a day.',
  'Our team owns the data platform and works closely with product and analytics.',
  'We value clear writing, careful code review and calm on-call rotations.',
  'You will mentor engineers, shape the roadmap and talk to customers every week.',
  'We are a distributed company with people in fourteen countries and three offices.',
  'The role reports to the head of engineering and partners with design and research.',
  'You will turn ambiguous problems into small, shippable steps and measure the result.',
  'Benefits include a learning budget, generous parental leave and a home office stipend.',
];
const PLACES = ['Remote (EU)', 'Remote', 'Chicago, IL', 'Berlin, Germany', 'Remote (US only)'];
const CURRENCIES = ['USD', 'EUR', 'GBP', 'PLN'];

/** N synthetic postings, deterministic for a seed. */
export function syntheticJobs(count: number, seed = 42): ScorableJob[] {
  const r = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)]!;
  const jobs: ScorableJob[] = [];
  for (let i = 0; i < count; i++) {
    const title = pick(TITLES);
    const skills = Array.from({ length: 3 + Math.floor(r() * 5) }, () => pick(SKILLS));
    const lines: string[] = ['About the role'];
    while (lines.join('\n').length < 2600) lines.push(pick(FILLER));
    lines.push('Requirements');
    for (const s of skills.slice(0, 4))
      lines.push(`- ${1 + Math.floor(r() * 6)}+ years of experience with ${s} in production`);
    lines.push('Nice to have');
    for (const s of skills.slice(4)) lines.push(`- Experience with ${s} is a plus`);
    lines.push('Benefits');
    while (lines.join('\n').length < 4000) lines.push(pick(FILLER));
    const upwork = r() < 0.15;
    const currency = pick(CURRENCIES);
    const created = new Date(NOW.getTime() - Math.floor(r() * 60) * 86_400_000).toISOString();
    jobs.push({
      id: `job-${i}`,
      sourceType: upwork ? 'upwork' : 'greenhouse',
      sourceId: upwork ? 'upwork:search' : 'greenhouse:acme',
      externalId: String(i),
      url: `https://example.com/jobs/${i}`,
      canonicalUrl: null,
      title: upwork ? `${title} needed for a ${pick(['web app', 'dashboard', 'MVP'])}` : title,
      company: upwork ? 'Upwork client' : `Company ${i % 997}`,
      location: pick(PLACES),
      remote: pick(['remote', 'remote', 'hybrid', 'onsite', 'unknown'] as const),
      employmentType: upwork
        ? 'freelance'
        : pick(['full_time', 'full_time', 'contract', 'part_time', 'unknown'] as const),
      seniority: pick(['junior', 'mid', 'senior', 'senior', 'lead', 'unknown'] as const),
      salary:
        upwork || r() < 0.3
          ? null
          : {
              min: Math.round(40_000 + r() * 100_000),
              max: null,
              currency,
              period: currency === 'PLN' ? 'month' : 'year',
            },
      descriptionHtml: '',
      descriptionText: lines.join('\n'),
      skills,
      postedAt: created,
      fetchedAt: created,
      expiresAt: null,
      freelance: upwork
        ? {
            contractType: r() < 0.5 ? 'hourly' : 'fixed',
            budget: Math.round(r() * 5000),
            hourlyMin: 20 + Math.round(r() * 30),
            hourlyMax: 40 + Math.round(r() * 60),
            currency: 'USD',
            duration: '1 to 3 months',
            workload: null,
            experienceLevel: pick(['entry', 'intermediate', 'expert'] as const),
            client: {
              country: 'US',
              paymentVerified: r() < 0.8,
              totalSpent: Math.round(r() * 50_000),
              rating: round(3.5 + r() * 1.5, 1),
              reviews: 10,
              hires: Math.floor(r() * 20),
              jobsPosted: 12,
            },
            proposalsTier: pick(['Less than 5', '5 to 10', '10 to 15', '20 to 50', '50+']),
            screeningQuestions: [],
          }
        : null,
      status: 'open',
      contentHash: `hash-${i}`,
      createdAt: created,
      updatedAt: created,
    });
  }
  return jobs;
}

/** A senior backend engineer in Warsaw, as the eval's first profile but written here. */
export function benchProfile(): Profile {
  return Profile.parse({
    id: 'bench',
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    basics: {
      name: 'Bench User',
      label: 'Senior Backend Engineer',
      location: { city: 'Warsaw', countryCode: 'PL' },
    },
    work: [
      {
        name: 'Shipfast',
        position: 'Senior Backend Engineer',
        startDate: '2019-03-01',
        highlights: ['Built Go services on Kubernetes with PostgreSQL and Kafka'],
      },
      {
        name: 'Datamill',
        position: 'Backend Engineer',
        startDate: '2015-06-01',
        endDate: '2019-02-28',
        highlights: ['Python APIs with Django and PostgreSQL'],
      },
    ],
    skills: [{ name: 'Go' }, { name: 'Python' }, { name: 'PostgreSQL' }, { name: 'Kafka' }],
    preferences: {
      targetTitles: ['Senior Backend Engineer', 'Staff Engineer'],
      seniority: ['senior', 'lead'],
      remote: ['remote'],
      timeZones: ['CET'],
      salaryFloor: { amount: 90_000, currency: 'EUR', period: 'year' },
      employmentTypes: ['full_time', 'contract'],
      avoidCompanies: ['Company 13'],
    },
  });
}

/** Runs `work` over `items` enough times to take ~`minMs`; returns items per second. */
function perSecond<T>(items: readonly T[], work: (item: T) => unknown, minMs = 300): number {
  let done = 0;
  const start = performance.now();
  let sink = 0;
  while (performance.now() - start < minMs || done === 0) {
    for (const item of items) if (work(item) !== undefined) sink++;
    done += items.length;
  }
  if (sink < 0) console.log(sink);
  return done / ((performance.now() - start) / 1000);
}

export interface RankScoreBench {
  postings: number;
  extractPerSecond: number;
  scorePerSecond: number;
  corpusStatsMs: number;
  featuresBytes: { mean: number; max: number };
  descriptionBytes: number;
}

/** Extract, corpusStats and score throughput over `n` synthetic postings (default 100,000). */
export function benchRank(n = 100_000): RankScoreBench {
  const jobs = syntheticJobs(n);
  const sample = jobs.slice(0, Math.min(n, 5_000));
  // Warm up the JIT before timing.
  for (const job of sample.slice(0, 500)) extractJobFeatures(job);
  const extractPerSecond = perSecond(sample, (job) => extractJobFeatures(job));
  const features: JobFeatures[] = jobs.map((job) => extractJobFeatures(job));
  const sizes = features.slice(0, 2_000).map((f) => Buffer.byteLength(JSON.stringify(f)));
  const prepared = prepareProfile(benchProfile(), {}, NOW);
  corpusStats(features.slice(0, 1000), prepared);
  const start = performance.now();
  const corpus = corpusStats(features, prepared);
  const corpusStatsMs = performance.now() - start;
  for (const f of features.slice(0, 5_000)) scoreFeatures(f, prepared, NOW, corpus);
  const scorePerSecond = perSecond(features, (f) => scoreFeatures(f, prepared, NOW, corpus));
  return {
    postings: n,
    extractPerSecond: round(extractPerSecond),
    scorePerSecond: round(scorePerSecond),
    corpusStatsMs: round(corpusStatsMs, 1),
    featuresBytes: {
      mean: round(sizes.reduce((a, b) => a + b, 0) / Math.max(1, sizes.length)),
      max: Math.max(...sizes),
    },
    descriptionBytes: round(
      sample.reduce((a, job) => a + job.descriptionText.length, 0) / Math.max(1, sample.length),
    ),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const n = Number(process.argv[2] ?? 100_000);
  console.log(JSON.stringify(benchRank(n), null, 2));
}

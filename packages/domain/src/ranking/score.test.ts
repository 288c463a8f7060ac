import { describe, expect, it } from 'vitest';
import { Match } from '../match.js';
import { NOW, daysAgo, freelance, makeJob, makeProfile } from '../test-support/builders.js';
import { annualize, formatMoney } from './pay.js';
import {
  DEFAULT_WEIGHTS,
  SCORE_COMPONENTS,
  profileSkills,
  scoreJob,
  type ScoreWeights,
} from './score.js';

const profile = makeProfile({
  skills: [
    { name: 'TypeScript', keywords: ['Node', 'Postgres'] },
    { name: 'ReactJS', keywords: [] },
  ],
  projects: [{ name: 'Infra', keywords: ['k8s'] }],
  preferences: {
    targetTitles: ['Backend Engineer'],
    seniority: ['senior'],
    remote: ['remote'],
    salaryFloor: { amount: 120_000, currency: 'USD', period: 'year' },
    freelance: { minHourlyRate: 80 },
  },
});

const matching = makeJob({
  title: 'Senior Backend Engineer',
  company: 'Acme',
  skills: ['TypeScript', 'Node.js', 'PostgreSQL', 'React'],
  seniority: 'senior',
  remote: 'remote',
  salary: { min: 130_000, max: 160_000, currency: 'USD', period: 'year' },
  postedAt: daysAgo(1),
});

const unrelated = makeJob({
  title: 'Registered Nurse',
  company: 'Hospital',
  skills: ['Nursing', 'Patient Care'],
  seniority: 'junior',
  remote: 'onsite',
  salary: { min: 40_000, max: 50_000, currency: 'USD', period: 'year' },
  postedAt: daysAgo(60),
});

function component(job: Parameters<typeof scoreJob>[0], name: string, p = profile) {
  return scoreJob(job, p, NOW).components[name as keyof ReturnType<typeof scoreJob>['components']];
}

describe('profileSkills', () => {
  it('collects canonical skill names, keywords and project keywords, lower-cased', () => {
    expect([...profileSkills(profile)].sort()).toEqual(
      ['kubernetes', 'node.js', 'postgresql', 'react', 'typescript'].sort(),
    );
  });
});

describe('scoreJob', () => {
  it('scores a posting that matches everything above one that matches nothing', () => {
    const good = scoreJob(matching, profile, NOW);
    const bad = scoreJob(unrelated, profile, NOW);
    expect(good.score).toBeGreaterThan(bad.score);
    expect(good.score).toBeGreaterThanOrEqual(90);
    expect(bad.score).toBeLessThanOrEqual(10);
  });

  it('gives the full mark for a perfect match and per-component values', () => {
    const result = scoreJob(matching, profile, NOW);
    expect(result.components).toEqual({
      skills: 1,
      title: 1,
      seniority: 1,
      remote: 1,
      pay: 1,
      recency: 1,
    });
    expect(result.score).toBe(100);
  });

  it('puts every component in [0, 1] and only known components', () => {
    const jobs = [
      matching,
      unrelated,
      makeJob({ skills: ['TypeScript', 'Go'], remote: 'hybrid', postedAt: daysAgo(20) }),
      makeJob({ freelance: freelance({ hourlyMin: 30, hourlyMax: 70 }), postedAt: daysAgo(5) }),
    ];
    for (const job of jobs) {
      const result = scoreJob(job, profile, NOW);
      for (const [name, value] of Object.entries(result.components)) {
        expect(SCORE_COMPONENTS).toContain(name);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
      }
      expect(Number.isInteger(result.score)).toBe(true);
      expect(result.score).toBeGreaterThanOrEqual(0);
      expect(result.score).toBeLessThanOrEqual(100);
      // The result fits the stored Match shape.
      expect(
        Match.safeParse({
          ...result,
          jobId: job.id,
          profileId: profile.id,
          computedAt: NOW.toISOString(),
        }).success,
      ).toBe(true);
    }
  });

  it('scores partial skill matches as the share of skills the job asks for', () => {
    const job = makeJob({ skills: ['TypeScript', 'Go', 'Rust', 'Kubernetes'] });
    const result = scoreJob(job, profile, NOW);
    expect(result.components.skills).toBe(0.5);
    expect(result.reasons).toContainEqual({
      kind: 'plus',
      component: 'skills',
      text: 'You have 2 of 4 required skills: TypeScript, Kubernetes',
    });
    expect(result.reasons).toContainEqual({
      kind: 'minus',
      component: 'skills',
      text: 'Missing required: Go, Rust',
    });
    expect(result.skills.required.map((c) => [c.name, c.matched])).toEqual([
      ['TypeScript', true],
      ['Go', false],
      ['Rust', false],
      ['Kubernetes', true],
    ]);
  });

  it('leaves out components with nothing to judge rather than guessing', () => {
    const bare = makeProfile({ preferences: { remote: [] } });
    const job = makeJob({ skills: [], postedAt: null, seniority: 'unknown' });
    const result = scoreJob(job, bare, NOW);
    expect(result.components).toEqual({});
    expect(result.score).toBe(0);
    expect(result.reasons).toEqual([]);
  });

  it('has no pay component without a salary floor', () => {
    const noFloor = makeProfile({ preferences: { salaryFloor: null } });
    const result = scoreJob(matching, noFloor, NOW);
    expect(result.components).not.toHaveProperty('pay');
    expect(result.reasons.some((r) => r.component === 'pay')).toBe(false);
  });

  it('has no client component for an ordinary job and no seniority component when it is unknown', () => {
    const result = scoreJob(
      makeJob({ skills: ['TypeScript'], seniority: 'unknown' }),
      profile,
      NOW,
    );
    expect(result.components).not.toHaveProperty('client');
    expect(result.components).not.toHaveProperty('seniority');
  });

  it('notes a missing salary as neutral rather than judging it', () => {
    const result = scoreJob(makeJob({ salary: null }), profile, NOW);
    expect(result.components.pay).toBe(0.5);
    expect(result.reasons).toContainEqual({
      kind: 'info',
      component: 'pay',
      text: 'No salary given',
    });
  });

  it('scores an avoided company 0 and names it', () => {
    const avoiding = makeProfile({
      ...profile,
      preferences: { ...profile.preferences, avoidCompanies: ['acme'] },
    });
    const result = scoreJob(matching, avoiding, NOW);
    expect(result.score).toBe(0);
    expect(result.components).toEqual({});
    expect(result.reasons).toHaveLength(1);
    expect(result.reasons[0]).toMatchObject({ kind: 'minus', component: 'company' });
    expect(result.reasons[0]?.text).toContain('Acme');
  });

  it('gives a minus reason with the figures when the salary is below the floor', () => {
    const job = makeJob({ salary: { min: 80_000, max: 90_000, currency: 'USD', period: 'year' } });
    const result = scoreJob(job, profile, NOW);
    expect(result.components.pay).toBe(0);
    const reason = result.reasons.find((r) => r.component === 'pay');
    expect(reason?.kind).toBe('minus');
    expect(reason?.text).toContain('$80k');
    expect(reason?.text).toContain('$90k');
    expect(reason?.text).toContain('$120k');
    expect(reason?.text).toMatch(/below/);
  });

  it('gives partial credit just below the floor', () => {
    const job = makeJob({ salary: { min: 95_000, max: 110_000, currency: 'USD', period: 'year' } });
    expect(component(job, 'pay')).toBe(0.4);
  });

  it('compares pay quoted per hour with a yearly floor', () => {
    const above = makeJob({ salary: { min: 60, max: 70, currency: 'USD', period: 'hour' } });
    const below = makeJob({ salary: { min: 30, max: 40, currency: 'USD', period: 'hour' } });
    expect(component(above, 'pay')).toBe(1);
    expect(component(below, 'pay')).toBe(0);
  });

  it('converts a salary in another currency before comparing it with the floor', () => {
    // €120k is about $130k: above the $120k floor; €100k is about $108k: under it.
    const above = makeJob({
      salary: { min: 110_000, max: 120_000, currency: 'EUR', period: 'year' },
    });
    expect(component(above, 'pay')).toBe(1);
    expect(scoreJob(above, profile, NOW).reasons).toContainEqual({
      kind: 'plus',
      component: 'pay',
      text: 'Pays €110k–€120k/year (about $130k/year), meets your $120k/year floor',
    });
    const under = makeJob({
      salary: { min: 90_000, max: 100_000, currency: 'EUR', period: 'year' },
    });
    expect(component(under, 'pay')).toBe(0.4);
    // A currency without a rate cannot be judged.
    const unknown = makeJob({ salary: { min: 1, max: 2, currency: 'XAF', period: 'year' } });
    expect(component(unknown, 'pay')).toBe(0.5);
  });

  it('penalizes hourly freelance work below minHourlyRate', () => {
    const low = makeJob({ freelance: freelance({ hourlyMin: 30, hourlyMax: 50 }) });
    const near = makeJob({ freelance: freelance({ hourlyMin: 60, hourlyMax: 70 }) });
    const high = makeJob({ freelance: freelance({ hourlyMin: 80, hourlyMax: 120 }) });
    expect(component(low, 'pay')).toBe(0);
    expect(component(near, 'pay')).toBe(0.4);
    expect(component(high, 'pay')).toBe(1);
    const reason = scoreJob(low, profile, NOW).reasons.find((r) => r.component === 'pay');
    expect(reason).toEqual({
      kind: 'minus',
      component: 'pay',
      text: 'Pays up to $50/hr, below your $80/hr',
    });
    expect(scoreJob(low, profile, NOW).score).toBeLessThan(scoreJob(high, profile, NOW).score);
  });

  it('judges fixed-price freelance work against minFixedBudget', () => {
    const p = makeProfile({ preferences: { freelance: { minFixedBudget: 1000 } } });
    const small = makeJob({
      freelance: freelance({
        contractType: 'fixed',
        budget: 300,
        hourlyMin: null,
        hourlyMax: null,
      }),
    });
    const big = makeJob({
      freelance: freelance({
        contractType: 'fixed',
        budget: 5000,
        hourlyMin: null,
        hourlyMax: null,
      }),
    });
    expect(component(small, 'pay', p)).toBe(0);
    expect(component(big, 'pay', p)).toBe(1);
  });

  it('scores the freelance client', () => {
    const strong = scoreJob(makeJob({ freelance: freelance() }), profile, NOW);
    expect(strong.components.client).toBe(1);
    expect(strong.reasons.some((r) => r.component === 'client' && r.kind === 'plus')).toBe(true);
    const weak = scoreJob(
      makeJob({
        freelance: freelance({
          client: {
            country: null,
            paymentVerified: false,
            totalSpent: 0,
            rating: null,
            reviews: null,
            hires: null,
            jobsPosted: null,
          },
        }),
      }),
      profile,
      NOW,
    );
    // Unverified payment and under $1k spent, the defaults when the profile sets no criteria.
    expect(weak.components.client).toBe(0.45);
    expect(weak.reasons).toContainEqual({
      kind: 'minus',
      component: 'client',
      text: 'Client payment not verified',
    });
  });

  it('sorts reasons plus, then minus, then info', () => {
    const job = makeJob({
      title: 'Backend Developer',
      skills: ['TypeScript', 'Elixir'],
      remote: 'unknown',
      salary: { min: 80_000, max: 90_000, currency: 'USD', period: 'year' },
      postedAt: daysAgo(20),
    });
    const kinds = scoreJob(job, profile, NOW).reasons.map((r) => r.kind);
    expect(kinds).toContain('plus');
    expect(kinds).toContain('minus');
    expect(kinds).toContain('info');
    const rank = { plus: 0, minus: 1, info: 2 };
    const ranks = kinds.map((k) => rank[k]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('returns an integer score between 0 and 100', () => {
    const job = makeJob({
      skills: ['TypeScript', 'Go', 'Rust'],
      remote: 'hybrid',
      postedAt: daysAgo(10),
    });
    const { score } = scoreJob(job, profile, NOW);
    expect(Number.isInteger(score)).toBe(true);
    expect(score).toBeGreaterThan(0);
    expect(score).toBeLessThan(100);
  });

  it('moves the score in the direction of the weights', () => {
    // Skills match fully (1); remote is not said (0.5).
    const job = makeJob({ title: 'x', skills: ['TypeScript'], remote: 'unknown', postedAt: null });
    const p = makeProfile({
      ...profile,
      preferences: { ...profile.preferences, targetTitles: [], salaryFloor: null },
    });
    const base = scoreJob(job, p, NOW).score;
    const skillsHeavy: ScoreWeights = { ...DEFAULT_WEIGHTS, skills: 0.9 };
    const remoteHeavy: ScoreWeights = { ...DEFAULT_WEIGHTS, remote: 0.9 };
    expect(scoreJob(job, p, NOW, skillsHeavy).score).toBeGreaterThan(base);
    expect(scoreJob(job, p, NOW, remoteHeavy).score).toBeLessThan(base);
    // Only skills and remote apply: (0.25 + 0.08 / 2) / (0.25 + 0.08) = 88%.
    expect(base).toBe(88);
  });

  it('caps the score when a deal-breaker fails, whatever else fits', () => {
    const p = makeProfile({
      ...profile,
      preferences: { ...profile.preferences, targetTitles: [], salaryFloor: null },
    });
    const onsite = makeJob({
      title: 'x',
      skills: ['TypeScript'],
      remote: 'onsite',
      postedAt: null,
    });
    // 0.25 / (0.25 + 0.08) = 76%, capped at 70: the user does not work on-site.
    expect(scoreJob(onsite, p, NOW).score).toBe(70);
    expect(scoreJob(onsite, p, NOW, { ...DEFAULT_WEIGHTS, remote: 0 }).score).toBe(100);
  });

  it('holds remote postings open only to other regions against the user', () => {
    const p = makeProfile({
      ...profile,
      basics: { ...profile.basics, location: { city: 'Warsaw', countryCode: 'PL' } },
    });
    const usOnly = makeJob({
      ...matching,
      location: 'Remote',
      descriptionText: 'Remote, but you must reside in the United States.',
    });
    expect(component(usOnly, 'remote', p)).toBe(0);
    expect(scoreJob(usOnly, p, NOW).reasons).toContainEqual({
      kind: 'minus',
      component: 'remote',
      text: 'Remote only from US, not where you can work',
    });
    expect(component({ ...matching, location: 'Remote (EU or US East)' }, 'remote', p)).toBe(1);
    expect(component({ ...matching, location: 'Remote (Worldwide)' }, 'remote', p)).toBe(1);
  });

  it('reads required and nice-to-have skills from the posting, with the years it asks', () => {
    const job = makeJob({
      skills: ['TypeScript', 'PostgreSQL', 'Terraform', 'React'],
      descriptionText: [
        'About the role',
        'You will own our billing services.',
        'Requirements',
        '- 8+ years of TypeScript',
        '- PostgreSQL in production',
        'Nice to have',
        '- Terraform, React',
      ].join('\n'),
    });
    const p = makeProfile({
      ...profile,
      work: [
        {
          name: 'Acme',
          position: 'Engineer',
          startDate: new Date(NOW.getTime() - 4 * 365.25 * 86_400_000).toISOString().slice(0, 10),
          summary: 'TypeScript services on PostgreSQL',
          highlights: [],
        },
      ],
    });
    const result = scoreJob(job, p, NOW);
    expect(result.skills.required).toEqual([
      { name: 'TypeScript', matched: true, yearsAsked: 8, yearsHave: 4 },
      { name: 'PostgreSQL', matched: true, yearsAsked: null, yearsHave: 4 },
    ]);
    // Extracted in vocabulary order.
    expect(result.skills.niceToHave.map((c) => [c.name, c.matched])).toEqual([
      ['React', true],
      ['Terraform', false],
    ]);
    expect(result.reasons).toContainEqual({
      kind: 'minus',
      component: 'skills',
      text: 'asks 8+ years of TypeScript, you show about 4',
    });
    // TypeScript counts 0.6 for the years, PostgreSQL 1; nice-to-have 1 of 2.
    expect(result.components.skills).toBe(0.74);
  });

  it('weighs the stack the title names', () => {
    const elixir = makeJob({ ...matching, title: 'Senior Backend Engineer (Java)' });
    const result = scoreJob(elixir, profile, NOW);
    expect(result.components.skills).toBe(0.3);
    expect(result.reasons[0]?.kind).toBe('plus');
    expect(result.reasons).toContainEqual({
      kind: 'minus',
      component: 'skills',
      text: 'The title asks for Java, which your profile does not show',
    });
  });

  it('judges the employment type against what the user wants', () => {
    const p = makeProfile({
      ...profile,
      preferences: { ...profile.preferences, employmentTypes: ['full_time', 'contract'] },
    });
    expect(component({ ...matching, employmentType: 'full_time' }, 'employment', p)).toBe(1);
    expect(component({ ...matching, employmentType: 'part_time' }, 'employment', p)).toBe(0);
    expect(component({ ...matching, employmentType: 'freelance' }, 'employment', p)).toBe(0.7);
    expect(component({ ...matching, employmentType: 'unknown' }, 'employment', p)).toBeUndefined();
  });

  it('drops a component whose weight is zero', () => {
    const job = makeJob({ skills: ['TypeScript'], remote: 'onsite' });
    const result = scoreJob(job, profile, NOW, { ...DEFAULT_WEIGHTS, remote: 0 });
    expect(result.components).not.toHaveProperty('remote');
    expect(result.reasons.some((r) => r.component === 'remote')).toBe(false);
  });

  it('prefers a 1-day-old post to a 40-day-old otherwise identical post', () => {
    const fresh = scoreJob({ ...matching, postedAt: daysAgo(1) }, profile, NOW);
    const stale = scoreJob({ ...matching, postedAt: daysAgo(40) }, profile, NOW);
    expect(fresh.components.recency).toBeGreaterThan(stale.components.recency ?? 1);
    expect(fresh.score).toBeGreaterThan(stale.score);
    expect(fresh.reasons).toContainEqual({
      kind: 'plus',
      component: 'recency',
      text: 'Posted 1 day ago',
    });
    expect(stale.reasons).toContainEqual({
      kind: 'minus',
      component: 'recency',
      text: 'Posted 40 days ago: likely filled',
    });
  });

  it('decays recency in steps', () => {
    const at = (days: number) => component(makeJob({ postedAt: daysAgo(days) }), 'recency');
    expect(at(0)).toBe(1);
    expect(at(3)).toBe(1);
    expect(at(10)).toBe(0.7);
    expect(at(20)).toBe(0.4);
    expect(at(90)).toBe(0.05);
  });

  it('grades title and seniority closeness', () => {
    expect(component(makeJob({ title: 'Backend Engineer II' }), 'title')).toBe(1);
    expect(component(makeJob({ title: 'Frontend Engineer' }), 'title')).toBe(0.5);
    expect(component(makeJob({ title: 'Product Designer' }), 'title')).toBe(0);
    expect(component(makeJob({ seniority: 'lead' }), 'seniority')).toBe(0.4);
    expect(component(makeJob({ seniority: 'intern' }), 'seniority')).toBe(0);
  });

  it('treats unknown remote as neutral and a mismatch as 0', () => {
    expect(component(makeJob({ remote: 'unknown' }), 'remote')).toBe(0.5);
    expect(component(makeJob({ remote: 'onsite' }), 'remote')).toBe(0);
  });
});

describe('pay helpers', () => {
  it('annualizes per period', () => {
    expect(annualize(50, 'hour')).toBe(104_000);
    expect(annualize(10_000, 'month')).toBe(120_000);
    expect(annualize(500, 'day')).toBe(130_000);
    expect(annualize(2_000, 'week')).toBe(104_000);
    expect(annualize(90_000, 'year')).toBe(90_000);
  });

  it('formats money with symbols and k for large amounts', () => {
    expect(formatMoney(120_000, 'USD')).toBe('$120k');
    expect(formatMoney(80, 'EUR')).toBe('€80');
    expect(formatMoney(9_999, 'GBP')).toBe('£9999');
    expect(formatMoney(50_000, 'CHF')).toBe('50k CHF');
  });
});

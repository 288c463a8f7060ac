import { describe, expect, it } from 'vitest';
import { Match } from '../match.js';
import { NOW, daysAgo, freelance, makeJob, makeProfile } from '../test-support/builders.js';
import { extractJobFeatures } from './features.js';
import { annualize, formatMoney } from './pay.js';
import { prepareProfile } from './prepare.js';
import { corpusCounts, corpusStats, statsFromCounts, type CorpusCounts } from './relevance.js';
import { scoreFeatures, scoreJob } from './score.js';
import { DEFAULT_WEIGHTS, SCORE_COMPONENTS } from './settings.js';

const yearsAgo = (years: number): string =>
  new Date(NOW.getTime() - years * 365.25 * 86_400_000).toISOString().slice(0, 10);

const profile = makeProfile({
  basics: {
    name: 'Ada',
    label: 'Senior Backend Engineer',
    location: { city: 'Warsaw', countryCode: 'PL' },
  },
  work: [
    {
      name: 'Parcelion',
      position: 'Senior Backend Engineer',
      startDate: yearsAgo(6),
      highlights: ['Built payment services in Go and PostgreSQL, deployed on Kubernetes'],
    },
  ],
  skills: [{ name: 'Backend', keywords: ['Go', 'PostgreSQL', 'Kafka', 'Kubernetes'] }],
  preferences: {
    targetTitles: ['Senior Backend Engineer'],
    seniority: ['senior'],
    remote: ['remote'],
    timeZones: ['Europe/Warsaw'],
    salaryFloor: { amount: 100_000, currency: 'USD', period: 'year' },
    employmentTypes: ['full_time', 'contract'],
    freelance: { minHourlyRate: 60 },
  },
});

const matching = makeJob({
  title: 'Senior Backend Engineer',
  company: 'Acme',
  location: 'Remote (EU)',
  remote: 'remote',
  employmentType: 'full_time',
  seniority: 'senior',
  salary: { min: 110_000, max: 130_000, currency: 'USD', period: 'year' },
  postedAt: daysAgo(1),
  descriptionText: [
    'Requirements',
    '- 5+ years of Go',
    '- PostgreSQL and Kafka',
    'Nice to have',
    '- Kubernetes',
  ].join('\n'),
});

const nurse = makeJob({
  title: 'Registered Nurse',
  company: 'Hospital',
  location: 'Remote',
  remote: 'remote',
  employmentType: 'full_time',
  seniority: 'senior',
  salary: { min: 120_000, max: 140_000, currency: 'USD', period: 'year' },
  postedAt: daysAgo(1),
  descriptionText: 'Patient care on our cardiology ward. Requirements\n- RN licence',
});

const part = (job: Parameters<typeof scoreJob>[0], name: string, p = profile) =>
  scoreJob(job, p, NOW).components[name as (typeof SCORE_COMPONENTS)[number]];
const reasonsOf = (job: Parameters<typeof scoreJob>[0], component: string, p = profile) =>
  scoreJob(job, p, NOW).reasons.filter((r) => r.component === component);

describe('scoreJob', () => {
  it('scores a posting that fits everything near 100 and puts every part in [0, 1]', () => {
    const result = scoreJob(matching, profile, NOW);
    expect(result.score).toBeGreaterThanOrEqual(95);
    for (const [name, value] of Object.entries(result.components)) {
      expect(SCORE_COMPONENTS).toContain(name);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
    expect(
      Match.safeParse({
        ...result,
        jobId: matching.id,
        profileId: profile.id,
        computedAt: NOW.toISOString(),
      }).success,
    ).toBe(true);
  });

  it('does not let good terms float a posting of another kind of work up', () => {
    // Remote, well paid, fresh, full-time, senior: everything but the work itself.
    const result = scoreJob(nurse, profile, NOW);
    expect(result.components.title).toBe(0);
    expect(result.score).toBeLessThanOrEqual(10);
  });

  it('scores an avoided company 0 and says why', () => {
    const avoiding = makeProfile({
      ...profile,
      preferences: { ...profile.preferences, avoidCompanies: ['ACME Inc.'] },
    });
    const result = scoreJob(matching, avoiding, NOW);
    expect(result.score).toBe(0);
    expect(result.components).toEqual({});
    expect(result.reasons).toEqual([
      { kind: 'minus', component: 'company', text: 'Acme is on your avoid list' },
    ]);
  });

  it('leaves out parts with nothing to judge rather than guessing', () => {
    const bare = makeProfile({ preferences: { remote: [] } });
    const job = makeJob({ skills: [], postedAt: null, seniority: 'unknown' });
    const result = scoreJob(job, bare, NOW);
    expect(result.components).toEqual({});
    expect(result.score).toBe(0);
    // No salary: no pay part, but the user is told.
    const noSalary = scoreJob({ ...matching, salary: null }, profile, NOW);
    expect(noSalary.components).not.toHaveProperty('pay');
    expect(noSalary.reasons).toContainEqual({
      kind: 'info',
      component: 'pay',
      text: 'No salary given',
    });
    expect(scoreJob(nurse, profile, NOW).components).not.toHaveProperty('client');
  });

  it('reads required and nice-to-have skills from the sections, with the years asked', () => {
    const { skills } = scoreJob(matching, profile, NOW);
    expect(skills.required).toEqual([
      { name: 'Go', matched: true, yearsAsked: 5, yearsHave: 6 },
      { name: 'PostgreSQL', matched: true, yearsAsked: null, yearsHave: 6 },
      { name: 'Kafka', matched: true, yearsAsked: null, yearsHave: null },
    ]);
    expect(skills.niceToHave).toEqual([
      { name: 'Kubernetes', matched: true, yearsAsked: null, yearsHave: 6 },
    ]);
  });

  it('gives each clause of a line its own years, and reads alternatives as one requirement', () => {
    const job = makeJob({
      ...matching,
      descriptionText: [
        'What we are looking for',
        '- 8+ years of backend engineering, 3+ in Go',
        '- Event-driven systems (Kafka, SQS or similar)',
        '- Java or Kotlin',
      ].join('\n'),
    });
    const { skills, reasons } = scoreJob(job, profile, NOW);
    expect(skills.required).toEqual([
      { name: 'Go', matched: true, yearsAsked: 3, yearsHave: 6 },
      { name: 'Kafka or SQS', matched: true, yearsAsked: null, yearsHave: null },
      { name: 'Java or Kotlin', matched: false, yearsAsked: null, yearsHave: null },
    ]);
    expect(reasons).toContainEqual({
      kind: 'minus',
      component: 'skills',
      text: 'Missing required: Java or Kotlin',
    });
    // 8 years asked of anything, about 6 shown: a stretch, told in words.
    expect(reasons).toContainEqual({
      kind: 'minus',
      component: 'seniority',
      text: 'Asks 8+ years of experience; your work history shows about 6',
    });
  });

  it('credits fewer years than asked partly, and says so', () => {
    const job = makeJob({ ...matching, descriptionText: 'Requirements\n- 12+ years of Go' });
    const result = scoreJob(job, profile, NOW);
    expect(result.components.skills).toBe(0.6);
    expect(result.reasons).toContainEqual({
      kind: 'minus',
      component: 'skills',
      text: 'asks 12+ years of Go, you show about 6',
    });
  });

  it('matches a skill outside the vocabulary by the words of the résumé', () => {
    const job = makeJob({ ...matching, descriptionText: '', skills: ['Payment Services'] });
    expect(scoreJob(job, profile, NOW).skills.required).toEqual([
      { name: 'Payment Services', matched: true, yearsAsked: null, yearsHave: null },
    ]);
    const other = makeJob({ ...matching, descriptionText: '', skills: ['Cardiac Telemetry'] });
    expect(scoreJob(other, profile, NOW).skills.required[0]?.matched).toBe(false);
  });

  it('weighs the stack the title names', () => {
    const elixir = makeJob({ ...matching, title: 'Senior Backend Engineer (Elixir)' });
    const result = scoreJob(elixir, profile, NOW);
    expect(result.components.skills).toBeCloseTo(0.3);
    expect(result.reasons).toContainEqual({
      kind: 'minus',
      component: 'skills',
      text: 'The title asks for Elixir, which your profile does not show',
    });
    expect(result.score).toBeLessThan(scoreJob(matching, profile, NOW).score - 15);
  });

  it('matches titles on the kind of work, not on level words or the department', () => {
    expect(part(makeJob({ title: 'Backend Developer II' }), 'title')).toBe(1);
    expect(part(makeJob({ title: 'Tech Lead, Backend' }), 'title')).toBe(1);
    expect(part(makeJob({ title: 'Frontend Engineer' }), 'title')).toBe(0.6);
    // The head of the title is the role: a recruiter for engineering is a recruiter.
    expect(part(makeJob({ title: 'Technical Recruiter – Backend Engineering' }), 'title')).toBe(
      0.4,
    );
    expect(part(makeJob({ title: 'Product Designer' }), 'title')).toBe(0);
  });

  it('grades seniority by distance from what the user wants', () => {
    expect(part(makeJob({ seniority: 'senior' }), 'seniority')).toBe(1);
    expect(part(makeJob({ seniority: 'lead' }), 'seniority')).toBe(0.4);
    expect(part(makeJob({ seniority: 'junior' }), 'seniority')).toBe(0);
  });

  it('judges the employment type, with freelance and contract as close kin', () => {
    expect(part({ ...matching, employmentType: 'contract' }, 'employment')).toBe(1);
    expect(part({ ...matching, employmentType: 'freelance' }, 'employment')).toBe(0.7);
    expect(part({ ...matching, employmentType: 'part_time' }, 'employment')).toBe(0);
    expect(part({ ...matching, employmentType: 'unknown' }, 'employment')).toBeUndefined();
  });

  it('treats a deal-breaker as costing a quarter of the score', () => {
    const full = scoreJob(matching, profile, NOW);
    const partTime = scoreJob({ ...matching, employmentType: 'part_time' }, profile, NOW);
    expect(reasonsOf({ ...matching, employmentType: 'part_time' }, 'employment')).toEqual([
      {
        kind: 'minus',
        component: 'employment',
        text: 'It is part-time; you want full-time or contract',
      },
    ]);
    expect(partTime.score).toBeLessThanOrEqual(Math.round(full.score * 0.75));
  });

  it('judges remote mode, where remote work may be done from, and working hours', () => {
    expect(part({ ...matching, remote: 'hybrid', location: 'Warsaw, Poland' }, 'remote')).toBe(0.5);
    expect(part({ ...matching, remote: 'onsite', location: 'Warsaw, Poland' }, 'remote')).toBe(0);
    expect(part({ ...matching, remote: 'unknown' }, 'remote')).toBeUndefined();
    const usOnly = {
      ...matching,
      location: 'Remote',
      descriptionText: 'You must reside in the United States.',
    };
    expect(part(usOnly, 'location')).toBe(0);
    expect(reasonsOf(usOnly, 'location')).toEqual([
      {
        kind: 'minus',
        component: 'location',
        text: 'Remote only from US, not where you can work',
      },
    ]);
    expect(part({ ...matching, location: 'Remote (Worldwide)' }, 'location')).toBeUndefined();
    const cet = { ...matching, location: 'Remote', descriptionText: 'Working hours: CET +/- 2h' };
    expect(part(cet, 'location')).toBe(1);
    const pacific = {
      ...matching,
      location: 'Remote',
      descriptionText: 'You work US Pacific hours.',
    };
    expect(part(pacific, 'location')).toBe(0);
    expect(reasonsOf(pacific, 'location')[0]?.text).toBe(
      // Warsaw is UTC+2 in June.
      'Asks for hours around UTC-8, 7h beyond your time zone',
    );
  });

  it('holds on-site work in another city against the user, and near home less', () => {
    const chicago = makeProfile({
      basics: { name: 'Jo', location: { city: 'Chicago', countryCode: 'US' } },
      preferences: { remote: ['onsite', 'hybrid'], locations: ['Chicago, IL'] },
    });
    const at = (location: string) =>
      part(makeJob({ remote: 'onsite', location }), 'location', chicago);
    expect(at('Chicago, IL')).toBe(1);
    expect(at('Evanston, IL')).toBe(0.5);
    expect(at('Austin, TX')).toBe(0);
    expect(at('Berlin, Germany')).toBe(0);
  });

  it('compares pay after converting currency and period', () => {
    // €110k is about $119k: over the $100k floor. 28k PLN a month is about $84k a year.
    const eur = {
      ...matching,
      salary: { min: 100_000, max: 110_000, currency: 'EUR', period: 'year' },
    } as const;
    expect(part(eur, 'pay')).toBe(1);
    expect(reasonsOf(eur, 'pay')).toEqual([
      {
        kind: 'plus',
        component: 'pay',
        text: 'Pays €100k–€110k/year (about $119k/year), meets your $100k/year floor',
      },
    ]);
    const pln = {
      ...matching,
      salary: { min: 24_000, max: 28_000, currency: 'PLN', period: 'month' },
    } as const;
    expect(part(pln, 'pay')).toBe(0.3);
    const hourly = {
      ...matching,
      salary: { min: 45, max: 50, currency: 'USD', period: 'hour' },
    } as const;
    expect(part(hourly, 'pay')).toBe(1);
    const under = {
      ...matching,
      salary: { min: 60_000, max: 70_000, currency: 'USD', period: 'year' },
    } as const;
    expect(part(under, 'pay')).toBe(0);
    expect(reasonsOf(under, 'pay')[0]?.text).toBe(
      'Pays $60k–$70k/year, well below your $100k/year floor',
    );
    // A currency without a rate cannot be judged: left out.
    expect(
      part({ ...matching, salary: { min: 1, max: 2, currency: 'XAF', period: 'year' } }, 'pay'),
    ).toBeUndefined();
  });

  it('uses exchange rates from the settings over the built-in table', () => {
    const job = {
      ...matching,
      salary: { min: 90_000, max: 95_000, currency: 'EUR', period: 'year' },
    } as const;
    const features = extractJobFeatures(job);
    const base = scoreFeatures(features, prepareProfile(profile, {}, NOW), NOW);
    const strongEuro = scoreFeatures(
      features,
      prepareProfile(profile, { exchangeRates: { EUR: 1.2 } }, NOW),
      NOW,
    );
    expect(base.components.pay).toBe(1);
    expect(strongEuro.components.pay).toBe(1);
    const weakEuro = scoreFeatures(
      features,
      prepareProfile(profile, { exchangeRates: { EUR: 0.9 } }, NOW),
      NOW,
    );
    expect(weakEuro.components.pay).toBe(0.3);
  });

  it("judges freelance rates and budgets, and the client against the user's criteria", () => {
    const designer = makeProfile({
      ...profile,
      preferences: {
        ...profile.preferences,
        employmentTypes: ['freelance'],
        freelance: {
          minHourlyRate: 60,
          minFixedBudget: 1500,
          client: { paymentVerified: true, minSpent: 5000, minRating: 4.5, maxProposals: 20 },
        },
      },
    });
    const post = (details: Parameters<typeof freelance>[0]) =>
      makeJob({ ...matching, employmentType: 'freelance', freelance: freelance(details) });
    expect(part(post({ hourlyMin: 50, hourlyMax: 80 }), 'pay', designer)).toBe(1);
    expect(part(post({ hourlyMin: 40, hourlyMax: 55 }), 'pay', designer)).toBe(0.6);
    expect(
      part(
        post({ contractType: 'fixed', budget: 500, hourlyMin: null, hourlyMax: null }),
        'pay',
        designer,
      ),
    ).toBe(0);
    expect(part(post({}), 'client', designer)).toBe(1);
    expect(reasonsOf(post({}), 'client', designer)[0]).toEqual({
      kind: 'plus',
      component: 'client',
      text: 'Client: payment verified, $50k spent, rated 4.9, only 5 to 10 proposals',
    });
    const crowded = post({ proposalsTier: '20 to 50' });
    expect(part(crowded, 'client', designer)).toBe(0.75);
    const unverified = post({
      client: {
        country: 'US',
        paymentVerified: false,
        totalSpent: 0,
        rating: null,
        reviews: null,
        hires: 0,
        jobsPosted: 3,
      },
    });
    expect(part(unverified, 'client', designer)).toBe(0.1);
    expect(
      reasonsOf(unverified, 'client', designer)
        .filter((r) => r.kind === 'minus')
        .map((r) => r.text),
    ).toEqual([
      'Client payment not verified',
      'Client has spent $0, under $5000',
      'Client has posted before but never hired',
    ]);
    expect(scoreJob(unverified, designer, NOW).score).toBeLessThan(
      scoreJob(post({}), designer, NOW).score * 0.75,
    );
  });

  it('decays recency through the priority windows, faster for marketplace posts', () => {
    const at = (days: number, job = matching) =>
      part({ ...job, postedAt: daysAgo(days) }, 'recency');
    expect([at(0), at(3), at(10), at(20), at(45), at(90)]).toEqual([1, 1, 0.8, 0.55, 0.25, 0]);
    const upwork = makeJob({ ...matching, freelance: freelance() });
    expect([at(1, upwork), at(10, upwork), at(20, upwork), at(40, upwork)]).toEqual([
      1, 0.55, 0.25, 0,
    ]);
    expect(reasonsOf({ ...matching, postedAt: daysAgo(90) }, 'recency')).toEqual([
      { kind: 'minus', component: 'recency', text: 'Posted 90 days ago: likely filled' },
    ]);
  });

  it('moves the score with the weights, and drops a part weighted 0', () => {
    const job = { ...matching, remote: 'hybrid', location: 'Warsaw, Poland' } as const;
    const base = scoreJob(job, profile, NOW).score;
    expect(scoreJob(job, profile, NOW, { ...DEFAULT_WEIGHTS, remote: 1 }).score).toBeLessThan(base);
    const without = scoreJob(job, profile, NOW, { ...DEFAULT_WEIGHTS, remote: 0 });
    expect(without.components).not.toHaveProperty('remote');
    expect(without.reasons.some((r) => r.component === 'remote')).toBe(false);
    expect(without.score).toBeGreaterThan(base);
  });

  it('sorts reasons plus, then minus, then info', () => {
    const job = {
      ...matching,
      remote: 'hybrid',
      salary: null,
      location: 'Warsaw, Poland',
    } as const;
    const kinds = scoreJob(job, profile, NOW).reasons.map((r) => r.kind);
    const rank = { plus: 0, minus: 1, info: 2 };
    expect(new Set(kinds)).toEqual(new Set(['plus', 'minus', 'info']));
    expect(kinds.map((k) => rank[k])).toEqual([...kinds.map((k) => rank[k])].sort((a, b) => a - b));
  });
});

describe('features and BM25 relevance', () => {
  const backend = makeJob({
    id: 'a',
    title: 'Backend Engineer',
    descriptionText: 'Go services on PostgreSQL and Kafka. Go, Kafka, Kubernetes, payment systems.',
  });
  const sales = makeJob({
    id: 'b',
    title: 'Account Executive',
    descriptionText: 'Close deals with mid-market customers. Quota, pipeline, CRM hygiene.',
  });
  const prepared = prepareProfile(profile, {}, NOW);

  it('ranks the posting about the user above one that is not', () => {
    const features = [backend, sales].map((j) => extractJobFeatures(j));
    const corpus = corpusStats(features, prepared);
    expect(corpus.docs).toBe(2);
    expect(corpus.df.get('kafka')).toBe(1);
    const [a, b] = features.map((f) => scoreFeatures(f, prepared, NOW, corpus));
    expect(a?.components.relevance).toBeGreaterThan(0.5);
    expect(b?.components.relevance).toBe(0);
    expect(a?.reasons[0]?.text).toMatch(/^Reads close to your profile/);
  });

  it('stores features as compact JSON that scores the same after a round trip', () => {
    const long = makeJob({
      ...matching,
      descriptionText: `${matching.descriptionText}\n${'We ship reliable payment services every week. '.repeat(90)}`,
    });
    const features = extractJobFeatures(long);
    const json = JSON.stringify(features);
    expect(json.length).toBeLessThan(1500);
    expect(features.terms.length).toBeLessThanOrEqual(48);
    const corpus = corpusStats([features], prepared);
    expect(scoreFeatures(JSON.parse(json) as typeof features, prepared, NOW, corpus)).toEqual(
      scoreFeatures(features, prepared, NOW, corpus),
    );
  });

  it('keeps corpus counts as JSON that give the same statistics and scores after a round trip', () => {
    const features = [backend, sales, makeJob(matching)].map((j) => extractJobFeatures(j));
    const counts = corpusCounts(features, prepared);
    expect(counts).toMatchObject({ docs: 3, df: { kafka: 2 } });
    const kept = JSON.parse(JSON.stringify(counts)) as CorpusCounts;
    const fresh = corpusStats(features, prepared);
    expect(statsFromCounts(kept, prepared)).toEqual(fresh);
    for (const f of features)
      expect(scoreFeatures(f, prepared, NOW, statsFromCounts(kept, prepared))).toEqual(
        scoreFeatures(f, prepared, NOW, fresh),
      );
  });

  it('reads age from the now it is given, not the clock', () => {
    const features = extractJobFeatures(matching);
    const later = new Date(NOW.getTime() + 100 * 86_400_000);
    expect(scoreFeatures(features, prepared, NOW).components.recency).toBe(1);
    expect(scoreFeatures(features, prepared, later).components.recency).toBe(0);
  });
});

describe('pay helpers', () => {
  it('annualizes per period and formats money', () => {
    expect(annualize(50, 'hour')).toBe(104_000);
    expect(annualize(10_000, 'month')).toBe(120_000);
    expect(formatMoney(120_000, 'USD')).toBe('$120k');
    expect(formatMoney(80, 'EUR')).toBe('€80');
    expect(formatMoney(50_000, 'CHF')).toBe('50k CHF');
  });
});

import { describe, expect, it } from 'vitest';
import { FilterRules, contentRulesKey, type FilterRulesDraft } from './rules.js';
import { contentScreen, screenTiming, type ScreenableJob } from './screen.js';

function job(overrides: Partial<ScreenableJob> = {}): ScreenableJob {
  return {
    sourceType: 'greenhouse',
    title: 'Senior Backend Engineer',
    company: 'Acme Robotics, Inc.',
    location: 'Berlin, Germany',
    remote: 'hybrid',
    seniority: 'senior',
    salary: { min: 80_000, max: 95_000, currency: 'EUR', period: 'year' },
    descriptionText: 'We build Go services on PostgreSQL and Kafka. Kubernetes is a plus.',
    skills: ['Go', 'PostgreSQL', 'Kafka'],
    freelance: null,
    ...overrides,
  };
}

const screen = (rules: FilterRulesDraft, j = job()) => contentScreen(FilterRules.parse(rules))(j);

describe('contentScreen', () => {
  it('passes everything with no rules', () => {
    expect(screen({})).toBeNull();
  });

  it('rejects a platform not listed, naming it', () => {
    expect(screen({ platforms: ['lever', 'upwork'] })).toEqual({
      rule: 'platforms',
      reason: 'from greenhouse, not one of your platforms (lever, upwork)',
    });
    expect(screen({ platforms: ['Greenhouse'] })).toBeNull();
  });

  it('matches locations within the posting location, and "remote" admits remote postings', () => {
    expect(screen({ locations: ['berlin'] })).toBeNull();
    expect(screen({ locations: ['Germany'] })).toBeNull();
    expect(screen({ locations: ['Munich'] })?.rule).toBe('locations');
    const remote = job({ location: 'Anywhere', remote: 'remote' });
    expect(screen({ locations: ['Munich', 'remote'] }, remote)).toBeNull();
    expect(screen({ locations: ['Munich'] }, remote)?.reason).toContain('remote is not in');
    // A posting that says nothing of where cannot be judged, so it passes.
    expect(
      screen({ locations: ['Munich'] }, job({ location: null, remote: 'unknown' })),
    ).toBeNull();
  });

  it('compares the salary floor per year and in the same currency only by default', () => {
    expect(screen({ salaryMin: { amount: 100_000, currency: 'EUR' } })).toEqual({
      rule: 'salary_min',
      reason: 'pays up to €95k/year, under your €100k/year minimum',
    });
    expect(screen({ salaryMin: { amount: 90_000, currency: 'EUR' } })).toBeNull();
    // Another currency without a rate cannot be judged.
    expect(screen({ salaryMin: { amount: 200_000, currency: 'USD' } })).toBeNull();
    // Hourly pay is compared per year.
    const hourly = job({ salary: { min: 40, max: 45, currency: 'EUR', period: 'hour' } });
    expect(screen({ salaryMin: { amount: 100_000, currency: 'EUR' } }, hourly)?.rule).toBe(
      'salary_min',
    );
  });

  it('uses the converter it is given for other currencies', () => {
    const rules = FilterRules.parse({ salaryMin: { amount: 110_000, currency: 'USD' } });
    const eurToUsd = (amount: number, from: string, to: string) =>
      from === to ? amount : from === 'EUR' && to === 'USD' ? amount * 1.1 : null;
    // 95k EUR is 104.5k USD: under 110k.
    expect(contentScreen(rules, eurToUsd)(job())?.rule).toBe('salary_min');
    const lower = FilterRules.parse({ salaryMin: { amount: 100_000, currency: 'USD' } });
    expect(contentScreen(lower, eurToUsd)(job())).toBeNull();
  });

  it('reads marketplace experience levels and seniorities alike', () => {
    expect(screen({ experienceLevels: ['expert'] })).toBeNull();
    expect(screen({ experienceLevels: ['junior', 'mid'] })?.rule).toBe('experience_level');
    const upwork = job({
      sourceType: 'upwork',
      seniority: 'unknown',
      freelance: {
        contractType: 'hourly',
        budget: null,
        hourlyMin: 30,
        hourlyMax: 50,
        currency: 'USD',
        duration: null,
        workload: null,
        experienceLevel: 'entry',
        client: {
          country: null,
          paymentVerified: true,
          totalSpent: null,
          rating: null,
          reviews: null,
          hires: null,
          jobsPosted: null,
        },
        proposalsTier: null,
        screeningQuestions: [],
      },
    });
    expect(screen({ experienceLevels: ['expert'] }, upwork)?.reason).toBe(
      'entry level, you filter for expert',
    );
    expect(screen({ experienceLevels: ['junior'] }, upwork)).toBeNull();
    expect(screen({ experienceLevels: ['senior'] }, job({ seniority: 'unknown' }))).toBeNull();
  });

  it('matches keywords as whole words, case-insensitively', () => {
    expect(screen({ keywordsRequired: ['go', 'kafka'] })).toBeNull();
    expect(screen({ keywordsRequired: ['go', 'rust', 'elixir'] })).toEqual({
      rule: 'keywords_required',
      reason: 'does not mention "rust", "elixir"',
    });
    expect(screen({ keywordsExcluded: ['kubernetes'] })).toEqual({
      rule: 'keywords_excluded',
      reason: 'mentions "kubernetes", which you exclude',
    });
    // "go" is not inside "good"; "c++" keeps its symbols.
    const text = job({ title: 'Engineer', skills: [], descriptionText: 'A good C++ role.' });
    expect(screen({ keywordsRequired: ['go'] }, text)?.rule).toBe('keywords_required');
    expect(screen({ keywordsRequired: ['C++'] }, text)).toBeNull();
    expect(screen({ keywordsAny: ['rust', 'zig'] })?.rule).toBe('keywords_any');
    expect(screen({ keywordsAny: ['rust', 'postgresql'] })).toBeNull();
  });

  it('recognises an excluded company under another spelling', () => {
    expect(screen({ companiesExcluded: ['ACME Robotics'] })).toEqual({
      rule: 'companies_excluded',
      reason: 'Acme Robotics, Inc. is on your excluded companies',
    });
  });
});

describe('screenTiming', () => {
  const now = new Date('2026-11-20T12:00:00Z');
  it('rejects postings older than the window and passes undated ones', () => {
    const rules = FilterRules.parse({ postedWithinDays: 14 });
    const empty = { now, appliedCompanies: new Map<string, string>() };
    expect(screenTiming({ company: 'A', postedAt: '2026-10-30T12:00:00Z' }, rules, empty)).toEqual({
      rule: 'posted_within_days',
      reason: 'posted 21 days ago, older than your 14 days',
    });
    expect(
      screenTiming({ company: 'A', postedAt: '2026-11-10T12:00:00Z' }, rules, empty),
    ).toBeNull();
    expect(screenTiming({ company: 'A', postedAt: null }, rules, empty)).toBeNull();
  });

  it('holds back a company applied to within the window', () => {
    const rules = FilterRules.parse({ appliedCompanyWithinDays: 30 });
    const history = { now, appliedCompanies: new Map([['acme', '2026-11-01T09:00:00Z']]) };
    expect(
      screenTiming({ company: 'The ACME Company, LLC', postedAt: null }, rules, history)?.rule,
    ).toBe('applied_company_within_days');
    const old = { now, appliedCompanies: new Map([['acme', '2026-09-01T09:00:00Z']]) };
    expect(screenTiming({ company: 'Acme', postedAt: null }, rules, old)).toBeNull();
  });
});

describe('contentRulesKey', () => {
  it('changes with content rules and not with timing rules', () => {
    const base = FilterRules.parse({ keywordsExcluded: ['php'] });
    expect(contentRulesKey({ ...base, dailyCap: 5, postedWithinDays: 3 })).toBe(
      contentRulesKey(base),
    );
    expect(contentRulesKey({ ...base, keywordsExcluded: ['perl'] })).not.toBe(
      contentRulesKey(base),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { fixture } from '../test-support/replay-server.js';
import { classifyHiringComment, isCareersLink, parseHiringComment } from './parse-comment.js';
import { parseSalaryText } from './salary-text.js';

/**
 * The eval set of akurilin/whoishiringreport (MIT): 11 real comments with the extraction a
 * reader expects. Checked here with that project's own rules (evals/eval_extraction.py):
 * `_contains` passes when any listed substring occurs, `_gte`/`_lte` bound a number, `_in`
 * lists allowed values, anything else is an exact match; roles are matched order-free.
 */
interface EvalCase {
  id: string;
  name: string;
  comment: { content?: string };
  expected: Record<string, unknown>;
}
const CASES = (
  JSON.parse(fixture(import.meta.url, 'whoishiring_eval_cases.json')) as { test_cases: EvalCase[] }
).test_cases;

/** One role as the eval describes it, built from the comment-level parse. */
type EvalRole = Record<string, unknown>;

function rolesOf(html: string): { isJob: boolean; roles: EvalRole[]; kind: string } {
  const verdict = classifyHiringComment(html);
  if (verdict.posting === null) return { isJob: false, roles: [], kind: verdict.kind };
  const p = verdict.posting;
  const shared = {
    company_name: p.company,
    is_remote: p.remote === 'remote' ? true : p.remote === 'unknown' ? null : false,
    remote_regions: p.remoteRegions,
    locations: p.locations,
    salary_min: p.salary?.min ?? null,
    salary_max: p.salary?.max ?? null,
    salary_currency: p.salary?.currency ?? null,
    equity: p.equity,
    employment_type: p.employmentType,
    company_stage: p.companyStage,
  };
  return {
    isJob: true,
    kind: verdict.kind,
    roles: p.roles.map((title) => ({ role_title: title, ...shared })),
  };
}

const OPERATORS = ['_contains', '_contain', '_gte', '_lte', '_in'] as const;

function baseField(field: string): string {
  for (const op of OPERATORS) if (field.endsWith(op)) return field.slice(0, -op.length);
  return field;
}

/** The eval's check_field_assertion: null when it holds, else why not. */
function check(actual: unknown, field: string, expected: unknown): string | null {
  if (field.endsWith('_contains') || field.endsWith('_contain')) {
    if (actual === null || actual === undefined)
      return `${baseField(field)} is null, expected to contain ${JSON.stringify(expected)}`;
    const text = Array.isArray(actual)
      ? actual.map(String).join(' ')
      : typeof actual === 'string'
        ? actual
        : JSON.stringify(actual);
    const wanted = Array.isArray(expected) ? (expected as unknown[]) : [expected];
    return wanted.some((w) => text.includes(String(w)))
      ? null
      : `${baseField(field)} "${text}" contains none of ${JSON.stringify(wanted)}`;
  }
  if (field.endsWith('_gte') || field.endsWith('_lte')) {
    if (typeof actual !== 'number')
      return `${baseField(field)} is ${JSON.stringify(actual)}, expected a number`;
    const bound = expected as number;
    const ok = field.endsWith('_gte') ? actual >= bound : actual <= bound;
    return ok
      ? null
      : `${baseField(field)} ${actual} is not ${field.endsWith('_gte') ? '>=' : '<='} ${bound}`;
  }
  if (field.endsWith('_in')) {
    return (expected as unknown[]).includes(actual)
      ? null
      : `${baseField(field)} ${JSON.stringify(actual)} not in ${JSON.stringify(expected)}`;
  }
  return JSON.stringify(actual) === JSON.stringify(expected)
    ? null
    : `${field}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}

interface Check {
  field: string;
  failure: string | null;
}

/** Every check the eval makes of one case, each named by the field it is about. */
function evaluate(c: EvalCase): Check[] {
  const expected = c.expected;
  const result = rolesOf(c.comment.content ?? '');
  const checks: Check[] = [];
  if (expected.error === true) {
    const wanted =
      typeof expected.error_type_contains === 'string' ? expected.error_type_contains : '';
    const failed = result.isJob || !result.kind.includes(wanted);
    checks.push({
      field: 'error',
      failure: failed ? `expected a "${wanted}" refusal, got ${result.kind}` : null,
    });
    return checks;
  }
  if ('is_job_posting' in expected)
    checks.push({
      field: 'is_job_posting',
      failure: check(result.isJob, 'is_job_posting', expected.is_job_posting),
    });
  if ('role_count' in expected)
    checks.push({
      field: 'role_count',
      failure: check(result.roles.length, 'role_count', expected.role_count),
    });
  if ('role_count_min' in expected)
    checks.push({
      field: 'role_count',
      failure: check(result.roles.length, 'role_count_gte', expected.role_count_min),
    });
  const allRoles = (expected.all_roles ?? {}) as Record<string, unknown>;
  for (const [field, want] of Object.entries(allRoles)) {
    for (const role of result.roles) {
      const failure = check(role[baseField(field)], field, want);
      checks.push({
        field: baseField(field),
        failure: failure === null ? null : `${String(role.role_title)}: ${failure}`,
      });
    }
  }
  const specs = (expected.roles ?? []) as {
    match_by: Record<string, unknown>;
    expect: Record<string, unknown>;
  }[];
  for (const spec of specs) {
    const matched = result.roles.find((role) =>
      Object.entries(spec.match_by).every(
        ([field, want]) => check(role[baseField(field)], field, want) === null,
      ),
    );
    const titles = result.roles.map((r) => String(r.role_title));
    checks.push({
      field: 'role_title',
      failure:
        matched === undefined
          ? `no role matches ${JSON.stringify(spec.match_by)} among ${JSON.stringify(titles)}`
          : null,
    });
    for (const [field, want] of Object.entries(spec.expect)) {
      checks.push({
        field: baseField(field),
        failure:
          matched === undefined
            ? 'no matching role'
            : check(matched[baseField(field)], field, want),
      });
    }
  }
  return checks;
}

const failuresOf = (c: EvalCase) =>
  evaluate(c)
    .filter((x) => x.failure !== null)
    .map((x) => `${x.field}: ${x.failure}`);

/**
 * Cases the parser gets wrong today, with exactly how. Empty: every case passes every check.
 * When the parser changes, this list must change with it, so a new miss cannot slip in.
 */
const KNOWN_MISSES: Record<string, string[]> = {};

describe('parseHiringComment on the whoishiring eval set', () => {
  it('holds all 11 cases of the set', () => {
    expect(CASES).toHaveLength(11);
  });

  for (const c of CASES.filter((x) => !(x.name in KNOWN_MISSES))) {
    it(`${c.name} (${c.id}) passes every check`, () => {
      expect(failuresOf(c)).toEqual([]);
    });
  }

  it('KNOWN MISSES: the cases it gets wrong are exactly the listed ones, failing as listed', () => {
    const misses = Object.fromEntries(
      CASES.map((c) => [c.name, failuresOf(c)] as const).filter(([, f]) => f.length > 0),
    );
    expect(misses).toEqual(KNOWN_MISSES);
  });

  it('scores per field (printed for the record)', () => {
    const score = new Map<string, { pass: number; total: number }>();
    for (const c of CASES) {
      for (const { field, failure } of evaluate(c)) {
        const s = score.get(field) ?? { pass: 0, total: 0 };
        s.total += 1;
        if (failure === null) s.pass += 1;
        score.set(field, s);
      }
    }
    const table = Object.fromEntries(
      [...score].map(([field, s]) => [field, `${s.pass}/${s.total}`]),
    );
    console.log('whoishiring eval, checks passed per field:', table);
    expect(table).toEqual({
      is_job_posting: '10/10',
      role_count: '10/10',
      role_title: '15/15',
      company_name: '14/14',
      is_remote: '14/14',
      remote_regions: '7/7',
      salary_min: '14/14',
      salary_max: '14/14',
      salary_currency: '4/4',
      equity: '2/2',
      employment_type: '4/4',
      locations: '5/5',
      company_stage: '1/1',
      error: '1/1',
    });
  });
});

describe('parseHiringComment details', () => {
  it('reads the remote conventions of the thread', () => {
    const remote = (header: string) => {
      const p = parseHiringComment(`Acme | Backend Engineer | ${header}`);
      return p === null ? null : [p.remote, p.remoteRegions, p.locations];
    };
    expect(remote('REMOTE')).toEqual(['remote', [], []]);
    expect(remote('Remote (US)')).toEqual(['remote', ['US'], []]);
    expect(remote('REMOTE (EU timezones)')).toEqual(['remote', ['EU'], []]);
    expect(remote('ONSITE')).toEqual(['onsite', [], []]);
    expect(remote('Berlin | ONSITE')).toEqual(['onsite', [], ['Berlin']]);
    expect(remote('Hybrid (NYC)')).toEqual(['hybrid', [], ['NYC']]);
    expect(remote('London, hybrid')).toEqual(['hybrid', [], ['London']]);
    expect(remote('Onsite or Remote (Canada)')).toEqual(['remote', ['Canada'], []]);
    expect(remote('No remote')).toEqual(['onsite', [], []]);
    expect(remote('Palo Alto, CA')).toEqual(['unknown', [], ['Palo Alto, CA']]);
  });

  it('reads pay in the common spellings', () => {
    const pay = (text: string) => {
      const s = parseSalaryText(text, { defaultCurrency: 'USD' });
      return s === null ? null : [s.min, s.max, s.currency, s.period];
    };
    expect(pay('$150k-$190k')).toEqual([150000, 190000, 'USD', 'year']);
    expect(pay('€80-100k')).toEqual([80000, 100000, 'EUR', 'year']);
    expect(pay('$170-225K + equity')).toEqual([170000, 225000, 'USD', 'year']);
    expect(pay('£65,000 - £85,000')).toEqual([65000, 85000, 'GBP', 'year']);
    expect(pay('120.000 - 140.000 EUR')).toEqual([120000, 140000, 'EUR', 'year']);
    expect(pay('CAD 140k–170k')).toEqual([140000, 170000, 'CAD', 'year']);
    expect(pay('$200k+')).toEqual([200000, null, 'USD', 'year']);
    expect(pay('up to $180k')).toEqual([null, 180000, 'USD', 'year']);
    expect(pay('$90-120/hr')).toEqual([90, 120, 'USD', 'hour']);
    expect(pay('150-250k+')).toEqual([150000, 250000, 'USD', 'year']);
    // Not pay: company size, funding, percentages, years.
    expect(pay('a $200B+ company')).toBeNull();
    expect(pay('our $50mil Series B')).toBeNull();
    expect(pay('0.3-0.41% equity')).toBeNull();
    expect(pay('3-5 years')).toBeNull();
    expect(parseSalaryText('150-250k', { defaultCurrency: null })).toBeNull();
  });

  it('reads a prose post and refuses talk about the thread', () => {
    const prose = parseHiringComment(
      'Acme Robotics (YC W21) is hiring a Senior Firmware Engineer in Berlin.<p>Apply at <a href="https:&#x2F;&#x2F;acme.example&#x2F;careers">https:&#x2F;&#x2F;acme.example&#x2F;careers</a>',
    );
    expect(prose).toMatchObject({
      company: 'Acme Robotics',
      roles: ['Senior Firmware Engineer'],
      applyUrl: 'https://acme.example/careers',
    });
    expect(
      classifyHiringComment('Great thread! Looking forward to seeing the opportunities.').kind,
    ).toBe('not_a_job');
    expect(
      classifyHiringComment('Is anyone hiring juniors this month? Asking for a friend.').kind,
    ).toBe('not_a_job');
    expect(classifyHiringComment('   ').kind).toBe('empty');
  });

  it('reads other common header shapes (synthetic examples, not from the eval set)', () => {
    const read = (html: string) => {
      const p = parseHiringComment(html);
      return p === null
        ? null
        : {
            company: p.company,
            roles: p.roles,
            where: p.locationText,
            remote: p.remote,
            pay: p.salary,
          };
    };
    expect(
      read('Stripe | Software Engineer, Backend | Seattle, SF, NYC or Remote (US) | Full-time'),
    ).toMatchObject({
      company: 'Stripe',
      roles: ['Software Engineer, Backend'],
      where: 'Seattle, SF, NYC; Remote (US)',
    });
    expect(read('Foo Inc | Backend Engineer, Frontend Engineer | REMOTE (EU)')).toMatchObject({
      roles: ['Backend Engineer', 'Frontend Engineer'],
      where: 'Remote (EU)',
    });
    expect(
      read('Acme Corp (YC S21) | Senior Frontend Engineer | ONSITE in Berlin | €70k–€90k'),
    ).toMatchObject({
      company: 'Acme Corp',
      where: 'Berlin',
      remote: 'onsite',
      pay: { min: 70000, max: 90000, currency: 'EUR' },
    });
    expect(
      read(
        'Quux | Remote (US/Canada) | $140,000 - $180,000<p>We are hiring: Senior Backend Engineer; Product Designer',
      ),
    ).toMatchObject({
      roles: ['Senior Backend Engineer', 'Product Designer'],
      where: 'Remote (US, Canada)',
      pay: { min: 140000, max: 180000, currency: 'USD' },
    });
    expect(
      read(
        'Zed Robotics is hiring embedded firmware engineers in Boston. Salary range $150k-$200k.',
      ),
    ).toMatchObject({
      company: 'Zed Robotics',
      roles: ['Embedded firmware engineers'],
      pay: { min: 150000, max: 200000 },
    });
    expect(
      read('Remote (US) or Onsite (NYC)'.replace(/^/, 'Acme | Data Engineer | ')),
    ).toMatchObject({
      remote: 'remote',
      where: 'NYC; Remote (US)',
    });
  });

  it('tells careers links from home pages and short links', () => {
    expect(isCareersLink('https://smarterdx.com/careers')).toBe(true);
    expect(isCareersLink('https://jobs.gem.com/snout')).toBe(true);
    expect(isCareersLink('https://boards.greenhouse.io/acme/jobs/123')).toBe(true);
    expect(isCareersLink('https://jobs.ashbyhq.com/acme')).toBe(true);
    expect(isCareersLink('https://neonhealth.com')).toBe(false);
    expect(isCareersLink('https://dub.sh/YC250601')).toBe(false);
    expect(isCareersLink('https://github.com/openzfs/zfs/pull/17567')).toBe(false);
    expect(isCareersLink('mailto:jobs@acme.example')).toBe(false);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CURRENCY_BEFORE,
  currencyMayEndAt,
  findSalaryInText,
  MASK_GATE,
  parseSalaryText,
  SALARY_MASKS,
} from './salary.js';

const year = (min: number | null, max: number | null, currency = 'USD') => ({
  min,
  max,
  currency,
  period: 'year',
});

describe('parseSalaryText: salary fields', () => {
  it.each([
    // Shapes the brief lists, as boards write them.
    ['$120k-150k', year(120_000, 150_000)],
    ['$120,000 – $150,000 a year', year(120_000, 150_000)],
    ['USD 120000-150000', year(120_000, 150_000)],
    ['EUR 50.000 - 60.000 a year', year(50_000, 60_000, 'EUR')],
    ['€55k', year(55_000, 55_000, 'EUR')],
    ['£70k–£85k', year(70_000, 85_000, 'GBP')],
    ['60-80k GBP', year(60_000, 80_000, 'GBP')],
    ["CHF 110'000", year(110_000, 110_000, 'CHF')],
    ['₹12 LPA', year(1_200_000, 1_200_000, 'INR')],
    ['up to $90k', year(null, 90_000)],
    ['150k+', year(150_000, null)],
    ['$100k to $120k', year(100_000, 120_000)],
    ['between $90,000 and $110,000', year(90_000, 110_000)],
    // Indeed's salary snippet ("Up to $90,000 a year", "$40 - $60 an hour").
    ['Up to $90,000 a year', year(null, 90_000)],
    // UK boards (Reed, Totaljobs): "per annum", "pa".
    ['£70,000 - £85,000 per annum', year(70_000, 85_000, 'GBP')],
    ['£50k pa', year(50_000, 50_000, 'GBP')],
    // StepStone (Germany): figures after the currency, "brutto/Jahr".
    ['45.000 € - 55.000 € brutto/Jahr', year(45_000, 55_000, 'EUR')],
    // Naukri (India): lakh per annum, Indian digit grouping.
    ['12-18 Lacs P.A.', year(1_200_000, 1_800_000, 'INR')],
    ['Rs. 8,00,000', year(800_000, 800_000, 'INR')],
    // French boards: thin or no-break space as thousands separator.
    ['50\u202f000 € brut annuel', year(50_000, 50_000, 'EUR')],
    ['CA$90k', year(90_000, 90_000, 'CAD')],
    // "401k" is a retirement plan, "$401k" is pay.
    ['$350k - $401k', year(350_000, 401_000)],
  ])('%s', (text, expected) => {
    expect(parseSalaryText(text)).toEqual(expected);
  });

  it.each([
    ['$40/hr', 40, 40, 'hour'],
    ['$40 - $60 per hour', 40, 60, 'hour'],
    ['$25.50/h', 25.5, 25.5, 'hour'],
    ['£450 - £550 per day', 450, 550, 'day'],
    ['Day rate: £450-£550', 450, 550, 'day'],
    ['$1.5k/week', 1500, 1500, 'week'],
    ['₹50,000 per month', 50_000, 50_000, 'month'],
  ])('reads the period from words: %s', (text, min, max, period) => {
    expect(parseSalaryText(text)).toMatchObject({ min, max, period });
  });

  it('reads "from €4,000/month" as a minimum per month', () => {
    expect(parseSalaryText('from €4,000/month')).toEqual({
      min: 4000,
      max: null,
      currency: 'EUR',
      period: 'month',
    });
  });

  it('infers the period from the size of the figures when no word says it', () => {
    expect(parseSalaryText('$45')?.period).toBe('hour');
    expect(parseSalaryText('$700')?.period).toBe('day');
    expect(parseSalaryText('€4.000')?.period).toBe('month');
    expect(parseSalaryText('$15,000')?.period).toBe('month');
    expect(parseSalaryText('$20,000')?.period).toBe('year');
    // Scaled by currency: a monthly ₹60,000 or ¥400,000 is not an annual salary.
    expect(parseSalaryText('₹60,000')?.period).toBe('month');
    expect(parseSalaryText('¥400,000')?.period).toBe('month');
    expect(parseSalaryText('¥6,000,000')?.period).toBe('year');
  });

  it('uses the hint for figures without a currency and for a bare "$"', () => {
    expect(parseSalaryText('120000-150000', { currency: 'EUR' })).toEqual(
      year(120_000, 150_000, 'EUR'),
    );
    expect(parseSalaryText('$90k', { currency: 'CAD' })?.currency).toBe('CAD');
    // "£" is pounds whatever the hint.
    expect(parseSalaryText('£70k', { currency: 'USD' })?.currency).toBe('GBP');
    expect(parseSalaryText('120000')?.currency).toBe('USD');
  });

  it('puts a reversed range in order', () => {
    expect(parseSalaryText('$150k - $120k')).toEqual(year(120_000, 150_000));
  });

  it.each([
    '5+ years',
    '3-5 years of experience',
    '401k',
    '401(k) matching up to 4%',
    'team of 12',
    'We have 1,200 employees in 30 countries',
    '2025-06-10',
    '10/06/2025',
    '2020-2024',
    'Salary review on June 10, 2025',
    'Call +1 415-555-1234',
    '9:30 am',
    '$200B market',
    '$20M Series A',
    '',
    'competitive',
    'DOE',
  ])('finds no salary in %j', (text) => {
    expect(parseSalaryText(text)).toBeNull();
  });
});

describe('findSalaryInText: pay in running text', () => {
  // "Ask HN: Who is hiring?" headers (shared/fixtures/hn/whoishiring_eval_cases.json).
  it.each([
    [
      'Neon Health | Founding Sr Backend Engineer | SF, Remote (North America) | Full-time | $170-225K + equity',
      year(170_000, 225_000),
    ],
    [
      'SmarterDx | 150-250k+ + equity + benefits | Remote (US only) | Multiple roles',
      year(150_000, 250_000),
    ],
    [
      'TryHackMe| Growth Engineer | Remote - UK/EU | https://careers.tryhackme.com/jobs/6527370-growth-engineer | €60-100k',
      year(60_000, 100_000, 'EUR'),
    ],
    [
      'The General Intelligence Company | Senior Product Engineer | Full-Time | NYC | $260K - $300K + 0.3-0.41% Equity',
      year(260_000, 300_000),
    ],
    ['Goody | Remote | $170-230K + equity and benefits | Full-time', year(170_000, 230_000)],
  ])('reads the HN header %#', (text, expected) => {
    expect(findSalaryInText(text)).toEqual(expected);
  });

  it('passes over funding, revenue and company valuations', () => {
    const hn =
      "We're mission-driven capitalists, building a $200B+ company. Selling 7+ figure contracts. " +
      'We scaled to $1MM+ in contracted revenue and raised $71mil, including our $50mil Series B.';
    expect(findSalaryInText(hn)).toBeNull();
    expect(findSalaryInText(`${hn} The base salary range is $150,000 - $180,000.`)).toEqual(
      year(150_000, 180_000),
    );
  });

  it('reads pay-transparency paragraphs (Greenhouse and Lever boards)', () => {
    expect(
      findSalaryInText(
        'The annual base salary range for this role is $120,000—$150,000 USD. Actual pay depends on location.',
      ),
    ).toEqual(year(120_000, 150_000));
    expect(findSalaryInText('Salary Range: 140,000 - 180,000')).toEqual(year(140_000, 180_000));
    expect(findSalaryInText('Base pay is between 120k and 150k')).toEqual(year(120_000, 150_000));
    expect(findSalaryInText('Salary paid 95000 yearly')).toEqual(year(95_000, 95_000));
    expect(findSalaryInText('Compensation: 95-120k depending on experience')).toEqual(
      year(95_000, 120_000),
    );
  });

  it('passes over budgets, stipends, bonuses and perks', () => {
    for (const text of [
      'A $1,000 learning budget and a home office stipend of $500.',
      'Earn a $50 gift card for referrals.',
      'Up to $2,500 annual learning budget',
      'We offer a $5,000 signing bonus.',
    ])
      expect(findSalaryInText(text), text).toBeNull();
  });

  it('does not read standards, or a heading on the next line, as pay', () => {
    expect(
      findSalaryInText('• Payments standards such as ISO 20022\n\nBenefits\n\n• Medical cover'),
    ).toBeNull();
    expect(findSalaryInText('Built to PCI DSS 4.0 and SOC 2; 120000 requests a day')).toBeNull();
  });

  it('needs a currency or a pay word: bare numbers are not pay', () => {
    expect(findSalaryInText('We grew from 120 to 150 people.')).toBeNull();
    expect(findSalaryInText('5+ years of experience with 10k requests per second')).toBeNull();
    expect(findSalaryInText('150k+ users rely on us')).toBeNull();
    expect(findSalaryInText('Pay: 150k+')).toEqual(year(150_000, null));
  });

  it('does not read a lone small figure as pay unless it is called so', () => {
    expect(findSalaryInText('Lunch is on us, worth $40 a week.')).toBeNull();
    expect(findSalaryInText('Hourly rate $45')).toMatchObject({ min: 45, period: 'hour' });
  });

  it('takes the first plausible range', () => {
    expect(findSalaryInText('Senior: $150k-$180k. Staff: $190k-$230k. Both with equity.')).toEqual(
      year(150_000, 180_000),
    );
  });
});

/** Strings that look a little like pay: currencies, figures, k, dashes and period words. */
const salaryish = fc
  .array(
    fc.oneof(
      fc.constantFrom('$', '€', '£', 'USD ', 'EUR', 'CHF ', '₹', 'k', 'K', '+', '-', '–', ' to '),
      fc.constantFrom(' per hour', '/hr', ' a year', ' p.a.', '/month', ' LPA', ' up to ', 'from '),
      fc.constantFrom(' ', ',', '.', "'", ' years', ' salary ', '401k', ' employees'),
      fc.integer({ min: 0, max: 2_000_000 }).map(String),
      fc.string({ maxLength: 4 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

describe('salary parsing properties', () => {
  it('never gives min above max, a negative figure or an unknown period', () => {
    fc.assert(
      fc.property(fc.oneof(salaryish, fc.string()), (text) => {
        for (const salary of [parseSalaryText(text), findSalaryInText(text)]) {
          if (salary === null) continue;
          expect(salary.min !== null || salary.max !== null).toBe(true);
          if (salary.min !== null) expect(salary.min).toBeGreaterThanOrEqual(0);
          if (salary.max !== null) expect(salary.max).toBeGreaterThanOrEqual(0);
          if (salary.min !== null && salary.max !== null)
            expect(salary.min).toBeLessThanOrEqual(salary.max);
          expect(['hour', 'day', 'week', 'month', 'year']).toContain(salary.period);
          expect(salary.currency).toMatch(/^[A-Z]{3}$/);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips "$<a>k - $<b>k" for any a < b', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1999 }), fc.integer({ min: 1, max: 2000 }), (x, y) => {
        const [a, b] = x < y ? [x, y] : [y, y + 1];
        const text = `$${a}k - $${b}k`;
        expect(parseSalaryText(text)).toMatchObject({ min: a * 1000, max: b * 1000 });
        expect(parseSalaryText(text)?.currency).toBe('USD');
      }),
    );
  });

  it('round-trips ranges written with thousands separators', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 900 }),
        fc.integer({ min: 1, max: 300 }),
        fc.constantFrom(' – ', ' - ', ' to ', '-'),
        (lowK, spanK, dash) => {
          const low = lowK * 1000;
          const high = (lowK + spanK) * 1000;
          const text = `$${low.toLocaleString('en-US')}${dash}$${high.toLocaleString('en-US')} a year`;
          expect(parseSalaryText(text)).toEqual(year(low, high));
          const eu = `EUR ${low.toLocaleString('de-DE')} - ${high.toLocaleString('de-DE')}`;
          expect(parseSalaryText(eu)).toEqual(year(low, high, 'EUR'));
        },
      ),
    );
  });
});

describe('the mask gate', () => {
  it('matches wherever any mask does', () => {
    const unit = fc.constantFrom(
      ...['0', '1', '2', '4', '5', '7', '9', '12', '401', '403', '457', '24', '2025'],
      ...[' ', '-', '/', '.', ':', '(', ')', '+', 'k', 'b', 'a', 'p', 'm', 'A', 'PM'],
      ...['st', 'nd', 'rd', 'TH', 'x', '$', '€', '\n', 'T', 'Z'],
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 24 }), (parts) => {
        const text = parts.join('');
        const masked = SALARY_MASKS.some((pattern) => new RegExp(pattern).test(text));
        if (masked) expect(MASK_GATE.test(text)).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });
});

describe('the currency gate', () => {
  it('lets through every place where a currency is written before a figure', () => {
    const unit = fc.constantFrom(
      ...['US$', '$', '€', 'Rs.', 'Rs', 'kr', 'zł', 'Fr.', 'USD', 'usd', 'EUR', 'CHF', 'INR'],
      ...[' ', '  ', ':', '\u00a0', '\n', 'a', 'S', 'D', '.', 'x', 'US', 'k'],
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        if (CURRENCY_BEFORE.test(text.slice(-8)))
          expect(currencyMayEndAt(text, text.length)).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });
});

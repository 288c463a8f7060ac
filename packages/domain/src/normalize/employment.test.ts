import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPLOYMENT_TYPES, SENIORITY_LEVELS } from '../job.js';
import { inferEmploymentType, inferSeniority, RULE_GATES, TEXT_RULES } from './employment.js';
import { foldText } from './fold.js';

describe('inferEmploymentType: labels', () => {
  it.each([
    // Lever `categories.commitment` (shared/fixtures/lever) and ATS employment-type fields.
    ['Full-time', 'full_time'],
    ['Full Time', 'full_time'],
    ['FullTime', 'full_time'],
    ['FT', 'full_time'],
    ['Permanent', 'full_time'],
    ['Part-time', 'part_time'],
    ['Part Time', 'part_time'],
    ['Werkstudent (m/w/d)', 'part_time'],
    ['Contract', 'contract'],
    ['Contractor', 'contract'],
    ['C2C', 'contract'],
    ['1099', 'contract'],
    ['B2B', 'contract'],
    ['Contract-to-hire', 'contract'],
    ['Temporary', 'temporary'],
    ['Temp', 'temporary'],
    ['Fixed-term', 'temporary'],
    ['Internship', 'internship'],
    ['Intern', 'internship'],
    ['Freelance', 'freelance'],
    ['Freelancer', 'freelance'],
    // The most specific wins: HN "Full-time Contract" (shared/fixtures/hn, Klara) is contract.
    ['Full-time Contract', 'contract'],
    ['Part-time internship', 'internship'],
    ['Smart Contract Engineer', 'unknown'],
    // Titles about contracts or interns, not the engagement.
    ['Contract Manager', 'unknown'],
    ['Internship Program Manager', 'unknown'],
    ['B2B Sales Manager', 'unknown'],
    ['Senior Full-Stack Developer for multi-tenant B2B app', 'unknown'],
    ['Full-time / B2B', 'contract'],
    ['Senior Backend Engineer', 'unknown'],
    ['', 'unknown'],
  ])('%j -> %s', (label, expected) => {
    expect(inferEmploymentType(label)).toBe(expected);
  });
});

describe('inferEmploymentType: descriptions', () => {
  const padding = ' We build tools for teams that care about quality and move quickly together.';

  it.each([
    ['This is a full-time position based in Berlin.', 'full_time'],
    ['This is a part-time role, around 20 hours a week.', 'part_time'],
    ['A 6-month contract with a possibility to extend.', 'contract'],
    ['This is a contract role (C2C or 1099).', 'contract'],
    ['We hire you as an independent contractor.', 'contract'],
    ['A fixed-term contract for 12 months.', 'temporary'],
    ['Our paid internship runs over the summer.', 'internship'],
    ['We are looking for a freelance designer.', 'freelance'],
    ['Job type: Contract', 'contract'],
    ['Employment Type: Part-time', 'part_time'],
    // Statements about others are not about the role.
    ['You will write smart contracts in Solidity.', 'unknown'],
    ['Benefits for full-time employees include health cover.', 'unknown'],
    ['You will mentor our interns program.', 'unknown'],
  ])('%s -> %s', (text, expected) => {
    expect(inferEmploymentType(text + padding)).toBe(expected);
  });

  it('takes the first statement made', () => {
    expect(
      inferEmploymentType(
        `This is a full-time position.${padding} We also work with contract roles for events.`,
      ),
    ).toBe('full_time');
  });

  it('reads a pipe-separated header line as labels (HN "Who is hiring?")', () => {
    const klara =
      'klarasystems.com | OpenZFS Developer | REMOTE | Full-time Contract\nWe successfully hired from HN in the previous round and are looking for another OpenZFS Developer.';
    expect(inferEmploymentType(klara)).toBe('contract');
    const neon =
      'Neon Health | Founding Sr Backend Engineer | SF, Remote (North America) | Full-time | $170-225K + equity\nWe are mission-driven.';
    expect(inferEmploymentType(neon)).toBe('full_time');
  });
});

describe('inferSeniority', () => {
  it.each([
    ['Software Engineering Intern', 'intern'],
    ['Junior Developer', 'junior'],
    ['Jr. Frontend Engineer', 'junior'],
    ['Entry-Level Data Analyst', 'junior'],
    ['Graduate Software Engineer', 'junior'],
    ['Associate Product Manager', 'junior'],
    ['Mid-level Backend Engineer', 'mid'],
    ['Intermediate Developer', 'mid'],
    ['Senior Backend Engineer', 'senior'],
    ['Sr. Engineer', 'senior'],
    ['Sr Data Scientist', 'senior'],
    ['Lead Engineer', 'lead'],
    ['Tech Lead, Payments', 'lead'],
    ['Staff Software Engineer', 'lead'],
    ['Senior Staff Engineer', 'lead'],
    ['Engineering Manager', 'lead'],
    ['Principal Engineer', 'principal'],
    ['Distinguished Engineer', 'principal'],
    ['Head of Engineering', 'executive'],
    ['Director of Product', 'executive'],
    ['VP Engineering', 'executive'],
    ['Chief Technology Officer', 'executive'],
    ['CTO', 'executive'],
    ['Senior Director, Platform', 'executive'],
    ['Software Engineer I', 'junior'],
    ['Software Engineer II', 'mid'],
    ['Software Engineer III', 'senior'],
    ['Data Analyst 2', 'mid'],
    ['Lead Generation Specialist', 'unknown'],
    ['Mid-Market Account Executive', 'unknown'],
    ['Staff Accountant', 'unknown'],
    ['Backend Engineer', 'unknown'],
  ])('%j -> %s', (title, expected) => {
    expect(inferSeniority(title)).toBe(expected);
  });

  it('falls back on a seniority line, then on the years of experience asked', () => {
    expect(inferSeniority('Backend Engineer', 'Seniority: Senior\nWe build.')).toBe('senior');
    expect(inferSeniority('Backend Engineer', 'Experience level: Mid-Senior level')).toBe('senior');
    expect(inferSeniority('Backend Engineer', 'You have 8+ years of experience in Go.')).toBe(
      'senior',
    );
    expect(
      inferSeniority('Backend Engineer', 'You bring 3-5 years of professional experience.'),
    ).toBe('mid');
    expect(inferSeniority('Backend Engineer', '1+ year of experience with React')).toBe('junior');
    expect(inferSeniority('Backend Engineer', 'We have been around for 10 years.')).toBe('unknown');
    // The title wins over the text.
    expect(inferSeniority('Junior Engineer', '8+ years of experience')).toBe('junior');
  });
});

describe('employment properties', () => {
  it('always answers with a value of the schema, whatever the text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ maxLength: 300 }), (title, text) => {
        expect(EMPLOYMENT_TYPES).toContain(inferEmploymentType(text));
        expect(SENIORITY_LEVELS).toContain(inferSeniority(title, text));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("the text rules' gates", () => {
  it('are held by every folded text a rule matches', () => {
    const unit = fc.constantFrom(
      ...[' ', ' ', '-', '\n', '  ', 'part', 'time', 'full', 'intern', 'ship', 'paid', 'temp'],
      ...['to', 'hire', 'perm', 'fixed', 'term', 'seasonal', 'role', 'contract', 'or', 'c2c'],
      ...['corp', 'is', 'a', 'this', 'permanent', 'job', '1099', 'b2b', 'w2', 'as', 'an'],
      ...['independent', 'freelance', 'er', 'ing', 'contractor', 'on', '6', 'month', 'Full'],
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 12 }), (parts) => {
        const text = foldText(parts.join(''));
        for (const [type, pattern] of TEXT_RULES) {
          if (pattern.test(text))
            expect(RULE_GATES[type].some((gate) => text.includes(gate))).toBe(true);
        }
      }),
      { numRuns: 20000 },
    );
  });
});

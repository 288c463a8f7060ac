import { createRng, type CorpusPosting, type Rng } from './corpus.js';

/**
 * Distinct postings from small phrase banks, for evaluating dedupe without the engine's demo
 * generator: companies share boilerplate (about, benefits) across their postings and roles
 * share bullets across companies, as real postings do. No two have the same company and title.
 */

const NAME_PARTS = [
  'North',
  'Blue',
  'Iron',
  'Maple',
  'Cedar',
  'Harbor',
  'Quill',
  'Lumen',
  'Atlas',
  'Fern',
  'Copper',
  'Salt',
  'Stone',
  'River',
  'Orbit',
  'Pixel',
  'Willow',
  'Ember',
  'Tide',
  'Kestrel',
  'Meadow',
  'Granite',
  'Lantern',
  'Summit',
  'Juniper',
  'Beacon',
  'Falcon',
  'Aurora',
  'Canyon',
  'Delta',
];
const NAME_ENDINGS = [
  'works',
  'line',
  'field',
  'stack',
  'bridge',
  'light',
  'path',
  'forge',
  'gate',
  'wave',
];
const NAME_WORDS = [
  'Labs',
  'Health',
  'Pay',
  'Systems',
  'Logistics',
  'Games',
  'Energy',
  'Learning',
  'Analytics',
  'Studio',
  '& Co.',
  'GmbH',
  'Inc.',
];
const PRODUCTS = [
  'billing software',
  'a scheduling platform',
  'fleet tracking',
  'an online pharmacy',
  'tutoring marketplaces',
  'warehouse robots',
  'solar monitoring',
  'payroll tools',
  'a travel booking app',
  'clinic management software',
];
const CUSTOMERS = [
  'small businesses',
  'hospitals',
  'logistics firms',
  'schools',
  'restaurants',
  'landlords',
  'retailers',
  'banks',
];
const LEVELS = ['Junior ', '', '', 'Senior ', 'Senior ', 'Staff ', 'Lead '];
const AREAS = [
  'Backend',
  'Frontend',
  'Platform',
  'Data',
  'Mobile',
  'Security',
  'Infrastructure',
  'Machine Learning',
  'Full-Stack',
  'QA',
];
const ROLES = ['Engineer', 'Developer', 'Analyst', 'Designer', 'Product Manager'];
const TEAMS = [
  'Payments',
  'Growth',
  'Core',
  'Identity',
  'Search',
  'Billing',
  'Onboarding',
  'Reporting',
];

const SUBJECTS = [
  'the API',
  'our data pipeline',
  'the mobile app',
  'the design system',
  'checkout',
  'search',
  'the reporting stack',
  'onboarding',
  'the deployment pipeline',
  'our internal tools',
];
const VERBS = [
  'Design and build',
  'Own',
  'Improve',
  'Measure and speed up',
  'Test and harden',
  'Document',
  'Rebuild',
  'Monitor',
  'Scale',
  'Simplify',
];
const QUALIFIERS = [
  'with clear contracts',
  'end to end',
  'with the product team',
  'for thousands of customers',
  'without downtime',
  'one small release at a time',
  'with tests that prove it',
  'across three regions',
];
const SKILLS = [
  'TypeScript',
  'Python',
  'Go',
  'Java',
  'Kotlin',
  'React',
  'PostgreSQL',
  'Kubernetes',
  'AWS',
  'Terraform',
  'Swift',
  'Figma',
  'SQL',
  'dbt',
  'Kafka',
  'GraphQL',
];
const YEARS = ['2+', '3+', '4+', '5+', '7+'];
const REQUIREMENT_FORMS = [
  (skill: string, years: string) => `${years} years of experience with ${skill}`,
  (skill: string) => `Production experience with ${skill}`,
  (skill: string) => `You have shipped real products using ${skill}`,
  (skill: string) => `Comfortable reading and writing ${skill} every day`,
];
const BENEFITS = [
  '30 days of paid vacation',
  'A yearly learning budget',
  'Health insurance for you and your family',
  'Home office allowance',
  'Equity in the company',
  'Four-day work week in summer',
  'Parental leave of 16 weeks',
  'Team offsite twice a year',
  'Pension plan with a company match',
  'Flexible hours',
];
const CLOSINGS = [
  'Our process: a short call, a practical exercise, and a conversation with the team.',
  'We answer every application within two weeks.',
  'We hire across Europe and pay in local currency.',
  'Interviews are remote and take about three hours in total.',
];

function companyName(rng: Rng): string {
  const base = `${rng.pick(NAME_PARTS)}${rng.pick(NAME_ENDINGS)}`;
  return rng.chance(0.6) ? `${base} ${rng.pick(NAME_WORDS)}` : base;
}

function bullets(rng: Rng, count: number, make: () => string): string {
  const out = new Set<string>();
  while (out.size < count) out.add(make());
  return [...out].map((line) => `• ${line}`).join('\n');
}

/** `count` distinct postings from about count / 20 companies. */
export function syntheticPostings(count: number, seed = 1): CorpusPosting[] {
  const rng = createRng(seed);
  const companyCount = Math.max(10, Math.round(count / 20));
  const companies = new Map<string, { about: string; benefits: string; closing: string }>();
  while (companies.size < companyCount) {
    const name = companyName(rng);
    if (companies.has(name)) continue;
    companies.set(name, {
      about: `${name} builds ${rng.pick(PRODUCTS)} for ${rng.int(2, 90) * 100} ${rng.pick(CUSTOMERS)}.`,
      benefits: bullets(rng, 4, () => rng.pick(BENEFITS)),
      closing: rng.pick(CLOSINGS),
    });
  }
  const names = [...companies.keys()];
  const seen = new Set<string>();
  const out: CorpusPosting[] = [];
  let attempts = 0;
  while (out.length < count) {
    if (++attempts > count * 50)
      throw new RangeError('too few distinct titles for that many postings');
    const company = rng.pick(names);
    const area = rng.pick(AREAS);
    const title = `${rng.pick(LEVELS)}${area} ${rng.pick(ROLES)}${rng.chance(0.3) ? `, ${rng.pick(TEAMS)}` : ''}`;
    const key = `${company}|${title}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const profile = companies.get(company)!;
    const skill = (): string => rng.pick(SKILLS);
    const description = [
      profile.about,
      `The ${rng.pick(TEAMS)} team is ${rng.int(3, 12)} people. This year we want to ${rng.pick(VERBS).toLowerCase()} ${rng.pick(SUBJECTS)} ${rng.pick(QUALIFIERS)}, and you will lead part of that work as our new ${title}.`,
      `What you'll do\n${bullets(rng, rng.int(4, 6), () => `${rng.pick(VERBS)} ${rng.pick(SUBJECTS)} ${rng.pick(QUALIFIERS)}`)}`,
      `Requirements\n${bullets(rng, rng.int(4, 6), () => rng.pick(REQUIREMENT_FORMS)(skill(), rng.pick(YEARS)))}`,
      `Benefits\n${profile.benefits}`,
      profile.closing,
    ].join('\n\n');
    out.push({ id: `synthetic-${out.length}`, company, title, descriptionText: description });
  }
  return out;
}

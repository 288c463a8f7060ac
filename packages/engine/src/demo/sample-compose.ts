import { PROPOSAL_TIERS } from '@applydesk/domain';
import {
  BENEFITS,
  COMPANIES,
  CURRENCY_OF,
  HIRING_PROCESS,
  REMOTE_LOCATIONS,
  SALARY_FACTOR,
  SCREENING_QUESTIONS,
  UPWORK_CLIENTS,
  WORLDWIDE_LOCATIONS,
  type Ats,
  type Company,
  type FreelanceClientProfile,
  type Region,
} from './sample-companies.js';
import type { Rng } from './sample-random.js';
import {
  ROLE_FAMILIES,
  SENIORITY_PAY,
  SENIORITY_PREFIX,
  YEARS_FOR,
  type RoleFamily,
  type RoleFamilyId,
} from './sample-roles.js';
import {
  UPWORK_CLOSINGS,
  UPWORK_DURATIONS,
  UPWORK_PROJECTS,
  UPWORK_WORKLOADS,
  type UpworkProject,
} from './sample-upwork-projects.js';

/** Source-neutral descriptions of a posting; sample-sources.ts renders them per source. */

const DAY_MS = 86_400_000;

export type RoleSeniority = keyof typeof YEARS_FOR;
export type WorkMode = 'remote' | 'hybrid' | 'onsite' | 'unknown';
export type RoleEmployment = 'full_time' | 'contract' | 'part_time';

export interface PayRange {
  min: number;
  max: number;
  currency: string;
  period: 'year' | 'hour';
}

export interface RoleSpec {
  company: Company;
  family: RoleFamily;
  title: string;
  seniority: RoleSeniority;
  team: string;
  remote: WorkMode;
  /** Where a remote hire may live: a region, or anywhere. */
  remoteArea: Region | 'Worldwide' | null;
  location: string;
  office: string;
  employmentType: RoleEmployment;
  salary: PayRange | null;
  intro: string[];
  duties: string[];
  requirements: string[];
  niceToHave: string[];
  benefits: string[];
  workplace: string | null;
  compensation: string | null;
  process: string | null;
  skills: string[];
  postedAt: Date;
  expiresAt: Date | null;
  /** Markup placed verbatim after the intro: hostile samples only. */
  injectHtml: string | null;
}

export interface RoleOptions {
  family?: RoleFamilyId;
  seniority?: RoleSeniority;
  remoteOnly?: boolean;
}

const SENIORITY_WEIGHTS: readonly { value: RoleSeniority; weight: number }[] = [
  { value: 'junior', weight: 20 },
  { value: 'mid', weight: 30 },
  { value: 'senior', weight: 30 },
  { value: 'lead', weight: 14 },
  { value: 'principal', weight: 6 },
];

const COMPANIES_BY_ATS = new Map<Ats, Company[]>();
for (const company of COMPANIES) {
  const list = COMPANIES_BY_ATS.get(company.ats) ?? [];
  list.push(company);
  COMPANIES_BY_ATS.set(company.ats, list);
}

const FAMILIES_FOR = new Map<Company, RoleFamily[]>();

/** The role families a company hires for (cached: asked once per posting). */
function familiesFor(company: Company): RoleFamily[] {
  let families = FAMILIES_FOR.get(company);
  if (families === undefined) {
    families = ROLE_FAMILIES.filter((f) => company.hires.includes(f.group));
    FAMILIES_FOR.set(company, families);
  }
  return families;
}

export function pickCompany(rng: Rng, ats?: Ats): Company {
  return rng.pick(ats === undefined ? COMPANIES : (COMPANIES_BY_ATS.get(ats) ?? COMPANIES));
}

function familyById(id: RoleFamilyId): RoleFamily {
  const family = ROLE_FAMILIES.find((f) => f.id === id);
  if (family === undefined) throw new Error(`unknown role family ${id}`);
  return family;
}

/** A posting date within the last 45 days, recent days more likely. */
export function pickPostedAt(rng: Rng, now: Date): Date {
  const u = rng.next();
  const ago = 45 * DAY_MS * u * u;
  return new Date(Math.floor((now.getTime() - ago) / 1000) * 1000);
}

function pickExpiresAt(rng: Rng, now: Date): Date | null {
  if (!rng.chance(0.22)) return null;
  return new Date(
    Math.floor(now.getTime() / DAY_MS) * DAY_MS + rng.int(3, 40) * DAY_MS + 23 * 3_600_000,
  );
}

function pickRemote(rng: Rng, company: Company): WorkMode {
  if (rng.chance(0.03)) return 'unknown';
  const roll = rng.next();
  switch (company.policy) {
    case 'remote-first':
      return roll < 0.88 ? 'remote' : 'hybrid';
    case 'hybrid':
      return roll < 0.5 ? 'hybrid' : roll < 0.8 ? 'remote' : 'onsite';
    case 'office':
      return roll < 0.65 ? 'onsite' : roll < 0.9 ? 'hybrid' : 'remote';
  }
}

/** Groups thousands with commas, without Intl (faster for 100k postings). */
export function thousands(n: number): string {
  const digits = String(Math.round(n));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i] ?? '';
  }
  return out;
}

const SYMBOL: Record<string, string> = { USD: '$', EUR: '€', GBP: '£' };

export function money(amount: number, currency: string): string {
  const symbol = SYMBOL[currency];
  return symbol === undefined
    ? `${thousands(amount)} ${currency}`
    : `${symbol}${thousands(amount)}`;
}

function roundTo(value: number, step: number): number {
  return Math.max(step, Math.round(value / step) * step);
}

function pickSalary(
  rng: Rng,
  family: RoleFamily,
  seniority: RoleSeniority,
  region: Region,
  employment: RoleEmployment,
): PayRange | null {
  const factor = SENIORITY_PAY[seniority] * SALARY_FACTOR[region] * (0.92 + rng.next() * 0.16);
  const currency = CURRENCY_OF[region];
  if (employment === 'full_time') {
    if (!rng.chance(0.7)) return null;
    const step = currency === 'USD' ? 5000 : 1000;
    const min = roundTo(family.salaryUsd[0] * factor, step);
    const max = Math.max(min + step, roundTo(family.salaryUsd[1] * factor, step));
    return { min, max, currency, period: 'year' };
  }
  if (!rng.chance(0.75)) return null;
  const min = roundTo(family.hourlyUsd[0] * factor, 5);
  const max = Math.max(min + 5, roundTo(family.hourlyUsd[1] * factor, 5));
  return { min, max, currency, period: 'hour' };
}

function compensationLine(rng: Rng, salary: PayRange, company: Company): string {
  const range = `${money(salary.min, salary.currency)} - ${money(salary.max, salary.currency)}`;
  if (salary.period === 'hour')
    return `Contract rate: ${range} per hour, six-month initial term with a view to extend.`;
  if (company.region === 'US')
    return rng.pick([
      `The base salary range for this role is ${range}, plus equity and benefits. Where you land depends on experience and location.`,
      `Compensation: ${range} base salary, plus equity.`,
      `The US base salary range for this full-time position is ${range}. Our ranges are set by role, level and location.`,
    ]);
  if (company.region === 'EU')
    return rng.pick([
      `Salary: ${range} gross per year, depending on experience.`,
      `We offer ${range} a year plus virtual share options.`,
    ]);
  return rng.pick([
    `Salary: ${range} plus bonus.`,
    `${range} depending on experience, plus share options.`,
  ]);
}

const AREA_NAME: Record<Region | 'Worldwide', string> = {
  US: 'the United States',
  EU: 'the European Union',
  UK: 'the United Kingdom',
  Worldwide: 'any time zone between UTC-8 and UTC+3',
};

function workplaceLine(
  rng: Rng,
  remote: WorkMode,
  office: string,
  area: Region | 'Worldwide' | null,
): string | null {
  const city = office.split(',')[0] ?? office;
  switch (remote) {
    case 'remote':
      return rng.pick([
        `This role is fully remote: you can live anywhere in ${AREA_NAME[area ?? 'Worldwide']}. The team meets in person twice a year.`,
        `Remote within ${AREA_NAME[area ?? 'Worldwide']}, with core hours of 11:00 to 15:00 in the team's time zone.`,
        'We are remote-first: written updates, few meetings, and an offsite every spring.',
      ]);
    case 'hybrid':
      return rng.pick([
        `This is a hybrid role: two days a week in our ${city} office.`,
        `Hybrid: we are in the ${city} office Tuesday to Thursday.`,
      ]);
    case 'onsite':
      return `This role is based in our ${city} office, five days a week.`;
    case 'unknown':
      return null;
  }
}

function remoteLocation(
  rng: Rng,
  company: Company,
): { location: string; area: Region | 'Worldwide' } {
  if (company.policy === 'remote-first' && rng.chance(0.25))
    return { location: rng.pick(WORLDWIDE_LOCATIONS), area: 'Worldwide' };
  return { location: rng.pick(REMOTE_LOCATIONS[company.region]), area: company.region };
}

/** A complete employee-style posting for one company. */
export function composeRole(
  rng: Rng,
  now: Date,
  company: Company,
  options: RoleOptions = {},
): RoleSpec {
  const family =
    options.family !== undefined
      ? familyById(options.family)
      : rng.weighted(familiesFor(company), (f) => f.weight);
  let seniority = options.seniority ?? rng.weighted(SENIORITY_WEIGHTS, (s) => s.weight).value;
  if (seniority === 'principal' && family.group !== 'eng' && family.group !== 'data')
    seniority = 'lead';
  const title = `${rng.pick(SENIORITY_PREFIX[seniority])}${rng.pick(family.titles)}`;

  const remote: WorkMode = options.remoteOnly === true ? 'remote' : pickRemote(rng, company);
  const office = rng.pick(company.offices);
  const officeless = office === 'Remote';
  const effectiveRemote: WorkMode = officeless && remote !== 'unknown' ? 'remote' : remote;
  let location = office;
  let remoteArea: Region | 'Worldwide' | null = null;
  if (effectiveRemote === 'remote' || (officeless && effectiveRemote === 'unknown')) {
    const picked = remoteLocation(rng, company);
    location = picked.location;
    remoteArea = picked.area;
  } else if (effectiveRemote === 'hybrid' && rng.chance(0.4)) {
    location = `${office} (Hybrid)`;
  }

  const roll = rng.next();
  const employmentType: RoleEmployment =
    roll < 0.84 ? 'full_time' : roll < 0.95 ? 'contract' : 'part_time';
  const salary = pickSalary(rng, family, seniority, company.region, employmentType);

  const years = String(YEARS_FOR[seniority]);
  const [primary, ...rest] = family.requirements;
  const chosenRequirements = [
    ...(primary === undefined ? [] : [primary]),
    ...rng.sample(rest, rng.int(3, 5)),
  ];
  const skills = [...new Set(chosenRequirements.flatMap((r) => r.skills))];
  const team = rng.pick(family.teams);
  const teamLine = rng.pick([
    `You'll join the ${team} team, ${rng.int(4, 12)} people who ship together and review each other's work.`,
    `You'll work on the ${team} team and report to the head of ${family.department.toLowerCase()}.`,
    `The ${team} team is ${rng.int(3, 9)} people today and this hire is one of the first of the year.`,
  ]);

  return {
    company,
    family,
    title,
    seniority,
    team,
    remote: effectiveRemote,
    remoteArea,
    location,
    office,
    employmentType,
    salary,
    intro: [company.about, rng.pick(family.problems), teamLine],
    duties: rng.sample(family.duties, rng.int(4, 5)),
    requirements: chosenRequirements.map((r) => r.text.replace('{years}', years)),
    niceToHave: rng.sample(family.niceToHave, rng.int(2, 3)).map((b) => b.text),
    benefits: rng.sample(BENEFITS[company.region], 3),
    workplace: workplaceLine(rng, effectiveRemote, office, remoteArea),
    compensation: salary === null ? null : compensationLine(rng, salary, company),
    process: rng.chance(0.4) ? rng.pick(HIRING_PROCESS) : null,
    skills,
    postedAt: pickPostedAt(rng, now),
    expiresAt: pickExpiresAt(rng, now),
    injectHtml: null,
  };
}

// ---------------------------------------------------------------------------------------
// Freelance (Upwork) posts

export type ExperienceLevel = 'entry' | 'intermediate' | 'expert';

export interface ClientStats {
  paymentVerified: boolean;
  totalSpent: number;
  rating: number | null;
  reviews: number;
  hires: number;
  jobsPosted: number;
}

export interface UpworkSpec {
  project: UpworkProject;
  client: FreelanceClientProfile;
  stats: ClientStats;
  title: string;
  level: ExperienceLevel;
  contractType: 'fixed' | 'hourly';
  budget: number | null;
  hourlyMin: number | null;
  hourlyMax: number | null;
  duration: { label: string; enum: string } | null;
  workload: string | null;
  proposalsTier: string;
  totalApplicants: number;
  screeningQuestions: string[];
  skills: string[];
  description: string;
  postedAt: Date;
}

export interface UpworkOptions {
  project?: string;
  level?: ExperienceLevel;
  /** A paragraph added before the closing line: hostile samples only. */
  extraParagraph?: string;
  strongClient?: boolean;
}

const LEVEL_PAY: Record<ExperienceLevel, number> = { entry: 0.6, intermediate: 1, expert: 1.45 };
const TIER_APPLICANTS: readonly (readonly [number, number])[] = [
  [0, 4],
  [5, 9],
  [10, 14],
  [15, 19],
  [20, 49],
  [50, 90],
];

function pickClientStats(rng: Rng, strong: boolean): ClientStats {
  if (!strong && rng.chance(0.15)) {
    return {
      paymentVerified: rng.chance(0.5),
      totalSpent: 0,
      rating: null,
      reviews: 0,
      hires: 0,
      jobsPosted: rng.int(1, 2),
    };
  }
  const jobsPosted = strong ? rng.int(12, 160) : Math.round(2 + 150 * rng.next() ** 3);
  const hires = Math.max(1, Math.round(jobsPosted * (0.4 + rng.next() * 0.5)));
  const reviews = Math.round(hires * (0.6 + rng.next() * 0.35));
  const perHire = strong ? rng.int(1500, 9000) : rng.int(150, 6000);
  const rating =
    reviews === 0
      ? null
      : Math.round(
          (strong
            ? 4.6 + rng.next() * 0.4
            : rng.chance(0.12)
              ? 3.2 + rng.next() * 0.8
              : 4 + rng.next()) * 100,
        ) / 100;
  return {
    paymentVerified: strong || rng.chance(0.93),
    totalSpent: Math.round(hires * perHire),
    rating: rating === null ? null : Math.min(5, rating),
    reviews,
    hires,
    jobsPosted,
  };
}

function upworkDescription(
  rng: Rng,
  spec: Omit<UpworkSpec, 'description'>,
  extra: string | undefined,
): string {
  const greeting = rng.pick(['Hi there,\n\n', 'Hello!\n\n', '', '']);
  const deliverables = rng
    .sample(spec.project.deliverables, rng.int(3, 5))
    .map((d) => `- ${d}`)
    .join('\n');
  const heading = rng.pick(['What I need:', 'Deliverables:', 'Scope of work:']);
  const stack = `${rng.pick(['Tech stack', 'Skills needed', 'Must know'])}: ${spec.skills.join(', ')}`;
  const timeline =
    spec.duration === null
      ? 'Timeline: flexible.'
      : `Timeline: ${spec.duration.label.toLowerCase()}${spec.workload !== null && spec.workload !== 'Not sure' ? `, ${spec.workload.toLowerCase()}` : ''}.`;
  const pay =
    spec.contractType === 'fixed'
      ? `Budget is ${money(spec.budget ?? 0, 'USD')} fixed, paid by milestone.`
      : spec.hourlyMax === null
        ? 'Hourly, rate open for the right person.'
        : `Hourly, ${money(spec.hourlyMin ?? spec.hourlyMax, 'USD')} to ${money(spec.hourlyMax, 'USD')} per hour depending on experience.`;
  const parts = [
    `${greeting}${rng.pick(spec.project.openings)}`,
    `${heading}\n${deliverables}`,
    stack,
    `${timeline} ${pay}`,
    ...(extra === undefined ? [] : [extra]),
    rng.pick(UPWORK_CLOSINGS),
  ];
  return parts.join('\n\n');
}

/** A complete Upwork-style post. */
export function composeUpwork(rng: Rng, now: Date, options: UpworkOptions = {}): UpworkSpec {
  const project =
    options.project === undefined
      ? rng.weighted(UPWORK_PROJECTS, (p) => p.weight)
      : (UPWORK_PROJECTS.find((p) => p.id === options.project) ?? rng.pick(UPWORK_PROJECTS));
  const level = options.level ?? rng.pick(project.levels);
  const contractType =
    project.contract === 'either' ? (rng.chance(0.5) ? 'fixed' : 'hourly') : project.contract;
  const pay = LEVEL_PAY[level] * (0.85 + rng.next() * 0.3);
  let budget: number | null = null;
  let hourlyMin: number | null = null;
  let hourlyMax: number | null = null;
  if (contractType === 'fixed') {
    const base = project.budget[0] + rng.next() * (project.budget[1] - project.budget[0]);
    budget = roundTo(base * pay, base * pay >= 1000 ? 100 : 25);
  } else if (!rng.chance(0.06)) {
    hourlyMin = roundTo(project.hourly[0] * pay, 5);
    hourlyMax = Math.max(hourlyMin + 5, roundTo(project.hourly[1] * pay, 5));
  }
  const duration = contractType === 'fixed' && rng.chance(0.15) ? null : rng.pick(UPWORK_DURATIONS);
  const workload = contractType === 'hourly' ? rng.pick(UPWORK_WORKLOADS) : null;
  const postedAt = pickPostedAt(rng, now);
  const ageDays = (now.getTime() - postedAt.getTime()) / DAY_MS;
  const baseTier = ageDays < 0.5 ? 0 : ageDays < 2 ? 1 : ageDays < 5 ? 2 : ageDays < 10 ? 3 : 4;
  const tierIndex = Math.min(PROPOSAL_TIERS.length - 1, Math.max(0, baseTier + rng.int(-1, 1)));
  const [low, high] = TIER_APPLICANTS[tierIndex] ?? [0, 4];
  const skills = [...project.skills, ...rng.sample(project.extraSkills, rng.int(1, 3))];
  const title = rng.pick(project.titles);
  const partial: Omit<UpworkSpec, 'description'> = {
    project,
    client: rng.pick(UPWORK_CLIENTS),
    stats: pickClientStats(rng, options.strongClient === true),
    title: rng.chance(0.05) ? `URGENT: ${title}` : title,
    level,
    contractType,
    budget,
    hourlyMin,
    hourlyMax,
    duration,
    workload,
    proposalsTier: PROPOSAL_TIERS[tierIndex] ?? 'Less than 5',
    totalApplicants: rng.int(low, high),
    screeningQuestions: rng.sample(
      SCREENING_QUESTIONS,
      rng.weighted([0, 1, 2, 3], (n) => [3, 4, 3, 1][n] ?? 1),
    ),
    skills,
    postedAt,
  };
  return { ...partial, description: upworkDescription(rng, partial, options.extraParagraph) };
}

import {
  formatIssues,
  type PROPOSAL_TIERS,
  textToHtml,
  type FreelanceDetails,
  type JobInputDraft,
  type Seniority,
} from '@applydesk/domain';
import { firstDate } from '../shared/dates.js';
import { refuse } from '../shared/refuse.js';
import { UpworkJobNode, type UpworkDuration, type UpworkMoney } from './graphql.js';

export const UPWORK_SOURCE_TYPE = 'upwork';
export const UPWORK_JOB_URL = 'https://www.upwork.com/jobs/';
/** Upwork does not name the client; every posting gets this company name. */
export const UPWORK_COMPANY = 'Upwork client';

export type ProposalsTier = (typeof PROPOSAL_TIERS)[number];
export type ExperienceLevel = 'entry' | 'intermediate' | 'expert';
type FreelanceDraft = NonNullable<JobInputDraft['freelance']>;
type ClientDraft = FreelanceDraft['client'];

/** A job's stable key: `~` then letters and digits (`~021861234567890123456`). */
const CIPHERTEXT = /^~[0-9a-z]{6,64}$/i;

/** The ciphertext in its one spelling (leading `~`), or null when it is not one. */
export function canonicalCiphertext(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  const withTilde = trimmed.startsWith('~') ? trimmed : `~${trimmed}`;
  return CIPHERTEXT.test(withTilde) ? withTilde : null;
}

export function upworkJobUrl(ciphertext: string): string {
  return `${UPWORK_JOB_URL}${ciphertext}`;
}

/** The proposals tier Upwork shows for a number of applicants. */
export function proposalsTierFromCount(count: number | null | undefined): ProposalsTier | null {
  if (typeof count !== 'number' || !Number.isFinite(count) || count < 0) return null;
  if (count < 5) return 'Less than 5';
  if (count < 10) return '5 to 10';
  if (count < 15) return '10 to 15';
  if (count < 20) return '15 to 20';
  if (count < 50) return '20 to 50';
  return '50+';
}

/** The labels Upwork's pages show for the API's `duration` enum. */
export const DURATION_LABELS: Record<UpworkDuration, string> = {
  WEEK: 'Less than 1 month',
  MONTH: '1 to 3 months',
  QUARTER: '3 to 6 months',
  SEMESTER: 'More than 6 months',
  ONGOING: 'More than 6 months',
};

export function durationLabel(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  return (
    (DURATION_LABELS as Record<string, string | undefined>)[value.trim().toUpperCase()] ?? null
  );
}

/** ENTRY_LEVEL / INTERMEDIATE / EXPERT (and page spellings such as "Entry level") to the domain's levels. */
export function experienceLevelOf(value: string | null | undefined): ExperienceLevel | null {
  if (typeof value !== 'string') return null;
  const v = value.toLowerCase();
  if (v.includes('entry')) return 'entry';
  if (v.includes('intermediate')) return 'intermediate';
  if (v.includes('expert')) return 'expert';
  return null;
}

export function seniorityOf(level: ExperienceLevel | null): Seniority {
  return level === 'entry'
    ? 'junior'
    : level === 'intermediate'
      ? 'mid'
      : level === 'expert'
        ? 'senior'
        : 'unknown';
}

/** A non-negative finite number from a number or a decimal string ("25340.5", "0.0"), else null. */
export function amountOf(value: unknown): number | null {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)
        ? Number(value)
        : Number.NaN;
  return Number.isFinite(n) && n >= 0 ? n : null;
}

export function moneyValue(money: UpworkMoney | null | undefined): number | null {
  return money === null || money === undefined ? null : amountOf(money.rawValue);
}

/** An ISO 4217 code, or USD (Upwork budgets are in US dollars). */
export function currencyOf(...candidates: (string | null | undefined)[]): string {
  for (const c of candidates) {
    const code = c?.trim().toUpperCase();
    if (code !== undefined && /^[A-Z]{3}$/.test(code)) return code;
  }
  return 'USD';
}

export function countOf(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0
    ? Math.trunc(value)
    : null;
}

/** A 0-5 star rating; a client with no reviews has none (Upwork sends 0). */
export function ratingOf(value: number | null | undefined, reviews: number | null): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 5) return null;
  if (value === 0 && (reviews === null || reviews === 0)) return null;
  return value;
}

/** Upwork descriptions are plain text: HTML paragraphs from it (escaped, line breaks kept), and the text itself. */
export function descriptionOf(text: string): { descriptionHtml: string; descriptionText: string } {
  const plain = text.replace(/\r\n?/g, '\n').trim();
  return { descriptionHtml: textToHtml(plain), descriptionText: plain };
}

export function uniqueSkills(names: readonly (string | null | undefined)[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    const skill = name?.replace(/\s+/g, ' ').trim();
    if (skill === undefined || skill === '' || seen.has(skill.toLowerCase())) continue;
    seen.add(skill.toLowerCase());
    out.push(skill);
  }
  return out;
}

/**
 * Fixed or hourly, and the pay: a fixed budget above zero makes it fixed (the API's amount
 * is zero for hourly jobs); an hourly range makes it hourly; with neither, the type the search
 * was filtered on, else hourly.
 */
export function payTerms(
  budget: number | null,
  hourlyMin: number | null,
  hourlyMax: number | null,
  fallback: 'fixed' | 'hourly' | undefined,
): Pick<FreelanceDetails, 'contractType' | 'budget' | 'hourlyMin' | 'hourlyMax'> {
  const min = hourlyMin === 0 ? null : hourlyMin;
  const max = hourlyMax === 0 ? null : hourlyMax;
  if (budget !== null && budget > 0)
    return { contractType: 'fixed', budget, hourlyMin: null, hourlyMax: null };
  if (min !== null || max !== null) {
    const [lo, hi] = min !== null && max !== null && min > max ? [max, min] : [min, max];
    return { contractType: 'hourly', budget: null, hourlyMin: lo, hourlyMax: hi };
  }
  return { contractType: fallback ?? 'hourly', budget: null, hourlyMin: null, hourlyMax: null };
}

/** Everything a freelance posting has, whichever way it reached ApplyDesk. */
export interface UpworkJobFacts {
  ciphertext: string;
  title: string;
  description: string;
  postedAt: string | null;
  skills: string[];
  contract: Pick<FreelanceDetails, 'contractType' | 'budget' | 'hourlyMin' | 'hourlyMax'>;
  currency: string;
  duration: string | null;
  workload: string | null;
  experienceLevel: ExperienceLevel | null;
  client: ClientDraft;
  proposalsTier: string | null;
  screeningQuestions: string[];
}

/** The draft for one posting: the same fields for the API and the extension, so both dedupe on the ciphertext. */
export function upworkDraft(
  facts: UpworkJobFacts,
  meta: { sourceId: string; fetchedAt: string; raw: unknown },
): JobInputDraft {
  const country = facts.client.country;
  return {
    sourceType: UPWORK_SOURCE_TYPE,
    sourceId: meta.sourceId,
    externalId: facts.ciphertext,
    url: upworkJobUrl(facts.ciphertext),
    title: facts.title,
    company: UPWORK_COMPANY,
    location: country,
    remote: 'remote',
    employmentType: 'freelance',
    seniority: seniorityOf(facts.experienceLevel),
    salary: null,
    ...descriptionOf(facts.description),
    skills: facts.skills,
    postedAt: facts.postedAt,
    fetchedAt: meta.fetchedAt,
    freelance: {
      ...facts.contract,
      currency: facts.currency,
      duration: facts.duration,
      workload: facts.workload,
      experienceLevel: facts.experienceLevel,
      client: facts.client,
      proposalsTier: facts.proposalsTier,
      screeningQuestions: facts.screeningQuestions,
    },
    raw: meta.raw,
  };
}

const invalid = (id: string, reason: string) => refuse('Upwork', id, reason);

function nonEmpty(value: string | null | undefined): string | null {
  const v = value?.trim();
  return v === undefined || v === '' ? null : v;
}

/**
 * Maps one `marketplaceJobPostingsSearch` node to a draft. Throws INVALID_INPUT naming the
 * posting when it has no ciphertext or title.
 */
export function normalizeUpworkNode(
  raw: unknown,
  ctx: { sourceId: string; now: () => Date; config?: { jobType?: 'hourly' | 'fixed' | undefined } },
): JobInputDraft {
  const id =
    typeof raw === 'object' &&
    raw !== null &&
    'ciphertext' in raw &&
    typeof raw.ciphertext === 'string'
      ? raw.ciphertext.slice(0, 80)
      : '?';
  const parsed = UpworkJobNode.safeParse(raw);
  if (!parsed.success) throw invalid(id, formatIssues(parsed.error).join('; '));
  const node = parsed.data;
  const ciphertext = canonicalCiphertext(node.ciphertext);
  if (ciphertext === null) throw invalid(id, 'has no usable ciphertext');
  const title = nonEmpty(node.title);
  if (title === null) throw invalid(ciphertext, 'has no title');
  const client = node.client;
  const reviews = countOf(client?.totalReviews);
  const experienceLevel = experienceLevelOf(node.experienceLevel);
  return upworkDraft(
    {
      ciphertext,
      title,
      description: node.description ?? '',
      postedAt: firstDate(ctx.now(), node.publishedDateTime),
      skills: uniqueSkills((node.skills ?? []).map((s) => s.prettyName ?? s.name)),
      contract: payTerms(
        moneyValue(node.amount),
        moneyValue(node.hourlyBudgetMin),
        moneyValue(node.hourlyBudgetMax),
        ctx.config?.jobType,
      ),
      currency: currencyOf(
        node.amount?.currency,
        node.hourlyBudgetMin?.currency,
        node.hourlyBudgetMax?.currency,
      ),
      duration: durationLabel(node.duration),
      workload: nonEmpty(node.engagement),
      experienceLevel,
      client: {
        country: nonEmpty(client?.location?.country),
        paymentVerified:
          typeof client?.verificationStatus === 'string'
            ? client.verificationStatus === 'VERIFIED'
            : null,
        totalSpent: moneyValue(client?.totalSpent),
        rating: ratingOf(client?.totalFeedback, reviews),
        reviews,
        hires: countOf(client?.totalHires),
        jobsPosted: countOf(client?.totalPostedJobs),
      },
      proposalsTier: proposalsTierFromCount(node.totalApplicants),
      screeningQuestions: [],
    },
    { sourceId: ctx.sourceId, fetchedAt: ctx.now().toISOString(), raw },
  );
}

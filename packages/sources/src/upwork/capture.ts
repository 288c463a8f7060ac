import { z } from 'zod';
import {
  decodeEntities,
  formatIssues,
  JobInput,
  parseOrThrow,
  PROPOSAL_TIERS,
  type JobInputDraft,
} from '@applydesk/domain';
import {
  amountOf,
  canonicalCiphertext,
  countOf,
  DURATION_LABELS,
  experienceLevelOf,
  payTerms,
  proposalsTierFromCount,
  ratingOf,
  uniqueSkills,
  upworkDraft,
  type ProposalsTier,
  type UpworkJobFacts,
} from './normalize.js';
import { firstDate } from '../shared/dates.js';

/**
 * What ApplyDesk's browser extension posts to `POST /api/captures` from the Upwork page the
 * user is looking at. ApplyDesk never loads Upwork pages itself: this, and the official API,
 * are the only ways Upwork postings come in. Everything here is untrusted input.
 */

export const UPWORK_EXTENSION_SOURCE_ID = 'upwork:extension';

const MAX_JOBS = 200;
const MAX_SHORT = 300;
const MAX_TITLE = 1_000;
const MAX_URL = 2_048;
const MAX_DESCRIPTION = 50_000;
const MAX_QUESTION = 2_000;

/** A short field: longer than the cap is malformed. */
const short = (max = MAX_SHORT) => z.string().max(max);
/** Free text: kept, but cut at the cap. */
const long = (max: number) => z.string().transform((s) => (s.length > max ? s.slice(0, max) : s));
const num = z.number();
/** A number, or a decimal string as Upwork's state often has ("0.0"). */
const numberish = z.union([z.number(), z.string().max(40)]);
const id = z.union([short(80), z.number()]);

/** One job of the search page's `window.__NUXT__.state.jobsSearch.jobs[]`. */
export const UpworkSearchJob = z.object({
  uid: id.nullish(),
  ciphertext: short(80),
  title: short(MAX_TITLE),
  description: long(MAX_DESCRIPTION).nullish(),
  createdOn: short(64).nullish(),
  publishedOn: short(64).nullish(),
  renewedOn: short(64).nullish(),
  /** 1 = fixed price, 2 = hourly. */
  type: num.int().nullish(),
  durationLabel: short().nullish(),
  engagement: short().nullish(),
  amount: z.object({ amount: numberish.nullish() }).nullish(),
  hourlyBudget: z.object({ min: numberish.nullish(), max: numberish.nullish() }).nullish(),
  weeklyBudget: z.object({ amount: numberish.nullish() }).nullish(),
  client: z
    .object({
      location: z.object({ country: short().nullish() }).nullish(),
      isPaymentVerified: z.boolean().nullish(),
      totalSpent: numberish.nullish(),
      totalReviews: num.nullish(),
      totalFeedback: num.nullish(),
      hasFinancialPrivacy: z.boolean().nullish(),
    })
    .nullish(),
  proposalsTier: short().nullish(),
  tierText: short().nullish(),
  attrs: z
    .array(
      z.object({
        uid: id.nullish(),
        prettyName: short().nullish(),
        prefLabel: short().nullish(),
        highlighted: z.boolean().nullish(),
      }),
    )
    .max(100)
    .nullish(),
  isApplied: z.boolean().nullish(),
  premium: z.boolean().nullish(),
  enterpriseJob: z.boolean().nullish(),
  freelancersToHire: num.nullish(),
});
export type UpworkSearchJob = z.infer<typeof UpworkSearchJob>;

const question = long(MAX_QUESTION);

/** The job page's `state.jobDetails` from `<script id="__NUXT_DATA__">`, as the extension decodes it. */
export const UpworkJobDetail = z.object({
  job: z.object({
    uid: id.nullish(),
    ciphertext: short(80),
    title: short(MAX_TITLE),
    description: long(MAX_DESCRIPTION).nullish(),
    category: z.object({ name: short().nullish() }).nullish(),
    type: num.int().nullish(),
    budget: z.object({ amount: numberish.nullish(), currencyCode: short(8).nullish() }).nullish(),
    /** Not in UPWORK.md; read when the extension finds it (hourly ranges on the job page). */
    extendedBudgetInfo: z
      .object({ hourlyBudgetMin: numberish.nullish(), hourlyBudgetMax: numberish.nullish() })
      .nullish(),
    engagementDuration: z
      .union([short(), z.object({ label: short().nullish(), weeks: num.nullish() })])
      .nullish(),
    workload: short().nullish(),
    postedOn: short(64).nullish(),
    clientActivity: z
      .object({
        totalApplicants: num.nullish(),
        totalHired: num.nullish(),
        totalInvitedToInterview: num.nullish(),
        lastBuyerActivity: short(64).nullish(),
      })
      .nullish(),
    questions: z
      .array(z.union([question, z.object({ question, position: num.nullish() })]))
      .max(50)
      .nullish(),
  }),
  buyer: z
    .object({
      location: z.object({ country: short().nullish(), city: short().nullish() }).nullish(),
      stats: z
        .object({
          totalCharges: z.object({ amount: numberish.nullish() }).nullish(),
          totalJobsWithHires: num.nullish(),
          score: num.nullish(),
        })
        .nullish(),
      isPaymentMethodVerified: z.boolean().nullish(),
      avgHourlyJobsRate: z.union([numberish, z.object({ amount: numberish.nullish() })]).nullish(),
      jobs: z.object({ postedCount: num.nullish(), openCount: num.nullish() }).nullish(),
    })
    .nullish(),
});
export type UpworkJobDetail = z.infer<typeof UpworkJobDetail>;

/** A job tile read from the search page's `data-test` attributes when the state is not there. */
export const UpworkDomTile = z.object({
  source: z.literal('dom'),
  title: short(MAX_TITLE),
  url: short(MAX_URL),
  publishedText: short().nullish(),
  proposalsText: short().nullish(),
  paymentVerifiedText: short().nullish(),
  totalFeedbackText: short().nullish(),
  totalSpentText: short().nullish(),
  locationText: short().nullish(),
  jobTypeText: short().nullish(),
  budgetText: short().nullish(),
  experienceLevelText: short().nullish(),
  durationText: short().nullish(),
  descriptionText: long(MAX_DESCRIPTION).nullish(),
  skills: z.array(short(100)).max(100).nullish(),
});
export type UpworkDomTile = z.infer<typeof UpworkDomTile>;

function isUpworkPage(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      url.protocol === 'https:' &&
      (url.hostname === 'upwork.com' || url.hostname.endsWith('.upwork.com'))
    );
  } catch {
    return false;
  }
}

/**
 * The capture envelope. Jobs are checked one by one in `normalizeCapture` (a malformed job
 * is reported by its index and the rest kept), so here they are only counted.
 */
export const UpworkCapture = z.object({
  kind: z.enum(['upwork-search', 'upwork-job']),
  pageUrl: z.url().max(MAX_URL).refine(isUpworkPage, 'must be an https://www.upwork.com page'),
  capturedAt: z.iso.datetime({ offset: true }),
  jobs: z.array(z.unknown()).max(MAX_JOBS),
});
export type UpworkCapture = z.infer<typeof UpworkCapture>;

export interface CaptureError {
  index: number;
  reason: string;
}

export interface CaptureResult {
  drafts: JobInputDraft[];
  errors: CaptureError[];
}

// ---------------------------------------------------------------------------------------------
// Page text: i18n tokens, highlights, money and relative dates

/** `usnuxt_JobProposalTier_418.10to15` → `10to15`; `jsn_Intermediate_206` → `Intermediate`; other text as is. */
export function i18nKey(value: string): string {
  const match = /^[a-z][a-z0-9]*_([A-Za-z][A-Za-z0-9]*)_\d+(?:\.([A-Za-z0-9]+))?$/.exec(
    value.trim(),
  );
  if (match === null) return value.trim();
  return match[2] ?? match[1] ?? value.trim();
}

/** `lessThan5` → `Less than 5`, `10to15` → `10 to 15`, `50plus` → `50+`, `notSure` → `Not sure`. */
export function humanizeKey(key: string): string {
  const words = key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/(\d)([A-Za-z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/(\d+) plus\b/g, '$1+');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A token, or text such as "Proposals: 10 to 15", as one of PROPOSAL_TIERS. */
export function parseProposalsTier(value: string | null | undefined): ProposalsTier | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const text = humanizeKey(i18nKey(value)).toLowerCase();
  if (/less than 5\b/.test(text)) return 'Less than 5';
  if (/\b50\s*(\+|plus)/.test(text)) return '50+';
  const range = /\b(\d+) to (\d+)\b/.exec(text);
  if (range === null) return null;
  const tier = `${range[1]} to ${range[2]}`;
  return (PROPOSAL_TIERS as readonly string[]).includes(tier) ? (tier as ProposalsTier) : null;
}

/** Engagement ("usnuxt_Engagement_421.notSure", "Less than 30 hrs/week") as the page shows it. */
export function parseWorkload(value: string | null | undefined): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const key = i18nKey(value);
  if (key === value.trim()) return key;
  const words = humanizeKey(key);
  return /^(less|more) than \d+$|^\d+\+$/i.test(words) ? `${words} hrs/week` : words;
}

/** A duration label, a duration token, or the API's enum (MONTH …) as a label. */
export function parseDuration(value: string | null | undefined): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const fromEnum = (DURATION_LABELS as Record<string, string | undefined>)[
    value.trim().toUpperCase()
  ];
  if (fromEnum !== undefined) return fromEnum;
  const key = i18nKey(value);
  return key === value.trim() ? key : humanizeKey(key);
}

/** Removes the `<span class="highlight">` Upwork wraps around search words, keeping the words. */
export function stripHighlights(value: string): string {
  return value.replace(
    /<span\b[^>]*\bclass\s*=\s*["'][^"']*\bhighlight\b[^"']*["'][^>]*>([\s\S]*?)<\/span>/gi,
    '$1',
  );
}

/** A title from page state (escaped, with highlight spans) or, `fromDom`, an element's text as is. */
function plainTitle(value: string, fromDom = false): string {
  return (fromDom ? value : decodeEntities(stripHighlights(value))).replace(/\s+/g, ' ').trim();
}

/**
 * Upwork descriptions are plain text (the search state escapes it and adds highlight spans):
 * never guessed to be HTML, since "<with backoff>" in a post is text, not a tag.
 */
function plainDescription(value: string | null | undefined): string {
  return typeof value === 'string' ? decodeEntities(stripHighlights(value)) : '';
}

/** "$10K+ spent" → 10000, "$1.5M+" → 1500000, "$4.00" → 4, "$1,250" → 1250. */
export function parseMoneyText(value: string | null | undefined): number | null {
  if (typeof value !== 'string') return null;
  const match = /\$?\s*(\d[\d,]*(?:\.\d+)?)\s*([KkMm])?/.exec(value);
  if (match === null) return null;
  const base = Number((match[1] ?? '').replace(/,/g, ''));
  const unit = match[2]?.toLowerCase();
  const scaled = base * (unit === 'k' ? 1_000 : unit === 'm' ? 1_000_000 : 1);
  return Number.isFinite(scaled) ? scaled : null;
}

function ratingText(value: string | null | undefined): number | null {
  const match = typeof value === 'string' ? /(\d+(?:\.\d+)?)/.exec(value) : null;
  const n = match === null ? Number.NaN : Number(match[1]);
  return Number.isFinite(n) && n >= 0 && n <= 5 ? n : null;
}

function paymentVerifiedText(value: string | null | undefined): boolean | null {
  if (typeof value !== 'string') return null;
  if (/unverified|not verified/i.test(value)) return false;
  return /verified/i.test(value) ? true : null;
}

function nonEmpty(value: string | null | undefined): string | null {
  const v = value?.replace(/\s+/g, ' ').trim();
  return v === undefined || v === '' ? null : v;
}

type ContractTerms = UpworkJobFacts['contract'];

/** Pay when the page says which kind of contract it is (`type` 1/2, "Hourly"/"Fixed price"). */
function declaredTerms(
  declared: 'fixed' | 'hourly' | null,
  budget: number | null,
  hourlyMin: number | null,
  hourlyMax: number | null,
): ContractTerms {
  if (declared === 'fixed') {
    return {
      contractType: 'fixed',
      budget: budget !== null && budget > 0 ? budget : null,
      hourlyMin: null,
      hourlyMax: null,
    };
  }
  if (declared === 'hourly') return payTerms(null, hourlyMin, hourlyMax, 'hourly');
  return payTerms(budget, hourlyMin, hourlyMax, undefined);
}

function typeCode(value: number | null | undefined): 'fixed' | 'hourly' | null {
  return value === 1 ? 'fixed' : value === 2 ? 'hourly' : null;
}

// ---------------------------------------------------------------------------------------------
// The three shapes

function fromSearchJob(job: UpworkSearchJob, reference: Date): UpworkJobFacts | string {
  const ciphertext = canonicalCiphertext(job.ciphertext);
  if (ciphertext === null) return 'has no usable ciphertext';
  const title = plainTitle(job.title);
  if (title === '') return 'has no title';
  const client = job.client;
  const reviews = countOf(client?.totalReviews);
  return {
    ciphertext,
    title,
    description: plainDescription(job.description),
    postedAt: firstDate(reference, job.publishedOn, job.createdOn),
    skills: uniqueSkills((job.attrs ?? []).map((a) => a.prettyName ?? a.prefLabel)),
    contract: declaredTerms(
      typeCode(job.type),
      amountOf(job.amount?.amount),
      amountOf(job.hourlyBudget?.min),
      amountOf(job.hourlyBudget?.max),
    ),
    currency: 'USD',
    duration: parseDuration(job.durationLabel),
    workload: parseWorkload(job.engagement),
    experienceLevel: experienceLevelOf(
      job.tierText === null || job.tierText === undefined ? null : i18nKey(job.tierText),
    ),
    client: {
      country: nonEmpty(client?.location?.country),
      paymentVerified: client?.isPaymentVerified ?? null,
      // A client with financial privacy shows no spend; the "0.0" then means nothing.
      totalSpent: client?.hasFinancialPrivacy === true ? null : amountOf(client?.totalSpent),
      rating: ratingOf(client?.totalFeedback, reviews),
      reviews,
      hires: null,
      jobsPosted: null,
    },
    proposalsTier: parseProposalsTier(job.proposalsTier),
    screeningQuestions: [],
  };
}

function fromJobDetail(detail: UpworkJobDetail, reference: Date): UpworkJobFacts | string {
  const { job, buyer } = detail;
  const ciphertext = canonicalCiphertext(job.ciphertext);
  if (ciphertext === null) return 'has no usable ciphertext';
  const title = plainTitle(job.title);
  if (title === '') return 'has no title';
  const duration =
    typeof job.engagementDuration === 'string'
      ? job.engagementDuration
      : (job.engagementDuration?.label ?? null);
  const questions = (job.questions ?? [])
    .map((q, i) =>
      typeof q === 'string'
        ? { text: q, position: i }
        : { text: q.question, position: q.position ?? i },
    )
    .sort((a, b) => a.position - b.position)
    .map((q) => q.text.replace(/\s+/g, ' ').trim())
    .filter((q) => q !== '');
  return {
    ciphertext,
    title,
    description: plainDescription(job.description),
    postedAt: firstDate(reference, job.postedOn),
    skills: [],
    contract: declaredTerms(
      typeCode(job.type),
      amountOf(job.budget?.amount),
      amountOf(job.extendedBudgetInfo?.hourlyBudgetMin),
      amountOf(job.extendedBudgetInfo?.hourlyBudgetMax),
    ),
    currency:
      job.budget?.currencyCode
        ?.trim()
        .toUpperCase()
        .match(/^[A-Z]{3}$/)?.[0] ?? 'USD',
    duration: parseDuration(duration),
    workload: parseWorkload(job.workload),
    experienceLevel: null,
    client: {
      country: nonEmpty(buyer?.location?.country),
      paymentVerified: buyer?.isPaymentMethodVerified ?? null,
      totalSpent: amountOf(buyer?.stats?.totalCharges?.amount),
      rating: ratingOf(buyer?.stats?.score, null),
      reviews: null,
      hires: countOf(buyer?.stats?.totalJobsWithHires),
      jobsPosted: countOf(buyer?.jobs?.postedCount),
    },
    proposalsTier: proposalsTierFromCount(job.clientActivity?.totalApplicants),
    screeningQuestions: questions,
  };
}

function ciphertextFromUrl(value: string): string | null {
  let path: string;
  try {
    const url = new URL(value, 'https://www.upwork.com');
    if (
      url.protocol !== 'https:' ||
      !(url.hostname === 'upwork.com' || url.hostname.endsWith('.upwork.com'))
    )
      return null;
    path = url.pathname;
  } catch {
    return null;
  }
  const matches = path.match(/~[0-9a-z]{6,64}/gi);
  return canonicalCiphertext(matches?.[matches.length - 1]);
}

function fromDomTile(tile: UpworkDomTile, reference: Date): UpworkJobFacts | string {
  const ciphertext = ciphertextFromUrl(tile.url);
  if (ciphertext === null) return 'has no Upwork job URL with a ciphertext';
  const title = plainTitle(tile.title, true);
  if (title === '') return 'has no title';
  const jobType = tile.jobTypeText ?? '';
  const declared = /hourly/i.test(jobType) ? 'hourly' : /fixed/i.test(jobType) ? 'fixed' : null;
  const rates = [...jobType.matchAll(/\$\s*\d[\d,]*(?:\.\d+)?\s*[KkMm]?/g)].map((m) =>
    parseMoneyText(m[0]),
  );
  // "Est. time: 1 to 3 months, Less than 30 hrs/week": the duration, then the workload.
  const [durationPart, ...workloadParts] = (tile.durationText ?? '')
    .replace(/^\s*est\.?\s*time:?\s*/i, '')
    .split(',');
  const reviews = null;
  return {
    ciphertext,
    title,
    description: tile.descriptionText ?? '',
    // "Posted 2 hours ago", "yesterday" (or an ISO date), counted back from the capture.
    postedAt: firstDate(reference, tile.publishedText),
    skills: uniqueSkills(tile.skills ?? []),
    contract: declaredTerms(
      declared,
      parseMoneyText(tile.budgetText),
      rates[0] ?? null,
      rates[1] ?? rates[0] ?? null,
    ),
    currency: 'USD',
    duration: parseDuration(durationPart),
    workload: parseWorkload(workloadParts.join(',')),
    experienceLevel: experienceLevelOf(tile.experienceLevelText),
    client: {
      country: nonEmpty(tile.locationText?.replace(/^\s*location:?\s*/i, '')),
      paymentVerified: paymentVerifiedText(tile.paymentVerifiedText),
      totalSpent: parseMoneyText(tile.totalSpentText),
      rating: ratingOf(ratingText(tile.totalFeedbackText), reviews),
      reviews,
      hires: null,
      jobsPosted: null,
    },
    proposalsTier: parseProposalsTier(tile.proposalsText),
    screeningQuestions: [],
  };
}

function shapeOf(item: unknown): 'dom' | 'detail' | 'search' {
  if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
    if ('source' in item && item.source === 'dom') return 'dom';
    if ('job' in item) return 'detail';
  }
  return 'search';
}

const SHAPE_NAMES = { dom: 'DOM tile', detail: 'job detail', search: 'search result' } as const;

function problems(error: z.ZodError): string {
  const all = formatIssues(error);
  return all.slice(0, 5).join('; ') + (all.length > 5 ? `; and ${all.length - 5} more` : '');
}

function facts(item: unknown, reference: Date): { facts: UpworkJobFacts; raw: unknown } | string {
  const shape = shapeOf(item);
  const name = SHAPE_NAMES[shape];
  const parsed =
    shape === 'dom'
      ? UpworkDomTile.safeParse(item)
      : shape === 'detail'
        ? UpworkJobDetail.safeParse(item)
        : UpworkSearchJob.safeParse(item);
  if (!parsed.success) return `${name} is invalid: ${problems(parsed.error)}`;
  const result =
    shape === 'dom'
      ? fromDomTile(parsed.data as UpworkDomTile, reference)
      : shape === 'detail'
        ? fromJobDetail(parsed.data as UpworkJobDetail, reference)
        : fromSearchJob(parsed.data as UpworkSearchJob, reference);
  return typeof result === 'string' ? `${name} ${result}` : { facts: result, raw: parsed.data };
}

/**
 * Turns what the extension captured into drafts keyed by the job's ciphertext, exactly as the
 * API's are, so the same job from either way is one posting. A job that does not validate is
 * reported by its index and the others are kept. Throws INVALID_INPUT when the envelope
 * itself is not a capture of an Upwork page.
 */
export function normalizeCapture(
  capture: unknown,
  options: { now: Date | (() => Date) },
): CaptureResult {
  const envelope = parseOrThrow(UpworkCapture, capture, 'Upwork capture');
  const now = typeof options.now === 'function' ? options.now() : options.now;
  // Relative dates count from when the page was seen; a capture from the future counts from now.
  const captured = new Date(envelope.capturedAt);
  const reference = captured.getTime() > now.getTime() ? now : captured;
  const drafts: JobInputDraft[] = [];
  const errors: CaptureError[] = [];
  envelope.jobs.forEach((item, index) => {
    const found = facts(item, reference);
    if (typeof found === 'string') {
      errors.push({ index, reason: found });
      return;
    }
    const draft = upworkDraft(found.facts, {
      sourceId: UPWORK_EXTENSION_SOURCE_ID,
      fetchedAt: reference.toISOString(),
      raw: found.raw,
    });
    const checked = JobInput.safeParse(draft);
    if (!checked.success) {
      errors.push({
        index,
        reason: `job ${found.facts.ciphertext} is invalid: ${problems(checked.error)}`,
      });
      return;
    }
    drafts.push(draft);
  });
  return { drafts, errors };
}

import { canonicalCiphertext, ciphertextInPath, type UpworkCaptureBody } from '../capture.js';
import {
  assignedJson,
  blockTextOf,
  clean,
  isRecord,
  MAX_TITLE,
  parseJson,
  pick,
  safeUrl,
  textOf,
} from '../text.js';
import { formFrom } from './form.js';
import { decodeNuxtPayload, findKey } from './nuxt-payload.js';
import type { SiteModule } from './types.js';

/** Where the MAIN-world helper copies `window.__NUXT__.state.jobsSearch` (see upwork-state.content.ts). */
export const STATE_ELEMENT_ID = 'applydesk-upwork-state';

const SEARCH_KEYS = [
  'uid',
  'ciphertext',
  'title',
  'description',
  'createdOn',
  'publishedOn',
  'renewedOn',
  'type',
  'durationLabel',
  'engagement',
  'amount',
  'hourlyBudget',
  'weeklyBudget',
  'client',
  'proposalsTier',
  'tierText',
  'attrs',
  'isApplied',
  'premium',
  'enterpriseJob',
  'freelancersToHire',
] as const;
const DETAIL_JOB_KEYS = [
  'uid',
  'ciphertext',
  'title',
  'description',
  'category',
  'type',
  'budget',
  'extendedBudgetInfo',
  'engagementDuration',
  'workload',
  'postedOn',
  'clientActivity',
  'questions',
] as const;
const BUYER_KEYS = [
  'location',
  'stats',
  'isPaymentMethodVerified',
  'avgHourlyJobsRate',
  'jobs',
] as const;

/** A copy with only the named keys, each a plain JSON value of bounded size. */
function only(record: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = record[key];
    if (value === undefined) continue;
    const json = JSON.stringify(value);
    if (json !== undefined && json.length <= 100_000) out[key] = JSON.parse(json) as unknown;
  }
  return out;
}

function isUpworkHost(url: URL): boolean {
  return url.hostname === 'upwork.com' || url.hostname.endsWith('.upwork.com');
}

/** The posting a page is about from its address alone (job, apply and proposal pages). */
export function upworkJobUrlFromPage(pageUrl: string): string | null {
  const cipher = ciphertextInPath(pageUrl);
  return cipher === null ? null : `https://www.upwork.com/jobs/${cipher}`;
}

export function isSearchPage(url: URL): boolean {
  return /\/(nx\/)?search\/jobs/.test(url.pathname) || /\/nx\/find-work/.test(url.pathname);
}

// ---------------------------------------------------------------------------------------------
// Search results

/** The search state: the helper's copy, or a `window.__NUXT__ = {…}` JSON literal. */
function searchState(doc: Document): unknown {
  const copied = parseJson(doc.getElementById(STATE_ELEMENT_ID)?.textContent);
  if (copied !== undefined) return copied;
  const nuxt = assignedJson(doc, 'window.__NUXT__');
  return pick(nuxt, 'state', 'jobsSearch');
}

/** Jobs of the embedded state with a usable ciphertext and title, trimmed to known keys. */
export function stateJobs(doc: Document): Record<string, unknown>[] {
  const jobs = pick(searchState(doc), 'jobs');
  if (!Array.isArray(jobs)) return [];
  return jobs
    .slice(0, 200)
    .filter(isRecord)
    .filter(
      (job) => canonicalCiphertext(job.ciphertext) !== null && clean(job.title, MAX_TITLE) !== null,
    )
    .map((job) => only(job, SEARCH_KEYS));
}

const tileText = (tile: Element, test: string, max?: number): string | null =>
  textOf(tile.querySelector(`[data-test="${test}"]`), max);

/** A tile read from its `data-test` markup, in the server's DOM-tile shape; null without a link. */
export function domTile(tile: Element, pageUrl: string): Record<string, unknown> | null {
  const link =
    tile.querySelector('[data-test="job-tile-title-link"]') ?? tile.querySelector('h2 a, h3 a');
  const href = safeUrl(link?.getAttribute('href'), pageUrl);
  const title = textOf(link, MAX_TITLE);
  if (href === null || title === null || ciphertextInPath(href) === null) return null;
  const jobType = tileText(tile, 'job-type-label');
  const skills = Array.from(
    tile.querySelectorAll(
      '[data-test="TokenClamp JobAttrs"] [data-test="token"], [data-test="TokenClamp JobAttrs"] button, [data-test="TokenClamp JobAttrs"] a',
    ),
  )
    .map((el) => textOf(el, 100))
    .filter((s): s is string => s !== null)
    .slice(0, 100);
  return {
    source: 'dom',
    title,
    url: href,
    publishedText: tileText(tile, 'job-pubilshed-date') ?? tileText(tile, 'job-published-date'),
    proposalsText: tileText(tile, 'proposals-tier'),
    paymentVerifiedText: tileText(tile, 'payment-verified'),
    totalFeedbackText: tileText(tile, 'total-feedback'),
    totalSpentText: tileText(tile, 'total-spent'),
    locationText: tileText(tile, 'location'),
    jobTypeText: jobType,
    budgetText: tileText(tile, 'is-fixed-price'),
    experienceLevelText: tileText(tile, 'experience-level'),
    durationText: tileText(tile, 'duration-label'),
    descriptionText: blockTextOf(tile.querySelector('[data-test="UpCLineClamp JobDescription"]')),
    skills,
  };
}

export interface UpworkTile {
  element: Element;
  /** https://www.upwork.com/jobs/~0…: how the server keys the posting. */
  jobUrl: string;
  /** The job as it goes into a capture: state when the page has it, else the DOM reading. */
  job: Record<string, unknown>;
}

/** Every job tile on a search page, matched to its state entry by uid or ciphertext. */
export function upworkTiles(doc: Document, pageUrl: string): UpworkTile[] {
  const fromState = stateJobs(doc);
  const byUid = new Map(fromState.map((job) => [String(job.uid), job]));
  const byCipher = new Map(fromState.map((job) => [canonicalCiphertext(job.ciphertext), job]));
  const tiles: UpworkTile[] = [];
  for (const element of Array.from(doc.querySelectorAll('[data-test="JobTile"]')).slice(0, 200)) {
    const dom = domTile(element, pageUrl);
    const uid = element.getAttribute('data-ev-job-uid');
    const cipher = typeof dom?.url === 'string' ? ciphertextInPath(dom.url) : null;
    const state = (uid !== null ? byUid.get(uid) : undefined) ?? byCipher.get(cipher);
    const job = state ?? dom;
    const key = canonicalCiphertext(state?.ciphertext) ?? cipher;
    if (job === null || job === undefined || key === null) continue;
    tiles.push({ element, jobUrl: `https://www.upwork.com/jobs/${key}`, job });
  }
  return tiles;
}

function searchCapture(
  doc: Document,
  pageUrl: string,
  capturedAt: string,
): UpworkCaptureBody | null {
  const state = stateJobs(doc);
  const jobs =
    state.length > 0
      ? state
      : Array.from(doc.querySelectorAll('[data-test="JobTile"]'))
          .slice(0, 200)
          .map((tile) => domTile(tile, pageUrl))
          .filter((tile): tile is Record<string, unknown> => tile !== null);
  return jobs.length === 0 ? null : { kind: 'upwork-search', pageUrl, capturedAt, jobs };
}

// ---------------------------------------------------------------------------------------------
// Job detail

/** `state.jobDetails` of the page's Nuxt 3 payload, as `{ job, buyer }` with known keys only. */
export function jobDetail(doc: Document): Record<string, unknown> | null {
  const payload = decodeNuxtPayload(parseJson(doc.getElementById('__NUXT_DATA__')?.textContent));
  const details = findKey(payload, 'jobDetails') ?? findKey(payload, '$sjobDetails');
  const job = pick(details, 'job');
  if (
    !isRecord(job) ||
    canonicalCiphertext(job.ciphertext) === null ||
    clean(job.title, MAX_TITLE) === null
  ) {
    return null;
  }
  const buyer = pick(details, 'buyer');
  return {
    job: only(job, DETAIL_JOB_KEYS),
    ...(isRecord(buyer) ? { buyer: only(buyer, BUYER_KEYS) } : {}),
  };
}

function detailCapture(
  doc: Document,
  pageUrl: string,
  capturedAt: string,
): UpworkCaptureBody | null {
  const detail = jobDetail(doc);
  return detail === null ? null : { kind: 'upwork-job', pageUrl, capturedAt, jobs: [detail] };
}

export const upworkSite: SiteModule = {
  name: 'upwork',
  handles: isUpworkHost,
  extract: (doc, pageUrl, capturedAt) =>
    isSearchPage(new URL(pageUrl))
      ? searchCapture(doc, pageUrl, capturedAt)
      : detailCapture(doc, pageUrl, capturedAt),
  form: (doc) =>
    formFrom(
      doc,
      [
        'textarea[aria-labelledby*="cover_letter"]',
        '[data-test="cover-letter"] textarea',
        '.cover-letter-area textarea',
        'textarea[name="coverLetter"]',
      ],
      '.fe-proposal-job-questions textarea, [data-test="questions"] textarea, textarea[name^="questions"]',
    ),
};

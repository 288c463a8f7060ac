import { normalizeCompany } from '../dedupe/normalize.js';
import type {
  EmploymentType,
  FreelanceDetails,
  Job,
  RemoteMode,
  Salary,
  Seniority,
} from '../job.js';
import { normalizeLocation } from '../normalize/location.js';
import { remoteRegions, type Region } from './regions.js';
import { askedSkills, type AskedSkill } from './sections.js';
import { eachWord, titleRole, titleWords } from './text.js';
import { workHours, type WorkHours } from './timezones.js';
import { findSkills } from './vocabulary.js';

export type { AskedSkill } from './sections.js';

/** Bumped whenever what JobFeatures hold, or how they are read, changes. */
export const RANKING_FEATURES_VERSION = 4;

/** How many of a description's words are kept for relevance, most frequent first. */
export const TERMS_KEPT = 48;

/**
 * What scoring reads of a posting, extracted once per content and stored: never the
 * description itself. JSON-serializable and small (about 1 KB for a 4 KB description), so
 * ranking 100k stored postings reads features and never tokenizes a description again.
 */
export interface JobFeatures {
  v: number;
  title: string;
  /** What the title says the work is: level words dropped, role nouns folded (text.ts). */
  titleWords: string[];
  /** The kind of work the title names ("engineer", "design", "recruiter"): text.ts titleRole. */
  titleRole: string | null;
  company: string;
  /** The company as the avoid list compares it (normalizeCompany). */
  companyKey: string;
  location: string | null;
  /** Where an on-site or hybrid job is: lower-case city, state or province, ISO country. */
  city: string | null;
  area: string | null;
  country: string | null;
  remote: RemoteMode;
  employmentType: EmploymentType;
  seniority: Seniority;
  salary: Salary | null;
  freelance: Omit<FreelanceDetails, 'screeningQuestions'> | null;
  /** Epoch milliseconds, or null when the source gave no date. */
  postedAt: number | null;
  /** Where a remote posting is open to (its location and eligibility lines); [] anywhere. */
  regions: Region[];
  /** The working hours it asks for, as UTC offsets; null when it does not say. */
  hours: WorkHours | null;
  /** Skills the title names ("Senior Engineer (Elixir)"): the stack the job is about. */
  titleSkills: string[];
  /** Skills from the posting's requirements (all skills when it has no such section). */
  required: AskedSkill[];
  /** Skills from its nice-to-have / bonus / preferred section. */
  niceToHave: AskedSkill[];
  /** The most years of experience its requirements ask for, of anything. */
  yearsAsked: number | null;
  /** The description's most frequent words (stemmed, TERMS_KEPT at most) and their counts. */
  terms: string[];
  tf: number[];
  /** Words in the title and description: BM25's document length. */
  length: number;
}

export type ScorableJob = Omit<Job, 'raw'>;

/**
 * The `n` most frequent words, most frequent first, first seen first among equals: a
 * bucket per count, so no sort of every distinct word.
 */
function mostFrequent(counts: Map<string, number>, n: number): [string, number][] {
  const buckets: string[][] = [];
  for (const [word, count] of counts) (buckets[count] ??= []).push(word);
  const out: [string, number][] = [];
  for (let count = buckets.length - 1; count > 0 && out.length < n; count--) {
    const bucket = buckets[count];
    if (bucket === undefined) continue;
    for (const word of bucket) {
      out.push([word, count]);
      if (out.length === n) break;
    }
  }
  return out;
}

/** The posting as scoring needs it. Pure; never reads the clock. */
export function extractJobFeatures(job: ScorableJob): JobFeatures {
  const counts = new Map<string, number>();
  let length = 0;
  const count = (w: string): void => {
    counts.set(w, (counts.get(w) ?? 0) + 1);
    length++;
  };
  eachWord(job.title, count);
  // Title words always stay among the kept terms: they say most about the job.
  for (const w of counts.keys()) counts.set(w, (counts.get(w) ?? 0) + 2);
  eachWord(job.descriptionText, count);
  const ranked = mostFrequent(counts, TERMS_KEPT);
  const asked = askedSkills(job.descriptionText, job.skills);
  let freelance: JobFeatures['freelance'] = null;
  if (job.freelance !== null) {
    const { screeningQuestions: _questions, ...rest } = job.freelance;
    freelance = rest;
  }
  // A marketplace post's location is the client's country, not where the work is done.
  const place =
    job.location === null || job.freelance !== null ? null : normalizeLocation(job.location);
  const posted = job.postedAt === null ? NaN : Date.parse(job.postedAt);
  return {
    v: RANKING_FEATURES_VERSION,
    title: job.title,
    titleWords: titleWords(job.title),
    titleRole: titleRole(job.title),
    company: job.company,
    companyKey: normalizeCompany(job.company),
    location: job.location,
    city: place?.city?.toLowerCase() ?? null,
    area: place?.region ?? null,
    country: place?.country ?? null,
    remote: job.remote,
    employmentType: job.employmentType,
    seniority: job.seniority,
    salary: job.salary,
    freelance,
    postedAt: Number.isNaN(posted) ? null : posted,
    regions:
      job.remote === 'remote'
        ? remoteRegions(job.freelance === null ? job.location : null, job.descriptionText)
        : [],
    hours: workHours(job.freelance === null ? job.location : null, job.descriptionText),
    titleSkills: findSkills(job.title),
    required: asked.required,
    niceToHave: asked.niceToHave,
    yearsAsked: asked.yearsAsked,
    terms: ranked.map(([w]) => w),
    tf: ranked.map(([, n]) => n),
    length,
  };
}

/**
 * The shapes the extension posts to `POST /api/captures` (the server's CaptureBody: kind,
 * pageUrl, capturedAt, plus the kind's own fields). Upwork captures follow the server's
 * upwork-search / upwork-job schemas; every other site sends schema.org JobPosting objects,
 * the vocabulary the server's jsonld source already maps.
 */

export type SiteName =
  | 'upwork'
  | 'linkedin'
  | 'indeed'
  | 'greenhouse'
  | 'lever'
  | 'ashby'
  | 'workday'
  | 'workable'
  | 'jsonld';

/** A posting in schema.org JobPosting terms, with only the fields the extension reads. */
export interface JobPostingData {
  '@type': 'JobPosting';
  title: string;
  url: string;
  description: string | null;
  hiringOrganization: { name: string } | null;
  jobLocation: string | null;
  jobLocationType: 'TELECOMMUTE' | null;
  employmentType: string | null;
  datePosted: string | null;
  identifier: string | null;
  baseSalary: {
    currency: string | null;
    min: number | null;
    max: number | null;
    unit: string | null;
  } | null;
}

export interface UpworkCaptureBody {
  kind: 'upwork-search' | 'upwork-job';
  pageUrl: string;
  capturedAt: string;
  jobs: unknown[];
}

export interface JobPostingCaptureBody {
  kind: 'jobposting';
  site: SiteName;
  pageUrl: string;
  capturedAt: string;
  jobs: JobPostingData[];
}

export type Capture = UpworkCaptureBody | JobPostingCaptureBody;

/** The url of each job in a capture: the queue's dedupe key and the panel's lookup key. */
export function captureKey(capture: Capture): string {
  if (capture.kind === 'jobposting') return capture.jobs[0]?.url ?? capture.pageUrl;
  if (capture.kind === 'upwork-job') return capture.pageUrl;
  // A single-tile capture (the per-tile save button) is keyed by its job, a page by its url.
  const only = capture.jobs.length === 1 ? upworkJobUrlOf(capture.jobs[0]) : null;
  return only ?? capture.pageUrl;
}

/** https://www.upwork.com/jobs/~0… for a search job, detail job or DOM tile, as the server keys it. */
export function upworkJobUrlOf(job: unknown): string | null {
  if (typeof job !== 'object' || job === null) return null;
  const record = job as Record<string, unknown>;
  const inner = record.job;
  const cipher =
    typeof record.ciphertext === 'string'
      ? record.ciphertext
      : typeof inner === 'object' && inner !== null
        ? (inner as Record<string, unknown>).ciphertext
        : typeof record.url === 'string'
          ? ciphertextInPath(record.url)
          : null;
  const canonical = canonicalCiphertext(cipher);
  return canonical === null ? null : `https://www.upwork.com/jobs/${canonical}`;
}

const CIPHERTEXT = /^~[0-9a-z]{6,64}$/i;

export function canonicalCiphertext(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  const withTilde = trimmed.startsWith('~') ? trimmed : `~${trimmed}`;
  return CIPHERTEXT.test(withTilde) ? withTilde : null;
}

/** The last `~0…` segment of an Upwork path (job, apply and proposal urls all carry it). */
export function ciphertextInPath(value: string): string | null {
  let path: string;
  try {
    path = new URL(value, 'https://www.upwork.com').pathname;
  } catch {
    return null;
  }
  const matches = path.match(/~[0-9a-z]{6,64}/gi);
  return canonicalCiphertext(matches?.[matches.length - 1]);
}

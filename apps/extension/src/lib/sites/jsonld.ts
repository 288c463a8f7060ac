import type { JobPostingCaptureBody, JobPostingData, SiteName } from '../capture.js';
import {
  blockTextOf,
  clean,
  cleanBlock,
  isRecord,
  isoDate,
  MAX_DESCRIPTION,
  MAX_TITLE,
  parseJson,
  safeUrl,
} from '../text.js';
import { genericForm } from './form.js';
import type { SiteModule } from './types.js';

type Node = Record<string, unknown>;

function hasType(node: Node, type: string): boolean {
  const t = node['@type'];
  return t === type || (Array.isArray(t) && t.includes(type));
}

/** Every JobPosting node of the page's JSON-LD blocks (arrays and @graph included). */
export function jobPostingNodes(doc: Document): Node[] {
  const found: Node[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > 6 || found.length >= 50) return;
    if (Array.isArray(value)) {
      for (const item of value.slice(0, 200)) visit(item, depth + 1);
      return;
    }
    if (!isRecord(value)) return;
    if (hasType(value, 'JobPosting')) found.push(value);
    else if ('@graph' in value) visit(value['@graph'], depth + 1);
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    visit(parseJson(script.textContent), 0);
  }
  return found;
}

/** HTML from JSON-LD as plain text: parsed inertly (a template never runs scripts or loads images). */
export function htmlToText(doc: Document, html: string): string | null {
  const template = doc.createElement('template');
  template.innerHTML = html.slice(0, MAX_DESCRIPTION * 2);
  const holder = doc.createElement('div');
  holder.appendChild(template.content);
  return blockTextOf(holder);
}

function organizationName(value: unknown): string | null {
  if (typeof value === 'string') return clean(value);
  if (Array.isArray(value)) return organizationName(value[0]);
  return isRecord(value) ? clean(value.name) : null;
}

function placeText(value: unknown): string | null {
  if (Array.isArray(value)) {
    const parts = value
      .slice(0, 10)
      .map(placeText)
      .filter((p): p is string => p !== null);
    return parts.length === 0 ? null : clean(parts.join('; '));
  }
  if (typeof value === 'string') return clean(value);
  if (!isRecord(value)) return null;
  const address = value.address;
  if (typeof address === 'string') return clean(address);
  if (!isRecord(address)) return clean(value.name);
  const country = isRecord(address.addressCountry)
    ? address.addressCountry.name
    : address.addressCountry;
  const parts = [address.addressLocality, address.addressRegion, country]
    .map((p) => clean(p))
    .filter((p): p is string => p !== null);
  return parts.length === 0 ? null : parts.join(', ');
}

function amount(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : null;
}

function salary(value: unknown): JobPostingData['baseSalary'] {
  if (!isRecord(value)) return null;
  const inner = isRecord(value.value) ? value.value : value;
  const single = amount(inner.value);
  const min = amount(inner.minValue) ?? single;
  const max = amount(inner.maxValue) ?? single;
  if (min === null && max === null) return null;
  const currency = clean(value.currency, 8);
  return {
    currency: currency !== null && /^[A-Z]{3}$/.test(currency) ? currency : null,
    min,
    max,
    unit: clean(inner.unitText ?? value.unitText, 20),
  };
}

function identifier(value: unknown): string | null {
  if (typeof value === 'string' || typeof value === 'number') return clean(String(value), 200);
  return isRecord(value) ? identifier(value.value) : null;
}

function employment(value: unknown): string | null {
  if (Array.isArray(value)) return clean(value.filter((v) => typeof v === 'string').join(', '));
  return clean(value);
}

/** One JSON-LD JobPosting, checked and cut to size; null when it has no title. */
export function postingFromNode(doc: Document, node: Node, pageUrl: string): JobPostingData | null {
  const title = clean(node.title, MAX_TITLE);
  if (title === null) return null;
  const description =
    typeof node.description === 'string' ? htmlToText(doc, node.description) : null;
  return {
    '@type': 'JobPosting',
    title,
    url: safeUrl(node.url, pageUrl) ?? pageUrl,
    description,
    hiringOrganization: (() => {
      const name = organizationName(node.hiringOrganization);
      return name === null ? null : { name };
    })(),
    jobLocation: placeText(node.jobLocation),
    jobLocationType: /telecommute/i.test(JSON.stringify(node.jobLocationType ?? ''))
      ? 'TELECOMMUTE'
      : null,
    employmentType: employment(node.employmentType),
    datePosted: isoDate(node.datePosted),
    identifier: identifier(node.identifier),
    baseSalary: salary(node.baseSalary),
  };
}

/** A capture of the page's JSON-LD postings, for any site; null when there are none. */
export function jsonLdCapture(
  doc: Document,
  site: SiteName,
  pageUrl: string,
  capturedAt: string,
): JobPostingCaptureBody | null {
  const jobs = jobPostingNodes(doc)
    .map((node) => postingFromNode(doc, node, pageUrl))
    .filter((job): job is JobPostingData => job !== null);
  return jobs.length === 0 ? null : { kind: 'jobposting', site, pageUrl, capturedAt, jobs };
}

/** What a site module read off its page; anything missing comes from JSON-LD. */
export interface PostingRead {
  title?: string | null | undefined;
  company?: string | null | undefined;
  /** A weaker guess at the company (a url slug), used when neither the page nor JSON-LD names it. */
  companyFallback?: string | null | undefined;
  url?: string | null | undefined;
  description?: string | null | undefined;
  jobLocation?: string | null | undefined;
  jobLocationType?: 'TELECOMMUTE' | null | undefined;
  employmentType?: string | null | undefined;
  datePosted?: string | null | undefined;
  identifier?: string | null | undefined;
  baseSalary?: JobPostingData['baseSalary'] | undefined;
}

/**
 * A posting assembled from what a site module read off the page, checked like JSON-LD:
 * null without a title. Missing parts are filled from the page's JSON-LD when it has one.
 */
export function postingCapture(
  doc: Document,
  site: SiteName,
  pageUrl: string,
  capturedAt: string,
  read: PostingRead,
): JobPostingCaptureBody | null {
  const fromLd = jsonLdCapture(doc, site, pageUrl, capturedAt)?.jobs[0] ?? null;
  const title = clean(read.title, MAX_TITLE) ?? fromLd?.title ?? null;
  if (title === null) return null;
  const company =
    clean(read.company) ?? fromLd?.hiringOrganization?.name ?? clean(read.companyFallback) ?? null;
  const job: JobPostingData = {
    '@type': 'JobPosting',
    title,
    url: safeUrl(read.url, pageUrl) ?? fromLd?.url ?? pageUrl,
    description: cleanBlock(read.description) ?? fromLd?.description ?? null,
    hiringOrganization: company === null ? null : { name: company },
    jobLocation: clean(read.jobLocation) ?? fromLd?.jobLocation ?? null,
    jobLocationType: read.jobLocationType ?? fromLd?.jobLocationType ?? null,
    employmentType: clean(read.employmentType) ?? fromLd?.employmentType ?? null,
    datePosted: isoDate(read.datePosted) ?? fromLd?.datePosted ?? null,
    identifier: clean(read.identifier, 200) ?? fromLd?.identifier ?? null,
    baseSalary: read.baseSalary ?? fromLd?.baseSalary ?? null,
  };
  return { kind: 'jobposting', site, pageUrl, capturedAt, jobs: [job] };
}

/** Any page with a schema.org JobPosting; the last module asked. */
export const jsonLdSite: SiteModule = {
  name: 'jsonld',
  handles: () => true,
  extract: (doc, pageUrl, capturedAt) => jsonLdCapture(doc, 'jsonld', pageUrl, capturedAt),
  form: (doc) => genericForm(doc),
};

import {
  canonicalUrl,
  inferRemote,
  parseDate,
  decodeEntities,
  looksLikeHtml,
  type EmploymentType,
  type JobInputDraft,
  type RemoteMode,
  type SalaryPeriod,
} from '@applydesk/domain';
import { refuseNamed } from '../shared/refuse.js';
import { absoluteHttpUrl } from '../shared/urls.js';
import { extractPage, type JsonNode, type PageMeta, type SkippedBlock } from './extract.js';

/** One JobPosting found in a page's JSON-LD, as the adapter hands it on. */
export interface JsonLdEntry {
  via: 'json-ld';
  pageUrl: string;
  /** Its place among the page's postings (from 1), and how many there are. */
  position: number;
  count: number;
  siteName: string | null;
  /** The page's `<link rel="canonical">`, made absolute, when it has one. */
  canonical: string | null;
  posting: JsonNode;
}

/** A page without JobPosting, read from its OpenGraph and HTML instead. */
export interface FallbackEntry {
  via: 'html-fallback';
  /** Always true: this posting was guessed from the page, not declared by it. */
  fallback: true;
  pageUrl: string;
  meta: PageMeta;
}

export type PageEntry = JsonLdEntry | FallbackEntry;

/** What one page yields: its postings, or the fallback when it declares none. */
export function entriesFromPage(
  html: string,
  pageUrl: string,
): { entries: PageEntry[]; skipped: SkippedBlock[] } {
  const page = extractPage(html);
  if (page.postings.length === 0) {
    // A page with neither JobPosting nor any title (blank, an error stub) yields nothing.
    const { meta } = page;
    const titled = meta.ogTitle !== null || meta.h1 !== null || meta.title !== null;
    const entries: PageEntry[] = titled
      ? [{ via: 'html-fallback', fallback: true, pageUrl, meta }]
      : [];
    return { entries, skipped: page.skipped };
  }
  const siteName = page.meta.ogSiteName;
  const canonical = absoluteHttpUrl(page.meta.canonical ?? '', pageUrl);
  return {
    entries: page.postings.map((posting, i) => ({
      via: 'json-ld',
      pageUrl,
      position: i + 1,
      count: page.postings.length,
      siteName,
      canonical,
      posting,
    })),
    skipped: page.skipped,
  };
}

function isObject(value: unknown): value is JsonNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

function str(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** A name from a string, a Thing with `name`, or the first of a list of either. */
function nameOf(value: unknown): string {
  for (const item of list(value)) {
    const name = isObject(item) ? str(item.name) || str(item.legalName) : str(item);
    if (name !== '') return decodeEntities(name).trim();
  }
  return '';
}

/** The first date of a value or list (schema.org allows either), by the domain's parseDate. */
export function parseSchemaDate(value: unknown, now: Date): string | null {
  return parseDate(list(value)[0], now);
}

/** A number from a number or a string like "50000", "50,000", "50.000" or "€ 4.500,50". */
export function parseAmount(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : null;
  if (typeof value !== 'string') return null;
  let text = value.replace(/[^\d.,]/g, '');
  if (text === '') return null;
  if (/^\d{1,3}([.,]\d{3})+$/.test(text)) text = text.replace(/[.,]/g, '');
  else if (/^\d{1,3}(\.\d{3})*,\d{1,2}$/.test(text))
    text = text.replace(/\./g, '').replace(',', '.');
  else text = text.replace(/,/g, '');
  const n = Number(text);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

const PERIODS: Record<string, SalaryPeriod> = {
  HOUR: 'hour',
  HOURLY: 'hour',
  DAY: 'day',
  DAILY: 'day',
  WEEK: 'week',
  WEEKLY: 'week',
  MONTH: 'month',
  MONTHLY: 'month',
  YEAR: 'year',
  YEARLY: 'year',
  ANNUAL: 'year',
  ANNUALLY: 'year',
};

/**
 * `baseSalary` in the shapes sites use: a MonetaryAmount whose `value` is a
 * QuantitativeValue (`minValue`/`maxValue`/`value`, `unitText`), a number, or a string; or
 * a bare number. The currency is the MonetaryAmount's (or the posting's `salaryCurrency`);
 * without one there is no salary. Without `unitText` the period is a year.
 */
export function parseBaseSalary(posting: JsonNode): JobInputDraft['salary'] {
  for (const amount of list(posting.baseSalary)) {
    const money = isObject(amount) ? amount : { value: amount };
    const value = money.value;
    const qv = isObject(value) ? value : { value };
    const currency = (
      str(money.currency) ||
      str(qv.currency) ||
      str(posting.salaryCurrency)
    ).toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency)) continue;
    const unit = (str(qv.unitText) || str(money.unitText)).toUpperCase().replace(/^PER\s+/, '');
    const period = unit === '' ? 'year' : PERIODS[unit];
    if (period === undefined) continue;
    let min = parseAmount(qv.minValue);
    let max = parseAmount(qv.maxValue);
    const single = parseAmount(qv.value);
    if (min === null && max === null && single !== null) min = max = single;
    if (min === 0 && max === 0) continue;
    if (min === null && max === null) continue;
    if (min !== null && max !== null && min > max) [min, max] = [max, min];
    return { min, max, currency, period };
  }
  return null;
}

const EMPLOYMENT: Record<string, EmploymentType> = {
  FULL_TIME: 'full_time',
  FULLTIME: 'full_time',
  PART_TIME: 'part_time',
  PARTTIME: 'part_time',
  CONTRACTOR: 'contract',
  CONTRACT: 'contract',
  TEMPORARY: 'temporary',
  PER_DIEM: 'temporary',
  SEASONAL: 'temporary',
  INTERN: 'internship',
  INTERNSHIP: 'internship',
  FREELANCE: 'freelance',
};

export function parseEmploymentType(value: unknown): EmploymentType {
  for (const item of list(value).flatMap((v) => str(v).split(/\s*,\s*/))) {
    const key = item.toUpperCase().replace(/[\s-]+/g, '_');
    const type = EMPLOYMENT[key] ?? EMPLOYMENT[key.replace(/_/g, '')];
    if (type !== undefined) return type;
  }
  return 'unknown';
}

function addressText(address: unknown): string {
  if (!isObject(address)) return decodeEntities(str(address));
  const parts = [
    str(address.addressLocality),
    str(address.addressRegion),
    nameOf(address.addressCountry) || str(address.addressCountry),
  ].filter((p) => p !== '');
  const unique = parts.filter(
    (p, i) => parts.findIndex((q) => q.toLowerCase() === p.toLowerCase()) === i,
  );
  return decodeEntities(unique.join(', '));
}

function placeText(place: unknown): string {
  if (!isObject(place)) return decodeEntities(str(place));
  const addresses = list(place.address)
    .map(addressText)
    .filter((a) => a !== '');
  return addresses[0] ?? nameOf(place);
}

function isTelecommute(posting: JsonNode): boolean {
  return list(posting.jobLocationType).some((t) => /telecommute|remote/i.test(str(t)));
}

function locationOf(posting: JsonNode, remote: boolean): string | null {
  const places = [
    ...new Set(
      list(posting.jobLocation)
        .map(placeText)
        .filter((p) => p !== ''),
    ),
  ];
  if (places.length > 0) return places.join('; ');
  const allowed = list(posting.applicantLocationRequirements)
    .map((r) => nameOf(r))
    .filter((n) => n !== '');
  if (allowed.length > 0) return remote ? `Remote (${allowed.join(', ')})` : allowed.join(', ');
  return remote ? 'Remote' : null;
}

function remoteOf(posting: JsonNode, title: string): RemoteMode {
  return isTelecommute(posting) ? 'remote' : inferRemote({ title });
}

/** Descriptions escaped once or twice (`&lt;p&gt;`, `&amp;lt;p&amp;gt;`) come back as HTML. */
export function unescapeDescription(value: string): string {
  let html = value;
  for (let i = 0; i < 2 && !looksLikeHtml(html); i++) {
    const decoded = decodeEntities(html);
    if (decoded === html) break;
    html = decoded;
  }
  return looksLikeHtml(html) ? html : value;
}

function identifierOf(posting: JsonNode): string {
  for (const id of list(posting.identifier)) {
    const value = isObject(id) ? str(id.value) || str(id['@value']) || str(id.name) : str(id);
    if (value !== '') return value;
  }
  return '';
}

function skillsOf(posting: JsonNode): string[] {
  return list(posting.skills)
    .flatMap((s) => (isObject(s) ? [nameOf(s)] : str(s).split(/\s*[,;\n]\s*/)))
    .map((s) => decodeEntities(s).trim())
    .filter((s) => s !== '' && s.length <= 60);
}

export interface MapContext {
  sourceId: string;
  now: () => Date;
  /** Overrides the company for every posting (the `company` option). */
  company?: string | undefined;
}

const invalid = refuseNamed;

function hostName(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/**
 * The externalId: the posting's `identifier` (its value, prefixed by the page's host unless
 * it is a URL, so two sites' "123" stay apart), else the canonical form of its `url`, else
 * of the page (with `#job-N` when the page holds several postings).
 */
function externalIdOf(entry: JsonLdEntry, url: string): string {
  const id = identifierOf(entry.posting);
  if (id !== '')
    return /^https?:\/\//i.test(id) ? (canonicalUrl(id) ?? id) : `${hostName(entry.pageUrl)}:${id}`;
  const own = absoluteHttpUrl(str(entry.posting.url), entry.pageUrl);
  if (own !== null) return canonicalUrl(own) ?? own;
  const page = canonicalUrl(entry.canonical ?? url) ?? url;
  return entry.count > 1 ? `${page}#job-${entry.position}` : page;
}

export function jsonLdToDraft(entry: JsonLdEntry, ctx: MapContext): JobInputDraft {
  const posting = entry.posting;
  const title = decodeEntities(str(posting.title) || str(posting.name)).trim();
  const what = `JobPosting ${entry.position} of ${entry.pageUrl}${title === '' ? '' : ` ("${title}")`}`;
  if (title === '') throw invalid(what, 'has no title');
  const own = absoluteHttpUrl(str(posting.url), entry.pageUrl);
  const url = own ?? entry.pageUrl;
  const company =
    ctx.company ??
    (nameOf(posting.hiringOrganization) || entry.siteName || hostName(entry.pageUrl));
  if (company === '') throw invalid(what, 'names no hiringOrganization');
  const remote = remoteOf(posting, title);
  return {
    sourceType: 'jsonld',
    sourceId: ctx.sourceId,
    externalId: externalIdOf(entry, url),
    url,
    // The page's canonical names this posting only when the page holds no other.
    canonicalUrl: own === null && entry.count === 1 ? entry.canonical : null,
    title,
    company,
    location: locationOf(posting, remote === 'remote'),
    remote,
    employmentType: parseEmploymentType(posting.employmentType),
    salary: parseBaseSalary(posting),
    descriptionHtml: unescapeDescription(str(posting.description)),
    descriptionText: '',
    skills: skillsOf(posting),
    postedAt: parseSchemaDate(posting.datePosted, ctx.now()),
    fetchedAt: ctx.now().toISOString(),
    expiresAt: parseSchemaDate(posting.validThrough, ctx.now()),
    raw: entry,
  };
}

/** A posting guessed from the page's OpenGraph and HTML: remote unknown, flagged in raw. */
export function fallbackToDraft(entry: FallbackEntry, ctx: MapContext): JobInputDraft {
  const { meta } = entry;
  const title = meta.ogTitle ?? meta.h1 ?? meta.title ?? '';
  if (title === '') {
    throw invalid(
      `page ${entry.pageUrl}`,
      'has no JobPosting in its JSON-LD and no title to fall back on',
    );
  }
  const declared = absoluteHttpUrl(meta.canonical ?? meta.ogUrl ?? '', entry.pageUrl);
  const url = entry.pageUrl;
  const company = ctx.company ?? meta.ogSiteName ?? hostName(entry.pageUrl);
  if (company === '')
    throw invalid(`page ${entry.pageUrl}`, 'names no company (set the `company` option)');
  const summary = meta.ogDescription ?? meta.metaDescription ?? '';
  return {
    sourceType: 'jsonld',
    sourceId: ctx.sourceId,
    externalId: canonicalUrl(declared ?? url) ?? url,
    url,
    canonicalUrl: declared,
    title,
    company,
    location: null,
    remote: 'unknown',
    employmentType: 'unknown',
    salary: null,
    descriptionHtml: meta.mainHtml ?? '',
    descriptionText: meta.mainHtml === null ? summary : '',
    postedAt: null,
    fetchedAt: ctx.now().toISOString(),
    raw: entry,
  };
}

export function entryToDraft(raw: unknown, ctx: MapContext): JobInputDraft {
  if (!isObject(raw)) throw invalid('jsonld posting', 'is not an object');
  if (raw.via === 'json-ld' && isObject(raw.posting))
    return jsonLdToDraft(raw as unknown as JsonLdEntry, ctx);
  if (raw.via === 'html-fallback' && isObject(raw.meta))
    return fallbackToDraft(raw as unknown as FallbackEntry, ctx);
  throw invalid('jsonld posting', 'is neither a JSON-LD JobPosting nor a page fallback');
}

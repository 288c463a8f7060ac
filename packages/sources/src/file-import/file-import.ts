import { parse as parseCsv } from 'csv-parse/sync';
import {
  SENIORITY_LEVELS,
  canonicalUrl,
  escapeHtml,
  isDomainError,
  looksLikeHtml,
  prepareJob,
  type EmploymentType,
  type JobInputDraft,
  type RemoteMode,
  type SalaryPeriod,
  type Seniority,
} from '@applydesk/domain';

/**
 * Reads a CSV or JSON file of postings a user exports from a spreadsheet, a tracker or
 * another tool. Every row that makes a valid posting becomes a draft; every other row is
 * reported by number with the field at fault, and the rest still import.
 *
 * Row numbers are what the user sees: in a CSV the header is row 1, so the first posting is
 * row 2 (a quoted field spanning lines is still one row); in JSON the first item is row 1.
 */

export interface ImportRowError {
  row: number;
  reason: string;
}

export interface ImportResult {
  drafts: JobInputDraft[];
  errors: ImportRowError[];
}

export interface ImportOptions {
  /** The import time, stored as each posting's fetchedAt. */
  now?: Date;
}

type Row = Record<string, unknown>;

/** Header spellings folded to the field they mean. */
const ALIASES: Record<string, string> = {
  job_title: 'title',
  position: 'title',
  role: 'title',
  name: 'title',
  company_name: 'company',
  employer: 'company',
  organization: 'company',
  organisation: 'company',
  link: 'url',
  job_url: 'url',
  apply_url: 'url',
  posting_url: 'url',
  website: 'url',
  city: 'location',
  place: 'location',
  work_mode: 'remote',
  remote_ok: 'remote',
  workplace: 'remote',
  compensation: 'salary',
  pay: 'salary',
  min_salary: 'salary_min',
  max_salary: 'salary_max',
  currency: 'salary_currency',
  salary_unit: 'salary_period',
  period: 'salary_period',
  details: 'description',
  body: 'description',
  posted: 'posted_at',
  date_posted: 'posted_at',
  posted_on: 'posted_at',
  published: 'posted_at',
  date: 'posted_at',
  expires: 'expires_at',
  deadline: 'expires_at',
  closing_date: 'expires_at',
  type: 'employment_type',
  job_type: 'employment_type',
  contract: 'employment_type',
  level: 'seniority',
  tags: 'skills',
  keywords: 'skills',
  id: 'external_id',
  job_id: 'external_id',
  reference: 'external_id',
};

function fieldName(header: string): string {
  const key = header
    .trim()
    .toLowerCase()
    .replace(/[\s\-/.]+/g, '_')
    .replace(/[^a-z0-9_]/g, '')
    .replace(/^_+|_+$/g, '');
  return ALIASES[key] ?? key;
}

/** UTF-8 when the bytes are valid UTF-8 (BOM dropped), UTF-16 by its BOM, else Windows-1252 / Latin-1. */
export function decodeFile(content: Buffer | string): string {
  if (typeof content === 'string') return content.replace(/^\uFEFF/, '');
  const bytes = new Uint8Array(content);
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

/** Windows-1252 differs from Latin-1 only in 0x80–0x9F (€, curly quotes, dashes…). */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes)
    out += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80]! : String.fromCharCode(byte);
  return out;
}

/** The delimiter of the header line: the most frequent of `,`, `;` and tab outside quotes. */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  const best = (Object.entries(counts) as [',' | ';' | '\t', number][]).sort(
    (a, b) => b[1] - a[1],
  )[0]!;
  return best[1] === 0 ? ',' : best[0];
}

function readCsv(text: string, errors: ImportRowError[]): { row: number; record: Row }[] {
  const delimiter = detectDelimiter(text);
  const rows: number[] = [];
  let count = 0;
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_record: (record: string[]) => {
        count++;
        rows.push(count);
        return record;
      },
      on_skip: (error: Error | undefined) => {
        count++;
        errors.push({ row: count, reason: `CSV syntax: ${error?.message ?? 'unreadable row'}` });
      },
    });
  } catch (error) {
    errors.push({
      row: count + 1,
      reason: `CSV syntax: ${error instanceof Error ? error.message : String(error)}`,
    });
    return [];
  }
  const [header, ...body] = records;
  if (header === undefined) return [];
  const out: { row: number; record: Row }[] = [];
  body.forEach((values, i) => {
    if (values.every((v) => v.trim() === '')) return;
    const record: Row = {};
    header.forEach((name, j) => {
      if (name.trim() !== '' && values[j] !== undefined) record[name.trim()] = values[j];
    });
    out.push({ row: rows[i + 1] ?? i + 2, record });
  });
  return out;
}

function readJson(text: string, errors: ImportRowError[]): { row: number; record: Row }[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text) as unknown;
  } catch (error) {
    errors.push({
      row: 0,
      reason: `not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    });
    return [];
  }
  const items = Array.isArray(doc)
    ? doc
    : typeof doc === 'object' && doc !== null && Array.isArray((doc as Row).jobs)
      ? ((doc as Row).jobs as unknown[])
      : null;
  if (items === null) {
    errors.push({ row: 0, reason: 'expected a list of postings, or an object with a `jobs` list' });
    return [];
  }
  const out: { row: number; record: Row }[] = [];
  items.forEach((item, i) => {
    if (typeof item === 'object' && item !== null && !Array.isArray(item))
      out.push({ row: i + 1, record: item as Row });
    else errors.push({ row: i + 1, reason: 'is not an object' });
  });
  return out;
}

/** The record's fields under their normalized names (first spelling wins). */
function normalized(record: Row): Map<string, unknown> {
  const map = new Map<string, unknown>();
  Object.keys(record).forEach((key) => {
    const name = fieldName(key);
    if (!map.has(name) && record[key] !== undefined && record[key] !== null && record[key] !== '')
      map.set(name, record[key]);
  });
  return map;
}

function str(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

class RowProblem extends Error {}

function parseRemote(value: unknown): RemoteMode {
  if (typeof value === 'boolean') return value ? 'remote' : 'onsite';
  const t = str(value).toLowerCase();
  if (t === '') return 'unknown';
  if (/hybrid|partial|partly/.test(t)) return 'hybrid';
  if (
    /^(no|false|0|n|none|onsite|on-site|on site|office|in office|in-office|nein|non|nee|nej)$/.test(
      t,
    )
  )
    return 'onsite';
  if (
    /^(yes|true|1|y|full|fully|remote|fully remote|100% remote|anywhere|wfh|ja|oui|si|sí)$/.test(
      t,
    ) ||
    /\bremote\b/.test(t)
  )
    return 'remote';
  return 'unknown';
}

function parseEmployment(value: unknown): EmploymentType {
  const t = str(value).toLowerCase();
  if (/intern/.test(t)) return 'internship';
  if (/freelance/.test(t)) return 'freelance';
  if (/contract/.test(t)) return 'contract';
  if (/temp/.test(t)) return 'temporary';
  if (/part/.test(t)) return 'part_time';
  if (/full|permanent/.test(t)) return 'full_time';
  return 'unknown';
}

function parseSeniority(value: unknown): Seniority {
  const t = str(value).toLowerCase();
  return (SENIORITY_LEVELS as readonly string[]).includes(t) ? (t as Seniority) : 'unknown';
}

/** A date as ISO 8601 (a bare date is midnight UTC, a bare month its first day); anything else is null, not a guess. */
function parseDate(value: unknown): string | null {
  const t = str(value);
  const month = /^(\d{4})-(\d{2})$/.exec(t);
  if (month !== null)
    return Number(month[2]) >= 1 && Number(month[2]) <= 12 ? `${t}-01T00:00:00.000Z` : null;
  const bare = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (bare !== null) {
    const ms = Date.UTC(Number(bare[1]), Number(bare[2]) - 1, Number(bare[3]));
    return new Date(ms).getUTCDate() === Number(bare[3]) ? new Date(ms).toISOString() : null;
  }
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(t)) return null;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function parseNumber(value: unknown, field: string): number | null {
  if (typeof value === 'number') {
    if (Number.isFinite(value) && value >= 0) return value;
    throw new RowProblem(`${field}: ${value} is not an amount`);
  }
  const t = str(value).replace(/[\s$€£¥]/g, '');
  if (t === '') return null;
  const m = /^([\d.,]+?)(k)?$/i.exec(t);
  const digits = m?.[1] ?? '';
  let n = Number.NaN;
  if (/^\d{1,3}([.,]\d{3})+$/.test(digits)) n = Number(digits.replace(/[.,]/g, ''));
  else if (/^\d+(\.\d+)?$/.test(digits)) n = Number(digits);
  else if (/^\d+,\d{1,2}$/.test(digits)) n = Number(digits.replace(',', '.'));
  if (!Number.isFinite(n)) throw new RowProblem(`${field}: "${str(value)}" is not an amount`);
  return m?.[2] === undefined ? n : n * 1000;
}

const PERIODS: Record<string, SalaryPeriod> = {
  hour: 'hour',
  hourly: 'hour',
  day: 'day',
  daily: 'day',
  week: 'week',
  weekly: 'week',
  month: 'month',
  monthly: 'month',
  year: 'year',
  yearly: 'year',
  annual: 'year',
  annually: 'year',
  annum: 'year',
};

function parseSalary(fields: Map<string, unknown>): JobInputDraft['salary'] {
  const min = parseNumber(fields.get('salary_min'), 'salary_min');
  const max = parseNumber(fields.get('salary_max'), 'salary_max');
  if (min === null && max === null) return null;
  const currency = str(fields.get('salary_currency')).toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) {
    throw new RowProblem(
      currency === ''
        ? 'salary_currency: needed with salary_min/salary_max (USD, EUR, …)'
        : `salary_currency: "${currency}" is not a currency code`,
    );
  }
  const periodText = str(fields.get('salary_period'))
    .toLowerCase()
    .replace(/^(per|a|an|\/)\s*/, '');
  const period = periodText === '' ? 'year' : PERIODS[periodText];
  if (period === undefined)
    throw new RowProblem(
      `salary_period: "${str(fields.get('salary_period'))}" is not hour, day, week, month or year`,
    );
  return { min, max, currency, period };
}

function listOf(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value
      .flatMap((v) => (typeof v === 'object' && v !== null ? [str((v as Row).name)] : [str(v)]))
      .filter((s) => s !== '');
  }
  const t = str(value);
  if (t === '') return [];
  return t
    .split(t.includes(';') ? ';' : ',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function locationOf(value: unknown): string | null {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const l = value as Row;
    const parts = [str(l.city), str(l.region), str(l.countryCode) || str(l.country)].filter(
      (p) => p !== '',
    );
    return parts.length > 0 ? parts.join(', ') : str(l.address) || null;
  }
  return str(value) || null;
}

function descriptionOf(fields: Map<string, unknown>): { html: string; text: string } {
  const description = str(fields.get('description'));
  const extra: string[] = [];
  for (const [key, heading] of [
    ['responsibilities', 'Responsibilities'],
    ['qualifications', 'Qualifications'],
  ] as const) {
    const items = listOf(fields.get(key));
    if (items.length > 0)
      extra.push(
        `<h3>${heading}</h3><ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`,
      );
  }
  const salary = str(fields.get('salary'));
  if (salary !== '') extra.push(`<p>Salary: ${escapeHtml(salary)}</p>`);
  if (looksLikeHtml(description) || extra.length > 0) {
    const body =
      looksLikeHtml(description) || description === ''
        ? description
        : `<p>${escapeHtml(description).replace(/\n/g, '<br>')}</p>`;
    return { html: [body, ...extra].filter((p) => p !== '').join('\n'), text: '' };
  }
  return { html: '', text: description };
}

function rowToDraft(record: Row, sourceId: string, now: Date): JobInputDraft {
  const fields = normalized(record);
  const title = str(fields.get('title'));
  const company = str(fields.get('company'));
  const url = str(fields.get('url'));
  const missing = [
    title === '' && 'title',
    company === '' && 'company',
    url === '' && 'url',
  ].filter(Boolean);
  if (missing.length > 0) throw new RowProblem(`${missing.join(', ')}: missing`);
  if (!/^https?:\/\/[^\s]+$/i.test(url))
    throw new RowProblem(`url: "${url}" is not an http(s) address`);
  const externalId = str(fields.get('external_id')) || (canonicalUrl(url) ?? url);
  const { html, text } = descriptionOf(fields);
  return {
    sourceType: 'import',
    sourceId,
    externalId,
    url,
    title,
    company,
    location: locationOf(fields.get('location')),
    remote: parseRemote(fields.get('remote')),
    employmentType: parseEmployment(fields.get('employment_type')),
    seniority: parseSeniority(fields.get('seniority')),
    salary: parseSalary(fields),
    descriptionHtml: html,
    descriptionText: text,
    skills: listOf(fields.get('skills')),
    postedAt: parseDate(fields.get('posted_at')),
    fetchedAt: now.toISOString(),
    expiresAt: parseDate(fields.get('expires_at')),
    raw: record,
  };
}

function baseName(name: string): string {
  return name.split(/[\\/]/).pop()?.trim() || 'file';
}

/**
 * Parses an import file (CSV with a header row, or JSON) into posting drafts for
 * `import:<file name>`. CSV: comma, semicolon or tab (detected), quoted fields with
 * commas and line breaks, BOM, CRLF, UTF-8 or Latin-1. Columns: title, company, url,
 * location, remote, salary (free text, shown in the description and kept in raw),
 * salary_min/salary_max/salary_currency/salary_period, description (HTML or text),
 * posted_at, expires_at, employment_type, seniority, skills (`;` list), external_id (else
 * the canonical URL). JSON: a list of objects with the same fields, or `{ "jobs": [...] }`
 * in the JSON Resume job shape (type, date, remote "Full"/"Hybrid"/"None", location
 * object, responsibilities, qualifications, skills as names).
 */
export function parseImportFile(
  name: string,
  content: Buffer | string,
  options: ImportOptions = {},
): ImportResult {
  const now = options.now ?? new Date();
  const file = baseName(name);
  const sourceId = `import:${file}`;
  const text = decodeFile(content);
  const errors: ImportRowError[] = [];
  const isJson =
    /\.json$/i.test(file) || (!/\.(csv|tsv|txt)$/i.test(file) && /^\s*[[{]/.test(text));
  const rows = isJson ? readJson(text, errors) : readCsv(text, errors);
  const drafts: JobInputDraft[] = [];
  const seen = new Map<string, number>();
  for (const { row, record } of rows) {
    try {
      const draft = rowToDraft(record, sourceId, now);
      prepareJob(draft);
      const id = String(draft.externalId);
      const first = seen.get(id);
      if (first !== undefined) throw new RowProblem(`external_id: "${id}" repeats row ${first}`);
      seen.set(id, row);
      drafts.push(draft);
    } catch (error) {
      if (!(error instanceof RowProblem) && !isDomainError(error, 'INVALID_INPUT')) throw error;
      // prepareJob names the posting by id and source; the row number says more here.
      const reason = error.message.replace(/^job .* is invalid: /, '');
      errors.push({ row, reason });
    }
  }
  errors.sort((a, b) => a.row - b.row);
  return { drafts, errors };
}

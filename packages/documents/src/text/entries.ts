import { extractSkills, normalizeSkills } from '@applydesk/domain';
import { parseLocation, profileOf, withScheme } from './contact.js';
import { findDateRange, tidySeparators, type DateRange } from './dates.js';
import type { Line } from './lines.js';
import type { EducationDraft, Parsed, ProjectDraft, WorkDraft } from './types.js';
import {
  looksLikeCompany,
  looksLikeInstitution,
  looksLikeTitle,
  splitDegree,
} from './vocabulary.js';

/** One role, project or school: its title lines, its prose and its bullets. */
export interface Entry {
  header: string[];
  body: string[];
  bullets: string[];
}

/** Lines that only label the bullets below them ("Key achievements:"). */
const BULLET_LABEL =
  /^(?:key |main |selected |notable )?(?:achievements|responsibilities|highlights|accomplishments|duties|tasks|impact|results|contributions)(?:\s+(?:and|&)\s+\w+)?\s*:?$/i;
/** Lines that list what an entry was built with. */
const TECH_LINE =
  /^(?:tech(?:nologies)?(?:\s+used)?|tech stack|stack|tools(?:\s+used)?|built with|environment|keywords|skills(?:\s+used)?)\s*[:\-–—]\s*(.+)$/i;

/** A line with a date range, or a short line with a date: the top of an entry. */
function hasDates(text: string): boolean {
  const found = findDateRange(text);
  return found !== null && (found.range || text.split(/\s+/).length <= 10);
}

function isPlaceLine(text: string): boolean {
  return /^(?:remote|hybrid|on-?site)\b/i.test(text) || parseLocation(text) !== null;
}

function isProse(text: string): boolean {
  const words = text.split(/\s+/).length;
  return (words >= 5 && /[.!?]$/.test(text)) || words > 14;
}

/**
 * Groups a section's lines into entries. A Markdown heading, or a title line after the
 * bullets or prose of the entry before, starts an entry; so does a second dated line.
 */
export function groupEntries(lines: readonly Line[]): Entry[] {
  const entries: Entry[] = [];
  let current: Entry | undefined;
  /** The entry has a dated line; the last line of its header was that one. */
  let dated = false;
  let datedLast = false;
  const start = (text: string | undefined): Entry => {
    current = { header: text === undefined ? [] : [text], body: [], bullets: [] };
    dated = datedLast = text !== undefined && hasDates(text);
    entries.push(current);
    return current;
  };
  for (const line of lines) {
    const text = line.text;
    if (BULLET_LABEL.test(text) && !line.bullet && line.level === 0) continue;
    if (line.level > 0) {
      start(text);
      continue;
    }
    if (line.bullet) {
      (current ?? start(undefined)).bullets.push(text);
      continue;
    }
    if (current !== undefined && TECH_LINE.test(text)) {
      current.body.push(text);
      continue;
    }
    const withDates = hasDates(text);
    if (
      current === undefined ||
      current.bullets.length > 0 ||
      current.body.length > 0 ||
      (withDates && dated) ||
      // "Title / Employer / dates" closed a header: the next title line is the next entry.
      (datedLast && current.header.length >= 2 && !isPlaceLine(text)) ||
      // A second school in one header is the next entry.
      (looksLikeInstitution(text) && current.header.some(looksLikeInstitution))
    ) {
      start(text);
      continue;
    }
    if (isProse(text) && current.header.length > 0) {
      current.body.push(text);
      continue;
    }
    if (current.header.length >= 4) {
      current.body.push(text);
      continue;
    }
    current.header.push(text);
    dated ||= withDates;
    datedLast = withDates;
  }
  return entries;
}

/** An entry's header read: its dates, links and the phrases between separators. */
interface Header {
  dates: DateRange | undefined;
  urls: string[];
  segments: Segment[];
}

interface Segment {
  text: string;
  /** Came after a comma or in brackets: may be a place ("Acme Corp, Berlin"). */
  trailing: boolean;
}

const URL_IN_TEXT =
  /(?:https?:\/\/|www\.)[^\s|,;()<>]+|(?<![@\w.])(?:[a-z0-9-]+\.)+(?:com|dev|io|net|org|me|app|co|de|page|site|tech|ai|xyz)(?:\/[^\s|,;()<>]*)?(?![\w.-])/gi;

function readHeader(lines: readonly string[]): Header {
  let dates: DateRange | undefined;
  const urls: string[] = [];
  const segments: Segment[] = [];
  for (const original of lines) {
    let line = original.replace(URL_IN_TEXT, (url) => {
      urls.push(withScheme(url.replace(/[.,;:!?)]+$/, '')));
      return ' | ';
    });
    if (dates === undefined) {
      const found = findDateRange(line);
      if (found !== null) {
        dates = found;
        line = found.rest;
      }
    }
    segments.push(...splitSegments(tidySeparators(line)));
  }
  return { dates, urls, segments };
}

/** Splits a title line on strong separators (— | · @ "at"), brackets and commas. */
export function splitSegments(line: string): Segment[] {
  const out: Segment[] = [];
  const bracketed: string[] = [];
  const text = line.replace(/\(([^()]*)\)/g, (_, inner: string) => {
    bracketed.push(inner);
    return ' | ';
  });
  for (const part of text.split(/\s*—\s*|\s+(?:[|·•@]|–|-{1,2}|at)\s+|\s*[|·•]\s*/i)) {
    const segment = part.replace(/^[\s,;:]+|[\s,;:]+$/g, '').trim();
    if (segment !== '') out.push(...splitCommas(segment));
  }
  for (const inner of bracketed) {
    const segment = inner.trim();
    if (segment !== '') out.push({ text: segment, trailing: true });
  }
  return out;
}

/** "Senior Engineer, Acme Corp, Berlin" is three phrases; "Acme, Inc." is one. */
function splitCommas(segment: string): Segment[] {
  const pieces = segment.split(/\s*,\s*/).filter((p) => p !== '');
  if (pieces.length < 2 || parseLocation(segment) !== null || splitDegree(segment) !== null)
    return [{ text: segment, trailing: false }];
  const first = pieces[0]!;
  if (looksLikeTitle(first) && !looksLikeCompany(first) && !looksLikeInstitution(first)) {
    const rest = splitCommas(pieces.slice(1).join(', '));
    return [{ text: first, trailing: false }, ...rest.map((s) => ({ ...s, trailing: true }))];
  }
  for (let i = 1; i < pieces.length; i++) {
    const tail = pieces.slice(i).join(', ');
    if (parseLocation(tail) !== null || pieces.slice(i).every(looksLikePlace))
      return [
        { text: pieces.slice(0, i).join(', '), trailing: false },
        { text: tail, trailing: true },
      ];
  }
  return [{ text: segment, trailing: false }];
}

/** One to three capitalized words that are no title, employer or school. */
function looksLikePlace(text: string): boolean {
  return (
    /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}$/u.test(text) &&
    !looksLikeTitle(text) &&
    !looksLikeCompany(text) &&
    !looksLikeInstitution(text)
  );
}

function isPlace(segment: Segment): boolean {
  if (/^(?:remote|hybrid|on-?site|fully remote)\b/i.test(segment.text)) return true;
  const strong = parseLocation(segment.text);
  if (
    strong !== null &&
    (segment.trailing || strong.countryCode !== undefined || /,/.test(segment.text))
  )
    return true;
  return segment.trailing && looksLikePlace(segment.text);
}

const EMPLOYMENT_TYPE =
  /^(?:full[- ]time|part[- ]time|contract|contractor|freelance|temporary|temp|permanent|internship|fixed[- ]term|seasonal)$/i;

function datesOf(range: DateRange | undefined): { startDate?: string; endDate?: string } {
  if (range === undefined) return {};
  if (!range.range) return { startDate: range.startDate! };
  return {
    ...(range.startDate === undefined ? {} : { startDate: range.startDate }),
    ...(range.endDate === undefined ? {} : { endDate: range.endDate }),
  };
}

function describe(entry: Entry): string {
  return [...entry.header, ...entry.body, ...entry.bullets.map((b) => `• ${b}`)].join(' / ');
}

/** Work entries: position, employer, place, dates, summary and highlights. */
export function parseWork(lines: readonly Line[]): Parsed<WorkDraft> {
  const out: Parsed<WorkDraft> = { items: [], warnings: [], unplaced: [] };
  for (const entry of groupEntries(lines)) {
    if (entry.header.length === 0) {
      out.unplaced.push(...entry.bullets);
      out.warnings.push(
        `experience: ${entry.bullets.length} bullet(s) come before any role, so they are in unplaced`,
      );
      continue;
    }
    const header = readHeader(entry.header);
    let position: string | undefined;
    let name: string | undefined;
    let location: string | undefined;
    const unknown: Segment[] = [];
    const extra: string[] = [];
    for (const segment of header.segments) {
      if (EMPLOYMENT_TYPE.test(segment.text) && (position !== undefined || segment.trailing)) {
        extra.push(segment.text);
      } else if (location === undefined && isPlace(segment)) {
        location = segment.text;
      } else if (name === undefined && looksLikeCompany(segment.text)) {
        name = segment.text;
      } else if (position === undefined && looksLikeTitle(segment.text)) {
        position = segment.text;
      } else {
        unknown.push(segment);
      }
    }
    for (const segment of unknown) {
      if (position === undefined && name !== undefined) position = segment.text;
      else if (name === undefined && position !== undefined) name = segment.text;
      else if (position === undefined) position = segment.text;
      else if (location === undefined && looksLikePlace(segment.text)) location = segment.text;
      else extra.push(segment.text);
    }
    if (
      name === undefined &&
      position !== undefined &&
      /freelanc|self[- ]employed|independent/i.test(position)
    )
      name = 'Self-employed';
    if (name === undefined || position === undefined) {
      out.warnings.push(
        `experience: could not tell the ${name === undefined ? 'employer' : 'position'} of "${entry.header.join(' / ')}"`,
      );
    }
    if (header.dates === undefined)
      out.warnings.push(`experience: no dates found for "${entry.header.join(' / ')}"`);
    const summary = [...extra, ...entry.body].join(' ').trim();
    out.items.push({
      name: name ?? '',
      position: position ?? '',
      ...(location === undefined ? {} : { location }),
      ...(header.urls[0] === undefined ? {} : { url: header.urls[0] }),
      ...datesOf(header.dates),
      ...(summary === '' ? {} : { summary }),
      highlights: entry.bullets,
    });
    for (const url of header.urls.slice(1)) out.unplaced.push(url);
  }
  return out;
}

/** Project entries: name, description, link, dates, highlights and the stack as keywords. */
export function parseProjects(lines: readonly Line[]): Parsed<ProjectDraft> {
  const out: Parsed<ProjectDraft> = { items: [], warnings: [], unplaced: [] };
  for (const entry of groupEntries(lines)) {
    if (entry.header.length === 0) {
      // A list of one-line projects: each bullet is a project.
      for (const bullet of entry.bullets) {
        const project = projectFrom({ header: [bullet], body: [], bullets: [] });
        if (project !== null) out.items.push(project);
        else out.unplaced.push(bullet);
      }
      continue;
    }
    const project = projectFrom(entry);
    if (project === null) {
      out.unplaced.push(describe(entry));
      out.warnings.push(`projects: could not read "${entry.header.join(' / ')}"`);
    } else out.items.push(project);
  }
  return out;
}

function projectFrom(entry: Entry): ProjectDraft | null {
  const header = readHeader(entry.header);
  const [first, ...others] = header.segments;
  if (first === undefined) return null;
  const keywords: string[] = [];
  const description: string[] = [];
  for (const segment of others) {
    const items = segment.text.split(/\s*[,/]\s*/);
    if (
      items.length >= 2 &&
      items.filter((i) => extractSkills(i).length > 0).length * 2 >= items.length
    )
      keywords.push(...items);
    else if (
      segment.trailing &&
      items.length === 1 &&
      extractSkills(segment.text).length > 0 &&
      segment.text.split(/\s+/).length <= 2
    )
      keywords.push(segment.text);
    else description.push(segment.text);
  }
  for (const line of entry.body) {
    const tech = TECH_LINE.exec(line);
    if (tech !== null) keywords.push(...tech[1]!.split(/\s*[,;|•]\s*/));
    else description.push(line);
  }
  // The name may carry a description after a colon: "ApplyDesk: a job-hunting desk".
  let name = first.text;
  const colon = /^([^:]{2,60}):\s+(.+)$/.exec(name);
  if (colon !== null) {
    name = colon[1]!;
    description.unshift(colon[2]!);
  }
  const url = header.urls.find((u) => profileOf(u)?.network !== 'LinkedIn');
  const text = description.join(' ').trim();
  return {
    name,
    ...(text === '' ? {} : { description: text }),
    highlights: entry.bullets,
    keywords: normalizeSkills(keywords.filter((k) => k.trim() !== '')),
    ...(url === undefined ? {} : { url }),
    ...datesOf(header.dates),
  };
}

const SCORE =
  /\b(?:c?gpa|grade|final grade|note|score|average)\s*[:=]?\s*(\d+(?:[.,]\d+)?(?:\s*\/\s*\d+(?:[.,]\d+)?)?)|\b(first[- ]class(?: honou?rs)?|upper second[- ]class(?: honou?rs)?|2:1|2:2|(?:summa |magna )?cum laude|with (?:high )?distinction|with honou?rs|distinction|merit)\b/i;

/** Education entries: school, degree split into study type and area, dates, score. */
export function parseEducation(lines: readonly Line[]): Parsed<EducationDraft> {
  const out: Parsed<EducationDraft> = { items: [], warnings: [], unplaced: [] };
  for (const entry of groupEntries(lines)) {
    if (entry.header.length === 0) {
      out.unplaced.push(...entry.bullets);
      out.warnings.push(
        `education: ${entry.bullets.length} line(s) name no school, so they are in unplaced`,
      );
      continue;
    }
    const header = readHeader(entry.header);
    let institution: string | undefined;
    let studyType: string | undefined;
    let area: string | undefined;
    let score: string | undefined;
    let location: string | undefined;
    const unknown: string[] = [];
    const details: string[] = [];
    for (const text of [...entry.body, ...entry.bullets]) {
      const s = SCORE.exec(text);
      if (s !== null && score === undefined) score = (s[1] ?? s[2])!.trim();
      else details.push(text);
    }
    for (const segment of header.segments) {
      const s = SCORE.exec(segment.text);
      if (s !== null && score === undefined) {
        score = (s[1] ?? s[2])!.trim();
        continue;
      }
      const degree = studyType === undefined ? splitDegree(segment.text) : null;
      if (degree !== null) {
        studyType = degree.studyType;
        if (degree.area !== undefined) area = degree.area;
      } else if (institution === undefined && looksLikeInstitution(segment.text)) {
        institution = segment.text;
      } else if (location === undefined && isPlace(segment)) {
        location = segment.text;
      } else {
        unknown.push(segment.text);
      }
    }
    for (const text of unknown) {
      if (institution === undefined) institution = text;
      else if (area === undefined) area = text;
      else details.push(text);
    }
    if (institution === undefined) {
      out.unplaced.push(describe(entry));
      out.warnings.push(
        `education: no school found in "${entry.header.join(' / ')}"; it is in unplaced`,
      );
      continue;
    }
    if (details.length > 0) {
      out.unplaced.push(...details.map((d) => `${institution}: ${d}`));
      out.warnings.push(
        `education: ${details.length} detail(s) of "${institution}" have no JSON Resume field; they are in unplaced`,
      );
    }
    const dates = header.dates;
    out.items.push({
      institution,
      ...(area === undefined ? {} : { area }),
      ...(studyType === undefined ? {} : { studyType }),
      ...(dates === undefined ? {} : dates.range ? datesOf(dates) : { endDate: dates.startDate! }),
      ...(score === undefined ? {} : { score }),
      ...(location === undefined ? {} : { location }),
    });
  }
  return out;
}

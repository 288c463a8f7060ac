import type { ProfileInputDraft } from '@applydesk/domain';
import { readContact, type Contact, type ProfileLink } from './contact.js';
import { findDateRange } from './dates.js';
import { parseEducation, parseProjects, parseWork } from './entries.js';
import { toLines, type Line } from './lines.js';
import { parseCertificates, parseLanguages, parseSkills, splitItems } from './lists.js';
import type { BasicsDraft, Parsed } from './types.js';
import { isSpokenLanguage, sectionNamed, type SectionKind } from './vocabulary.js';

/** What the text of a resume gave: a Profile draft, and what could not be placed. */
export interface TextParse {
  profile: ProfileInputDraft;
  warnings: string[];
  unplaced: string[];
}

export interface TextParseOptions {
  /** Links the document carries outside its text (PDF link annotations). */
  links?: readonly string[];
}

type Kind = SectionKind | 'other';
type Style = 'md' | 'bold' | 'caps' | 'colon' | 'plain';

interface Section {
  kind: Kind;
  title: string;
  /** Markdown level of its heading, 0 when it was not a Markdown heading. */
  level: number;
  lines: Line[];
}

const ENTRY_SECTIONS: ReadonlySet<Kind> = new Set(['work', 'projects', 'education']);

function bareHeading(text: string): string {
  return text.replace(/\s*:\s*$/, '').trim();
}

function isCaps(text: string): boolean {
  return /\p{Lu}.*\p{Lu}/u.test(text) && text === text.toUpperCase();
}

function styleOf(line: Line): Style {
  if (line.level > 0) return 'md';
  if (line.bold) return 'bold';
  if (isCaps(bareHeading(line.text))) return 'caps';
  if (/:\s*$/.test(line.text)) return 'colon';
  return 'plain';
}

function words(text: string): number {
  return text.split(/\s+/).filter((w) => w !== '').length;
}

interface Context {
  current: Section | undefined;
  /** How the document writes the headings it has that name known sections. */
  styles: ReadonlySet<Style>;
  next: Line | undefined;
}

interface Heading {
  kind: Kind;
  title: string;
  /** Text after "Skills:" on the heading's own line. */
  inline?: string;
}

function headingOf(line: Line, ctx: Context): Heading | null {
  if (line.bullet) return null;
  const bare = bareHeading(line.text);
  const kind = sectionNamed(bare);
  const current = ctx.current;
  const inEntries = current !== undefined && ENTRY_SECTIONS.has(current.kind);
  if (line.level > 0) {
    if (kind !== undefined) return { kind, title: bare };
    // Before any section a Markdown heading is the name or the title under it.
    if (current === undefined) return null;
    // A deeper heading inside a section is one of its entries ("### Acme Corp").
    if (current.level > 0 && line.level > current.level) return null;
    return { kind: 'other', title: bare };
  }
  if (kind !== undefined) {
    const style = styleOf(line);
    const fits = style !== 'plain' || ctx.styles.has('plain') || ctx.styles.size === 0;
    if (fits && words(bare) <= 6) return { kind, title: bare };
  }
  const inline = /^([^:]{2,40}):\s+(\S.*)$/.exec(line.text);
  if (inline !== null) {
    const label = inline[1]!.trim();
    const labelled = sectionNamed(label);
    if (labelled !== undefined && labelled !== 'other' && labelled !== current?.kind) {
      const spoken =
        labelled === 'languages' &&
        splitItems(inline[2]!).some((i) => isSpokenLanguage(i.split(/[\s(:-]/)[0] ?? ''));
      const switches =
        current?.kind === 'skills'
          ? spoken
          : inEntries
            ? !['skills', 'projects', 'work', 'education'].includes(labelled) &&
              (labelled !== 'languages' || spoken)
            : true;
      if (switches) return { kind: labelled, title: label, inline: inline[2]! };
    }
  }
  // Above the first known section is the header: the name may well be in capitals.
  if (kind !== undefined || current === undefined) return null;
  // A heading ApplyDesk has no name for, written the way the document writes its headings.
  const nextDated = ctx.next !== undefined && findDateRange(ctx.next.text) !== null;
  if (
    isCaps(bare) &&
    ctx.styles.has('caps') &&
    words(bare) <= 3 &&
    /^[\p{Lu}\s&/-]+$/u.test(bare) &&
    !(inEntries && nextDated)
  )
    return { kind: 'other', title: bare };
  if (!inEntries && words(bare) <= 4 && /^\p{Lu}/u.test(bare) && !/[.,;!?]/.test(bare)) {
    if (/:\s*$/.test(line.text) && ctx.styles.has('colon')) return { kind: 'other', title: bare };
    if (line.bold && ctx.styles.has('bold')) return { kind: 'other', title: bare };
  }
  return null;
}

/** The styles of the lines that name a known section: the document's heading style. */
function headingStyles(lines: readonly Line[]): Set<Style> {
  const styles = new Set<Style>();
  for (const line of lines) {
    const bare = bareHeading(line.text);
    if (line.bullet || words(bare) > 6) continue;
    const kind = sectionNamed(bare);
    if (kind !== undefined && kind !== 'other') styles.add(styleOf(line));
  }
  return styles;
}

/** Splits the lines into the header (name, contact) and the sections under their headings. */
function splitSections(lines: readonly Line[]): { header: Line[]; sections: Section[] } {
  const styles = headingStyles(lines);
  const header: Line[] = [];
  const sections: Section[] = [];
  let current: Section | undefined;
  lines.forEach((line, i) => {
    const heading = headingOf(line, { current, styles, next: lines[i + 1] });
    if (heading === null) {
      (current?.lines ?? header).push(line);
      return;
    }
    current = { kind: heading.kind, title: heading.title, level: line.level, lines: [] };
    sections.push(current);
    if (heading.inline !== undefined)
      current.lines.push({ text: heading.inline, level: 0, bullet: false, bold: false });
  });
  return { header, sections };
}

function looksLikeName(text: string): boolean {
  return (
    words(text) >= 1 &&
    words(text) <= 5 &&
    !/[@\d/\\]|https?:|www\./i.test(text) &&
    /^\p{L}[\p{L}\p{M}'’.,\- ]*$/u.test(text) &&
    sectionNamed(text) === undefined
  );
}

function titleCase(text: string): string {
  return text
    .toLowerCase()
    .replace(/(^|[\s'’-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

const DOCUMENT_TITLE = /^(?:curriculum vitae|resume|résumé|cv|lebenslauf|my resume)$/i;

interface Header {
  name?: string;
  label?: string;
  contact: Contact;
}

/** The top of a resume: the name (first line or heading), a title under it, contact details. */
function readHeader(lines: readonly Line[], links: readonly string[]): Header {
  let name: string | undefined;
  let label: string | undefined;
  const contactLines: string[] = [];
  let index = 0;
  // The name is the first line that can be one, among the first three.
  for (; index < Math.min(lines.length, 3); index++) {
    // "Curriculum Vitae" above the name is the document's title, not content.
    if (DOCUMENT_TITLE.test(lines[index]!.text)) continue;
    const pieces = lines[index]!.text.split(/\s+[|–—-]\s+|\s*[|•·]\s*/);
    const first = pieces[0]!.trim();
    if (!lines[index]!.bullet && looksLikeName(first)) {
      name = isCaps(first) ? titleCase(first) : first;
      const rest = pieces.slice(1).join(' | ');
      if (rest !== '') contactLines.push(rest);
      break;
    }
    contactLines.push(lines[index]!.text);
  }
  if (name === undefined) {
    index = 0;
    contactLines.length = 0;
  } else index++;
  const next = lines[index];
  if (next !== undefined && !next.bullet && words(next.text) <= 12 && !/[.!?]$/.test(next.text)) {
    const probe = readContact([next.text]);
    const plain =
      probe.emails.length + probe.phones.length + probe.sites.length + probe.profiles.length ===
        0 && probe.location === undefined;
    if (plain) {
      label = next.text;
      index++;
    }
  }
  for (const line of lines.slice(index)) contactLines.push(line.text);
  // In the first-line split a title can follow the name: "Jane Doe | Senior Engineer".
  const contact = readContact([...contactLines, ...links]);
  if (label === undefined && name !== undefined && contactLines.length > 0) {
    const first = contact.rest[0];
    if (first !== undefined && contactLines[0]!.startsWith(first) && words(first) <= 8) {
      label = first;
      contact.rest.shift();
    }
  }
  return {
    ...(name === undefined ? {} : { name }),
    ...(label === undefined ? {} : { label }),
    contact,
  };
}

function mergeContact(into: Contact, from: Contact): void {
  into.emails.push(...from.emails);
  into.phones.push(...from.phones);
  into.sites.push(...from.sites);
  into.profiles.push(...from.profiles);
  into.location ??= from.location;
  into.rest.push(...from.rest);
}

function bareUrl(url: string): string {
  return url
    .toLowerCase()
    .replace(/^(?:https?:\/\/)?(?:www\.)?/, '')
    .replace(/\/$/, '');
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** Reads a resume's text (Markdown, plain text, or text taken out of a PDF or DOCX). */
export function parseResumeText(text: string, options: TextParseOptions = {}): TextParse {
  const warnings: string[] = [];
  const unplaced: string[] = [];
  const lines = toLines(text);
  const { header: headerLines, sections } = splitSections(lines);
  // Links the text already shows are not read twice.
  const flat = text.toLowerCase();
  const links = (options.links ?? []).filter(
    (link) =>
      /^https?:\/\//i.test(link) &&
      !new RegExp(`${bareUrl(link).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w/-])`).test(flat),
  );
  const header = readHeader(headerLines, links);
  const contact = header.contact;
  const headerRest = contact.rest.splice(0);

  const profile: ProfileInputDraft &
    Required<
      Pick<
        ProfileInputDraft,
        'work' | 'projects' | 'education' | 'certificates' | 'skills' | 'languages'
      >
    > = {
    basics: { name: header.name ?? '' },
    work: [],
    projects: [],
    education: [],
    certificates: [],
    skills: [],
    languages: [],
  };
  const summaries: string[] = [];
  const take = <T>(parsed: Parsed<T>, into: T[]): void => {
    into.push(...parsed.items);
    warnings.push(...parsed.warnings);
    unplaced.push(...parsed.unplaced);
  };
  for (const section of sections) {
    switch (section.kind) {
      case 'work':
        take(parseWork(section.lines), profile.work);
        break;
      case 'projects':
        take(parseProjects(section.lines), profile.projects);
        break;
      case 'education':
        take(parseEducation(section.lines), profile.education);
        break;
      case 'certificates':
        take(parseCertificates(section.lines), profile.certificates);
        break;
      case 'skills': {
        const parsed = parseSkills(section.lines);
        take(parsed, profile.skills);
        profile.languages.push(...parsed.languages);
        break;
      }
      case 'languages':
        take(parseLanguages(section.lines), profile.languages);
        break;
      case 'summary':
        summaries.push(section.lines.map((l) => l.text).join(' '));
        break;
      case 'contact': {
        const found = readContact(section.lines.map((l) => l.text));
        if (found.rest.length > 0) {
          unplaced.push(...found.rest);
          warnings.push(
            `${section.title}: ${found.rest.length} item(s) are not contact details or links; they are in unplaced`,
          );
          found.rest = [];
        }
        mergeContact(contact, found);
        break;
      }
      case 'other':
        if (section.lines.length === 0) break;
        unplaced.push(section.title, ...section.lines.map((l) => l.text));
        warnings.push(
          `section "${section.title}" is not one a Profile has: its ${section.lines.length} line(s) are in unplaced`,
        );
        break;
    }
  }

  // Prose at the top with no Summary section is the summary; anything else there is unplaced.
  const prose = headerRest.filter((t) => words(t) >= 12);
  if (summaries.length === 0 && prose.length > 0) {
    summaries.push(...prose);
    headerRest.splice(0, headerRest.length, ...headerRest.filter((t) => !prose.includes(t)));
  }
  if (headerRest.length > 0) {
    unplaced.unshift(...headerRest);
    warnings.push(
      `${headerRest.length} line(s) at the top are not a name, title or contact detail; they are in unplaced`,
    );
  }

  const basics: BasicsDraft = profile.basics;
  if (header.label !== undefined) basics.label = header.label;
  const [email, ...moreEmails] = [...new Set(contact.emails)];
  const [phone, ...morePhones] = [...new Set(contact.phones)];
  if (email !== undefined) basics.email = email;
  if (phone !== undefined) basics.phone = phone;
  if (moreEmails.length + morePhones.length > 0) {
    unplaced.push(...moreEmails, ...morePhones);
    warnings.push(
      'more than one email or phone number: the first is kept, the others are in unplaced',
    );
  }
  const sites = [...new Set(contact.sites)];
  if (sites[0] !== undefined) basics.url = sites[0];
  const profiles: ProfileLink[] = [];
  const seenUrls = new Set<string>();
  for (const p of [
    ...contact.profiles,
    ...sites.slice(1).map((url): ProfileLink => ({ network: hostOf(url), url })),
  ]) {
    const key = (p.url ?? `${p.network}:${p.username ?? ''}`).toLowerCase().replace(/\/$/, '');
    if (seenUrls.has(key)) continue;
    seenUrls.add(key);
    profiles.push(p);
  }
  basics.profiles = profiles;
  if (contact.location !== undefined) basics.location = contact.location;
  if (summaries.length > 0) basics.summary = summaries.join('\n\n');

  if (header.name === undefined)
    warnings.push(
      'no name found at the top of the resume: basics.name is empty, fill it in before saving',
    );
  if (sections.length === 0 && lines.length > 0)
    warnings.push(
      'found no section headings (Experience, Education, Skills…): only contact details were read',
    );
  return { profile: { ...profile, unplaced }, warnings, unplaced };
}

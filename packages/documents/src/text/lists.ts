import { normalizeSkill, normalizeSkills } from '@applydesk/domain';
import { withScheme } from './contact.js';
import { findDateRange, tidySeparators } from './dates.js';
import type { Line } from './lines.js';
import type { CertificateDraft, LanguageDraft, Parsed, SkillDraft } from './types.js';
import { FLUENCY, SKILL_LEVEL, isSpokenLanguage } from './vocabulary.js';

/**
 * Splits a list on commas, semicolons, pipes, bullets and " / ", but not inside brackets:
 * "Cloud (AWS, GCP), Docker" is two items.
 */
export function splitItems(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    const slash = c === '/' && text[i - 1] === ' ' && text[i + 1] === ' ';
    if (depth === 0 && (/[,;|•·▪●]/.test(c) || slash)) {
      items.push(current);
      current = '';
    } else current += c;
  }
  items.push(current);
  return items
    .map((i) =>
      i
        .trim()
        .replace(/^(?:and|&)\s+/i, '')
        .replace(/\.$/, ''),
    )
    .filter((i) => i !== '');
}

/** "Category: a, b" or "Category — a, b"; the category at most five words. */
const CATEGORY = /^([^:]{1,48}?)\s*(?::|\s[—–]\s)\s*(.+)$/;

interface SkillItem {
  name: string;
  level?: string;
  /** Items inside brackets: "Cloud (AWS, GCP)". */
  inner: string[];
}

function readItem(item: string): SkillItem {
  const m = /^(.+?)\s*\(([^()]+)\)$/.exec(item);
  if (m === null) return { name: item, inner: [] };
  const inside = m[2]!.trim();
  if (SKILL_LEVEL.test(inside)) return { name: m[1]!, level: inside, inner: [] };
  const parts = splitItems(inside);
  return parts.length > 1 ? { name: m[1]!, inner: parts } : { name: item, inner: [] };
}

/**
 * Skills: "Category: a, b, c" lines become a skill group with keywords; bare lists become one
 * skill each. Names are canonical through the domain vocabulary ("ReactJS" -> React, "k8s"
 * -> Kubernetes); unknown skills stay as written. A "Languages:" line naming spoken languages
 * is handed back as languages.
 */
export function parseSkills(
  lines: readonly Line[],
): Parsed<SkillDraft> & { languages: LanguageDraft[] } {
  const out: Parsed<SkillDraft> & { languages: LanguageDraft[] } = {
    items: [],
    warnings: [],
    unplaced: [],
    languages: [],
  };
  const seen = new Set<string>();
  const single = (name: string, level?: string): void => {
    const canonical = normalizeSkill(name);
    const key = canonical.toLowerCase();
    if (canonical === '' || seen.has(key)) return;
    seen.add(key);
    out.items.push({ name: canonical, ...(level === undefined ? {} : { level }), keywords: [] });
  };
  for (const line of lines) {
    const category = CATEGORY.exec(line.text);
    if (category !== null && category[1]!.split(/\s+/).length <= 5) {
      let label = category[1]!.trim();
      const items = splitItems(category[2]!);
      if (
        /^(?:spoken )?languages?$/i.test(label) &&
        items.some((i) => isSpokenLanguage(readLanguage(i).language))
      ) {
        out.languages.push(...parseLanguageItems(items));
        continue;
      }
      let level: string | undefined;
      const levelled = /^(.+?)\s*\(([^()]+)\)$/.exec(label);
      if (levelled !== null && SKILL_LEVEL.test(levelled[2]!.trim())) {
        label = levelled[1]!;
        level = levelled[2]!.trim();
      }
      if (SKILL_LEVEL.test(label)) {
        for (const item of items) single(readItem(item).name, label);
        continue;
      }
      const keywords = items.flatMap((i) => {
        const read = readItem(i);
        return [read.name, ...read.inner];
      });
      out.items.push({
        name: label,
        ...(level === undefined ? {} : { level }),
        keywords: normalizeSkills(keywords),
      });
      continue;
    }
    const items = splitItems(line.text);
    if (items.some((i) => i.split(/\s+/).length > 5)) {
      out.unplaced.push(line.text);
      out.warnings.push(
        `skills: "${shorten(line.text)}" reads as prose, not a list; it is in unplaced`,
      );
      continue;
    }
    for (const item of items) {
      const read = readItem(item);
      single(read.name, read.level);
      for (const inner of read.inner) single(inner);
    }
  }
  return out;
}

function shorten(text: string): string {
  return text.length <= 60 ? text : `${text.slice(0, 57)}...`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function readLanguage(item: string): { language: string; fluency?: string } {
  const m = /^(.+?)(?:\s*\(([^)]*)\)|\s+[-–—]\s*(.+)|\s*:\s*(.+))$/.exec(item);
  if (m === null) {
    // "English native", "German C1".
    const tail = /^(\p{L}+)\s+(.+)$/u.exec(item);
    if (tail !== null && FLUENCY.test(tail[2]!)) return { language: tail[1]!, fluency: tail[2]! };
    return { language: item };
  }
  const fluency = (m[2] ?? m[3] ?? m[4])!.trim();
  return fluency === '' ? { language: m[1]! } : { language: m[1]!, fluency };
}

function parseLanguageItems(items: readonly string[]): LanguageDraft[] {
  const out: LanguageDraft[] = [];
  for (const item of items) {
    const last = out.at(-1);
    if (
      FLUENCY.test(item) &&
      !isSpokenLanguage(item) &&
      last !== undefined &&
      last.fluency === undefined
    ) {
      last.fluency = item;
      continue;
    }
    const read = readLanguage(item);
    out.push({
      language: capitalize(read.language.trim()),
      ...(read.fluency === undefined ? {} : { fluency: read.fluency }),
    });
  }
  return out;
}

/** Languages with their fluency: "English (native), German — C1, Spanish: conversational". */
export function parseLanguages(lines: readonly Line[]): Parsed<LanguageDraft> {
  const items = lines.flatMap((line) => splitItems(line.text));
  const out: Parsed<LanguageDraft> = { items: [], warnings: [], unplaced: [] };
  for (const language of parseLanguageItems(items)) {
    if (language.language.split(/\s+/).length > 4) {
      out.unplaced.push(language.language);
      out.warnings.push(
        `languages: "${shorten(language.language)}" is not a language; it is in unplaced`,
      );
    } else out.items.push(language);
  }
  return out;
}

/** Issuer names that are really the level of the certificate's name. */
const CERT_LEVEL =
  /^(?:associate|professional|expert|foundation(?:al)?|practitioner|specialty|fundamentals|advanced|level\s+\w+|part\s+\w+)$/i;

/** Certificates, one a line: "Name — Issuer (2022)", "Name, Issuer, 2021", "Name (Issuer)". */
export function parseCertificates(lines: readonly Line[]): Parsed<CertificateDraft> {
  const out: Parsed<CertificateDraft> = { items: [], warnings: [], unplaced: [] };
  for (const line of lines) {
    let text = line.text;
    let url: string | undefined;
    text = text.replace(/(?:https?:\/\/|www\.)[^\s|,;()<>]+/i, (u) => {
      url = withScheme(u.replace(/[.,;:)]+$/, ''));
      return ' ';
    });
    const dates = findDateRange(text);
    if (dates !== null) text = dates.rest;
    let issuer: string | undefined;
    text = tidySeparators(
      text.replace(/\s*\(([^()]*)\)/g, (whole, inner: string) => {
        // "(CKA)" is the certificate's own abbreviation, not its issuer.
        if (/^[A-Z][A-Z0-9+-]{1,9}$/.test(inner.trim())) return whole;
        if (issuer === undefined && inner.trim() !== '') issuer = inner.trim();
        return ' ';
      }),
    );
    let parts = text.split(/\s*—\s*|\s+[|·]\s+|\s+-{1,2}\s+|,\s+/).filter((p) => p.trim() !== '');
    if (parts.length === 1) parts = text.split(/\s+–\s+/);
    // "AWS Certified Solutions Architect – Associate": the level belongs to the name.
    while (parts.length > 1 && CERT_LEVEL.test(parts[1]!.trim()))
      parts = [`${parts[0]} – ${parts[1]}`, ...parts.slice(2)];
    const [name, ...rest] = parts.map((p) => p.trim());
    if (name === undefined || name === '') {
      out.unplaced.push(line.text);
      out.warnings.push(`certifications: could not read "${shorten(line.text)}"`);
      continue;
    }
    if (issuer === undefined && rest.length > 0) issuer = rest.shift();
    const date = dates === null ? undefined : (dates.endDate ?? dates.startDate);
    out.items.push({
      name,
      ...(issuer === undefined ? {} : { issuer }),
      ...(date === undefined ? {} : { date }),
      ...(url === undefined ? {} : { url }),
    });
    if (rest.length > 0) {
      out.unplaced.push(line.text);
      out.warnings.push(
        `certifications: kept "${name}" but not "${rest.join(', ')}"; the line is in unplaced`,
      );
    }
  }
  return out;
}

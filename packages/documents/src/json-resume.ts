import {
  formatIssues,
  normalizeSkill,
  normalizeSkills,
  type ProfileInputDraft,
} from '@applydesk/domain';
import { z } from 'zod';
import { refuse } from './refuse.js';

/**
 * The JSON Resume schema (jsonresume.org/schema, v1.0.0) for the sections a Profile reads:
 * every field optional as there, dates in its ISO 8601 subset, unknown keys kept. An end
 * date written "Present" (common, though the schema has no such value) means no end date.
 */
const DATE_MESSAGE = 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD';
const IsoDate = z
  .string()
  .regex(/^(?:[12]\d{3}-[01]\d-[0-3]\d|[12]\d{3}-[01]\d|[12]\d{3})$/, { error: DATE_MESSAGE });
const EndDate = z.union([IsoDate, z.literal(''), z.string().regex(/^(?:present|now|current)$/i)], {
  error: `${DATE_MESSAGE}, or "Present"`,
});
const Strings = z.array(z.string());

const Location = z.looseObject({
  address: z.string().optional(),
  postalCode: z.string().optional(),
  city: z.string().optional(),
  countryCode: z.string().optional(),
  region: z.string().optional(),
});

const Basics = z.looseObject({
  name: z.string().optional(),
  label: z.string().optional(),
  image: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  url: z.string().optional(),
  summary: z.string().optional(),
  location: Location.optional(),
  profiles: z
    .array(
      z.looseObject({
        network: z.string().optional(),
        username: z.string().optional(),
        url: z.string().optional(),
      }),
    )
    .optional(),
});

const Work = z.looseObject({
  name: z.string().optional(),
  /** Before v1.0.0 the employer was `company`. */
  company: z.string().optional(),
  location: z.string().optional(),
  description: z.string().optional(),
  position: z.string().optional(),
  url: z.string().optional(),
  startDate: IsoDate.optional(),
  endDate: EndDate.optional(),
  summary: z.string().optional(),
  highlights: Strings.optional(),
});

const Education = z.looseObject({
  institution: z.string().optional(),
  url: z.string().optional(),
  area: z.string().optional(),
  studyType: z.string().optional(),
  startDate: IsoDate.optional(),
  endDate: EndDate.optional(),
  score: z.string().optional(),
  courses: Strings.optional(),
});

const Certificate = z.looseObject({
  name: z.string().optional(),
  date: IsoDate.optional(),
  url: z.string().optional(),
  issuer: z.string().optional(),
});

const Skill = z.looseObject({
  name: z.string().optional(),
  level: z.string().optional(),
  keywords: Strings.optional(),
});

const Language = z.looseObject({
  language: z.string().optional(),
  fluency: z.string().optional(),
});

const Project = z.looseObject({
  name: z.string().optional(),
  description: z.string().optional(),
  highlights: Strings.optional(),
  keywords: Strings.optional(),
  startDate: IsoDate.optional(),
  endDate: EndDate.optional(),
  url: z.string().optional(),
  roles: Strings.optional(),
  entity: z.string().optional(),
  type: z.string().optional(),
});

/** Sections of the schema a Profile has no place for: their text goes to `unplaced`. */
const OTHER_SECTIONS = ['volunteer', 'awards', 'publications', 'interests', 'references'] as const;

export const JsonResume = z.looseObject({
  $schema: z.string().optional(),
  basics: Basics.optional(),
  work: z.array(Work).optional(),
  education: z.array(Education).optional(),
  certificates: z.array(Certificate).optional(),
  skills: z.array(Skill).optional(),
  languages: z.array(Language).optional(),
  projects: z.array(Project).optional(),
  ...Object.fromEntries(OTHER_SECTIONS.map((s) => [s, z.array(z.looseObject({})).optional()])),
  meta: z.looseObject({}).optional(),
});
export type JsonResume = z.infer<typeof JsonResume>;

const SECTIONS = [
  'basics',
  'work',
  'education',
  'certificates',
  'skills',
  'languages',
  'projects',
  ...OTHER_SECTIONS,
];

export interface JsonResumeRead {
  profile: ProfileInputDraft;
  warnings: string[];
  unplaced: string[];
}

const HINT =
  'fix those fields (the schema: jsonresume.org/schema), or import the resume as PDF, DOCX or Markdown instead';

/** Parses and validates a JSON Resume; refuses JSON that is not one, listing each problem. */
export function readJsonResume(text: string, fileName: string): JsonResumeRead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw refuse(
      fileName,
      `not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      'check the file in a JSON validator, or import the resume as PDF, DOCX or Markdown',
      {},
      error,
    );
  }
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(
      `(root): expected an object, got ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}`,
    );
  } else if (!SECTIONS.some((s) => s in value)) {
    problems.push(
      `(root): has none of the JSON Resume sections (${SECTIONS.slice(0, 7).join(', ')}); its keys are ${Object.keys(value).slice(0, 8).join(', ') || 'none'}`,
    );
  } else {
    const result = JsonResume.safeParse(value);
    if (result.success) return mapJsonResume(result.data);
    problems.push(...formatIssues(result.error));
  }
  throw refuse(fileName, `not a valid JSON Resume: ${problems.join('; ')}`, HINT, { problems });
}

function isOpenEnd(date: string | undefined): boolean {
  return date === undefined || date === '' || /^(?:present|now|current)$/i.test(date);
}

/** Dates in Profile form: an open end ("Present", "") is no end date. */
function datesOf(
  startDate: string | undefined,
  endDate: string | undefined,
): { startDate?: string; endDate?: string } {
  return {
    ...(startDate === undefined ? {} : { startDate }),
    ...(endDate === undefined || isOpenEnd(endDate) ? {} : { endDate }),
  };
}

/** One line of text for an entry of a section a Profile does not have. */
function describe(section: string, item: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const value of Object.values(item)) {
    if (typeof value === 'string' && value.trim() !== '') parts.push(value.trim());
    else if (Array.isArray(value)) {
      const strings = value.filter((v): v is string => typeof v === 'string');
      if (strings.length > 0) parts.push(strings.join('; '));
    }
  }
  return `${section}: ${parts.join(' · ')}`;
}

/** A validated JSON Resume as a Profile draft. */
export function mapJsonResume(resume: JsonResume): JsonResumeRead {
  const warnings: string[] = [];
  const unplaced: string[] = [];
  const {
    $schema: _schema,
    meta: _meta,
    basics = {},
    work = [],
    education = [],
    certificates = [],
    skills = [],
    languages = [],
    projects = [],
    ...others
  } = resume;
  const { name, profiles = [], ...restOfBasics } = basics;
  if (name === undefined || name.trim() === '')
    warnings.push('basics.name is missing: fill it in before saving the profile');

  for (const [section, value] of Object.entries(others)) {
    const items = Array.isArray(value) ? (value as unknown[]) : [value];
    const lines = items.flatMap((i) =>
      typeof i === 'object' && i !== null
        ? [describe(section, i as Record<string, unknown>)]
        : typeof i === 'string' || typeof i === 'number'
          ? [`${section}: ${i}`]
          : [],
    );
    if (lines.length === 0) continue;
    unplaced.push(...lines);
    warnings.push(
      `"${section}" is not a section a Profile has: its ${lines.length} item(s) are in unplaced`,
    );
  }

  const profile: ProfileInputDraft = {
    basics: {
      ...restOfBasics,
      name: name?.trim() ?? '',
      profiles: profiles.map((p, i) => {
        if (p.network === undefined)
          warnings.push(`basics.profiles.${i} names no network; it was taken from its URL`);
        return { ...p, network: p.network ?? networkOf(p.url) };
      }),
    },
    work: work.map((w, i) => {
      const { company, name: employer, position, highlights = [], startDate, endDate, ...rest } = w;
      if (employer === undefined && company === undefined)
        warnings.push(`work.${i} names no employer (name)`);
      if (position === undefined) warnings.push(`work.${i} names no position`);
      return {
        ...rest,
        name: employer ?? company ?? '',
        position: position ?? '',
        ...datesOf(startDate, endDate),
        highlights,
      };
    }),
    education: education.flatMap((e, i) => {
      if (e.institution === undefined) {
        warnings.push(`education.${i} names no institution; it is in unplaced`);
        unplaced.push(describe('education', e));
        return [];
      }
      const { institution, startDate, endDate, ...rest } = e;
      return [{ ...rest, institution, ...datesOf(startDate, endDate) }];
    }),
    certificates: certificates.flatMap((c, i) => {
      if (c.name === undefined) {
        warnings.push(`certificates.${i} has no name; it is in unplaced`);
        unplaced.push(describe('certificates', c));
        return [];
      }
      return [{ ...c, name: c.name }];
    }),
    skills: skills.flatMap((s, i) => {
      if (s.name === undefined && (s.keywords ?? []).length === 0) {
        warnings.push(`skills.${i} has no name and no keywords`);
        return [];
      }
      return [
        {
          ...s,
          name: s.name === undefined ? 'Skills' : normalizeSkill(s.name),
          keywords: normalizeSkills(s.keywords ?? []),
        },
      ];
    }),
    languages: languages.flatMap((l, i) => {
      if (l.language === undefined) {
        warnings.push(`languages.${i} names no language`);
        return [];
      }
      return [{ ...l, language: l.language }];
    }),
    projects: projects.flatMap((p, i) => {
      const { name, startDate, endDate, highlights, keywords, ...rest } = p;
      if (name === undefined) {
        warnings.push(`projects.${i} has no name; it is in unplaced`);
        unplaced.push(describe('projects', p));
        return [];
      }
      return [
        {
          ...rest,
          name,
          ...datesOf(startDate, endDate),
          highlights: highlights ?? [],
          keywords: normalizeSkills(keywords ?? []),
        },
      ];
    }),
    unplaced,
  };
  return { profile, warnings, unplaced };
}

function networkOf(url: string | undefined): string {
  if (url === undefined) return 'Website';
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return 'Website';
  }
}

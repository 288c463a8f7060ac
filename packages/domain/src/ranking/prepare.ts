import { normalizeCompany } from '../dedupe/normalize.js';
import type { SkillCheck } from '../match.js';
import { normalizeLocation } from '../normalize/location.js';
import type { Profile } from '../profile.js';
import { USD_PER_UNIT } from './currency.js';
import { regionsIn, regionsOfCountry, type Region } from './regions.js';
import { DEFAULT_RANKING_SETTINGS, type RankingSettings } from './settings.js';
import { STOPWORDS, titleRole, titleTerms, titleWords, words } from './text.js';
import { zoneOffset } from './timezones.js';
import { canonicalSkill, findSkills } from './vocabulary.js';

/** One of the user's target titles, as title matching reads it. */
interface Target {
  title: string;
  /** The role noun ("engineer", "design", "analyst"), or the last word when none is known. */
  role: string;
  /** The other words: what kind of engineer, analyst or designer. */
  focus: string[];
}

/**
 * What scoring needs of a profile, computed once per ranking run. Treat as opaque: its
 * shape follows the scorer. Skill checks are memoized in it, so scoring many postings
 * judges each distinct skill name once.
 */
export interface PreparedProfile {
  readonly profile: Profile;
  readonly settings: Required<RankingSettings>;
  /** Canonical skills, lower case: listed, keywords, project keywords, named in the résumé. */
  readonly skills: ReadonlySet<string>;
  /** Skill (lower case) → years of the dated roles that name it. */
  readonly years: ReadonlyMap<string, number>;
  /** Years of dated work experience, overlapping roles counted once; null without dates. */
  readonly totalYears: number | null;
  /** Every word of the résumé (stemmed): evidence for skills the vocabulary does not know. */
  readonly evidence: ReadonlySet<string>;
  readonly targets: readonly Target[];
  /** BM25 query: word → weight (target titles 3, headline and skills 2, roles 1, themes 0.5). */
  readonly query: ReadonlyMap<string, number>;
  readonly avoid: ReadonlySet<string>;
  /** Lower-case cities, "country:state" areas and ISO countries the user would work in. */
  readonly cities: ReadonlySet<string>;
  readonly areas: ReadonlySet<string>;
  readonly countries: ReadonlySet<string>;
  /** Regions the user may work from: their country's, and regions they listed. */
  readonly regions: ReadonlySet<Region>;
  /** UTC offsets of the time zones the user works in. */
  readonly offsets: readonly number[];
  readonly checks: Map<string, SkillCheck>;
}

const DAY = 86_400_000;

function span(
  start: string | undefined,
  end: string | undefined,
  now: Date,
): [number, number] | null {
  const from = start === undefined ? NaN : Date.parse(start);
  const to = end === undefined ? now.getTime() : Date.parse(end);
  if (Number.isNaN(from) || Number.isNaN(to) || to < from) return null;
  return [from, to];
}

/** Total years covered by the spans, overlaps counted once. */
function coveredYears(spans: [number, number][]): number {
  let total = 0;
  let reach = -Infinity;
  for (const [from, to] of [...spans].sort((a, b) => a[0] - b[0])) {
    const start = Math.max(from, reach);
    if (to > start) total += to - start;
    reach = Math.max(reach, to);
  }
  return total / (365.25 * DAY);
}

/**
 * Prepares a profile for scoring. `now` dates open-ended roles (years of experience); it
 * defaults to the profile's last update so the result never depends on the clock.
 */
export function prepareProfile(
  profile: Profile,
  settings: Partial<RankingSettings> = {},
  now: Date = new Date(profile.updatedAt),
): PreparedProfile {
  const pref = profile.preferences;
  const skills = new Set(
    [
      ...profile.skills.flatMap((s) => [s.name, ...s.keywords]),
      ...profile.projects.flatMap((p) => p.keywords),
    ].map((s) => canonicalSkill(s).toLowerCase()),
  );
  const years = new Map<string, number>();
  const spans: [number, number][] = [];
  const resume: string[] = [profile.basics.label ?? '', profile.basics.summary ?? ''];
  for (const role of profile.work) {
    const text = [role.position, role.summary ?? '', ...role.highlights].join('\n');
    resume.push(text);
    const dates = span(role.startDate, role.endDate, now);
    if (dates !== null) spans.push(dates);
    const length = dates === null ? 0 : (dates[1] - dates[0]) / (365.25 * DAY);
    for (const skill of findSkills(text)) {
      const key = skill.toLowerCase();
      skills.add(key);
      years.set(key, (years.get(key) ?? 0) + length);
    }
  }
  for (const project of profile.projects)
    resume.push([project.name, project.description ?? '', ...project.highlights].join('\n'));
  for (const skill of findSkills(resume.join('\n'))) skills.add(skill.toLowerCase());

  const evidence = new Set<string>();
  for (const text of [
    ...resume,
    ...profile.skills.flatMap((s) => [s.name, ...s.keywords]),
    ...profile.projects.flatMap((p) => p.keywords),
    ...pref.targetTitles,
  ])
    for (const w of words(text)) evidence.add(w);

  // BM25 query: what the user is (titles, headline, skills), then what they have done.
  const query = new Map<string, number>();
  const add = (word: string, weight: number): void => {
    query.set(word, Math.max(query.get(word) ?? 0, weight));
  };
  for (const t of pref.targetTitles) for (const w of titleTerms(t)) add(w, 3);
  for (const w of titleTerms(profile.basics.label ?? '')) add(w, 2);
  for (const s of skills) for (const w of words(s)) add(w, 2);
  for (const role of profile.work) for (const w of titleTerms(role.position)) add(w, 1);
  // Themes: words the résumé's highlights and summaries come back to.
  const seen = new Map<string, number>();
  for (const text of resume.slice(1))
    for (const w of new Set(words(text))) seen.set(w, (seen.get(w) ?? 0) + 1);
  for (const [w, n] of seen) if (n >= 2 && w.length > 2 && !/^\d/.test(w)) add(w, 0.5);

  const cities = new Set<string>();
  const areas = new Set<string>();
  const countries = new Set<string>();
  const regions = new Set<Region>(regionsOfCountry(profile.basics.location?.countryCode));
  if (profile.basics.location?.city !== undefined)
    cities.add(profile.basics.location.city.toLowerCase());
  if (profile.basics.location?.countryCode !== undefined)
    countries.add(profile.basics.location.countryCode.toUpperCase());
  for (const place of pref.locations) {
    const where = normalizeLocation(place);
    if (where.city !== null) cities.add(where.city.toLowerCase());
    if (where.country !== null) countries.add(where.country);
    if (where.country !== null && where.region !== null)
      areas.add(`${where.country}:${where.region}`);
    for (const r of regionsIn(place)) regions.add(r);
  }
  const offsets = [
    ...new Set(
      pref.timeZones.map((z) => zoneOffset(z, now)).filter((o): o is number => o !== null),
    ),
  ];

  const targets: Target[] = [];
  for (const title of pref.targetTitles) {
    const tw = titleWords(title);
    const role = titleRole(title);
    if (role === null) continue;
    targets.push({ title, role, focus: tw.filter((w) => w !== role) });
  }

  return {
    profile,
    settings: {
      weights: settings.weights ?? DEFAULT_RANKING_SETTINGS.weights,
      recency: settings.recency ?? DEFAULT_RANKING_SETTINGS.recency,
      exchangeRates: { ...USD_PER_UNIT, ...settings.exchangeRates },
    },
    skills,
    years,
    totalYears: spans.length === 0 ? null : coveredYears(spans),
    evidence,
    targets,
    query,
    avoid: new Set(pref.avoidCompanies.map((c) => normalizeCompany(c))),
    cities,
    areas,
    countries,
    regions,
    offsets,
    checks: new Map(),
  };
}

/**
 * Whether the profile shows a skill, and for how many years of its dated roles. A skill the
 * vocabulary knows must be named (in any spelling); one it does not know counts when every
 * word of it appears in the résumé ("Mobile App Design" for a mobile app designer).
 */
export function checkSkill(name: string, p: PreparedProfile): SkillCheck {
  const memo = p.checks.get(name);
  if (memo !== undefined) return memo;
  const key = name.toLowerCase();
  let matched = p.skills.has(key);
  if (!matched && findSkills(name).length === 0) {
    const parts = words(name).filter((w) => !STOPWORDS.has(w));
    matched = parts.length > 0 && parts.every((w) => p.evidence.has(w));
  }
  const have = p.years.get(key);
  const check: SkillCheck = {
    name,
    matched,
    yearsAsked: null,
    yearsHave: have === undefined ? null : Math.round(have * 10) / 10,
  };
  p.checks.set(name, check);
  return check;
}

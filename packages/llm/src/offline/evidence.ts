import { extractSkills, normalizeSkill, normalizeSkills, type Profile } from '@applydesk/domain';
import { mergedMonths, monthOf, parseResumeDate } from './dates.js';
import { profileFacts, type EvidenceSource, type ProfileFact } from './profile-facts.js';
import { contentTerms, sharedTerms } from './text.js';

export type { EvidenceSource } from './profile-facts.js';

/** A profile statement that shows the user has a skill. */
export interface Evidence {
  /** Canonical skill it shows ('' when it was matched on the requirement's wording instead). */
  skill: string;
  source: EvidenceSource;
  /** The profile's exact text. */
  text: string;
  /** Where in the profile, e.g. "Senior Engineer at Acme (2019–2023)". */
  where: string;
}

/** Evidence with what the writer needs to phrase and rank it. */
export interface RankedEvidence extends Evidence {
  fact: ProfileFact;
  tier: number;
}

/** A highlight counts as recent when its role ended within this many months. */
const RECENT_MONTHS = 60;

/**
 * How strong a fact is as evidence: a recent measured work result, then any work
 * highlight, a role summary, a project, a certificate or degree, and last a bare listing.
 */
function tierOf(fact: ProfileFact, now: Date): number {
  switch (fact.source) {
    case 'work': {
      if (fact.part !== 'highlight') return 3.5;
      const recent = fact.endMonth !== null && fact.endMonth >= monthOf(now) - RECENT_MONTHS;
      return fact.quantified && recent ? 5 : 4;
    }
    case 'project':
      return 3;
    case 'certificate':
    case 'education':
      return 2;
    case 'skill':
      return 1;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * True when the text names the skill: by the shared vocabulary (so "ReactJS" is React),
 * else by the skill's own spelling for skills outside it ("Stripe"). "Go" only counts in
 * the forms the vocabulary accepts, since it is also a verb.
 */
export function textMentionsSkill(text: string, skill: string): boolean {
  const canonical = normalizeSkill(skill).toLowerCase();
  if (extractSkills(text).some((s) => s.toLowerCase() === canonical)) return true;
  if (canonical === 'go') return false;
  const oneWord = /^[A-Za-z]+$/.test(skill);
  return new RegExp(
    `(^|[^A-Za-z0-9+#])${escapeRegExp(skill)}(?![A-Za-z0-9+#])`,
    oneWord ? '' : 'i',
  ).test(text);
}

function factMentions(fact: ProfileFact, skill: string): boolean {
  return fact.skills.has(skill.toLowerCase()) || textMentionsSkill(fact.text, skill);
}

function compareRanked(a: RankedEvidence, b: RankedEvidence): number {
  return (
    b.tier - a.tier ||
    (b.fact.endMonth ?? -1) - (a.fact.endMonth ?? -1) ||
    a.fact.order - b.fact.order
  );
}

/** The latest date the profile mentions: the reference for "recent" when no date is given. */
function latestProfileDate(profile: Profile): Date {
  const months = profile.work
    .flatMap((w) => [w.startDate, w.endDate])
    .map(parseResumeDate)
    .filter((m): m is number => m !== null);
  const latest = months.length === 0 ? 0 : Math.max(...months);
  return new Date(Date.UTC(Math.floor(latest / 12), latest % 12, 1));
}

/** Evidence for the skills with its rank, best first; one entry per skill and statement. */
export function rankEvidence(
  profile: Profile,
  skills: readonly string[],
  now: Date,
): RankedEvidence[] {
  const facts = profileFacts(profile, now);
  const ranked: RankedEvidence[] = [];
  for (const skill of normalizeSkills(skills)) {
    for (const fact of facts) {
      if (!factMentions(fact, skill)) continue;
      ranked.push({
        skill,
        source: fact.source,
        text: fact.text,
        where: fact.where,
        fact,
        tier: tierOf(fact, now),
      });
    }
  }
  // Array.prototype.sort is stable, so equal ranks keep skill order.
  return ranked.sort(compareRanked);
}

/**
 * Profile statements that show the skills, best first: a recent work highlight with a
 * number, then other highlights, projects, certificates and degrees, then skill listings.
 * `now` decides what "recent" means (default: the profile's latest date).
 */
export function findEvidence(
  profile: Profile,
  skills: readonly string[],
  options: { now?: Date } = {},
): Evidence[] {
  return rankEvidence(profile, skills, options.now ?? latestProfileDate(profile)).map(
    ({ skill, source, text, where }) => ({
      skill,
      source,
      text,
      where,
    }),
  );
}

/**
 * Work and project statements that share at least `minShared` content words with the
 * text: evidence for requirements that name no skill ("payment systems or ledgers").
 */
export function evidenceByWording(
  profile: Profile,
  text: string,
  now: Date,
  minShared = 2,
): RankedEvidence[] {
  const wanted = contentTerms(text);
  const scored: { evidence: RankedEvidence; shared: number }[] = [];
  for (const fact of profileFacts(profile, now)) {
    if (fact.source !== 'work' && fact.source !== 'project') continue;
    const shared = sharedTerms(wanted, contentTerms(fact.text)).length;
    if (shared < minShared) continue;
    scored.push({
      evidence: {
        skill: '',
        source: fact.source,
        text: fact.text,
        where: fact.where,
        fact,
        tier: tierOf(fact, now),
      },
      shared,
    });
  }
  return scored
    .sort((a, b) => b.shared - a.shared || compareRanked(a.evidence, b.evidence))
    .map((s) => s.evidence);
}

/** Work and project statements whose text matches `pattern`, best first. */
export function evidenceMatching(profile: Profile, pattern: RegExp, now: Date): RankedEvidence[] {
  const found: RankedEvidence[] = [];
  for (const fact of profileFacts(profile, now)) {
    if (fact.source !== 'work' && fact.source !== 'project') continue;
    if (!pattern.test(fact.text)) continue;
    found.push({
      skill: '',
      source: fact.source,
      text: fact.text,
      where: fact.where,
      fact,
      tier: tierOf(fact, now),
    });
  }
  return found.sort(compareRanked);
}

function workText(work: Profile['work'][number]): string {
  return [work.position, work.summary ?? '', ...work.highlights].join('\n');
}

function spanOf(work: Profile['work'][number], now: Date): [number, number] | null {
  const start = parseResumeDate(work.startDate);
  if (start === null) return null;
  const end =
    work.endDate === undefined || work.endDate.trim() === ''
      ? monthOf(now)
      : parseResumeDate(work.endDate);
  return end === null ? null : [start, end];
}

function toYears(months: number): number {
  return Math.round((months / 12) * 10) / 10;
}

/**
 * Years the user has worked with a skill: the dated work entries whose text names it,
 * overlaps counted once, an open end counted up to `now`. Null when no dated entry names it.
 */
export function yearsWithSkill(profile: Profile, skill: string, now: Date): number | null {
  const spans = profile.work
    .filter((work) => textMentionsSkill(workText(work), skill))
    .map((work) => spanOf(work, now))
    .filter((span): span is [number, number] => span !== null);
  return spans.length === 0 ? null : toYears(mergedMonths(spans));
}

/** Years across all dated work entries, overlaps counted once; null when none is dated. */
export function totalWorkYears(profile: Profile, now: Date): number | null {
  const spans = profile.work
    .map((work) => spanOf(work, now))
    .filter((span): span is [number, number] => span !== null);
  return spans.length === 0 ? null : toYears(mergedMonths(spans));
}

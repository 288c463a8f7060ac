import type { GroundingClaim, GroundingReport, Job, Profile } from '@applydesk/domain';
import { mergedMonths, monthOf, parseResumeDate } from '../offline/dates.js';
import { findEvidence, textMentionsSkill } from '../offline/evidence.js';
import { postingText } from '../offline/sections.js';
import { contentTerms, sharedTerms } from '../offline/text.js';
import {
  certificationSpans,
  degreeSpans,
  employerSpans,
  numberSpans,
  rangeSpans,
  skillSpans,
  titleSpans,
  yearsSpans,
  type DegreeSpan,
  type NamedSpan,
  type NumberSpan,
  type RangeSpan,
  type SkillSpan,
  type Span,
  type YearsSpan,
} from './claims.js';
import { derivedValues, numbersIn } from './numbers.js';
import { indexProfile, type ProfileIndex } from './profile-index.js';
import { userClauses, type Clause } from './segments.js';

export interface GroundingOptions {
  /** The posting the draft answers: its company name is not a claim about the user. */
  job?: Job;
  /** The clock years of experience are counted up to (default: now). */
  now?: Date;
}

interface Verdict {
  supported: boolean;
  evidence: string | null;
  reason?: string;
}

const ok = (evidence: string): Verdict => ({ supported: true, evidence });
const no = (reason: string): Verdict => ({ supported: false, evidence: null, reason });

/** Claiming 5 years when the profile shows 4.6 is rounding; claiming 8 on 4 is not. */
const YEARS_SLACK = 0.5;

function fmtYears(years: number): string {
  return `${Math.round(years * 10) / 10}`;
}

function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/\b(?:inc|ltd|llc|gmbh|corp|co|plc|sa|ag)\b\.?/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function sameOrganisation(claimed: string, known: string): boolean {
  const a = normalizeName(claimed);
  const b = normalizeName(known);
  if (a === '' || b === '') return false;
  if (a === b || b.includes(a) || a.includes(b)) return true;
  const first = b.split(' ')[0] ?? '';
  return first.length >= 4 && a.split(' ')[0] === first;
}

function wordIn(text: string, name: string): boolean {
  return new RegExp(
    `(^|[^A-Za-z0-9])${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?![A-Za-z0-9])`,
  ).test(text);
}

function roleYears(index: ProfileIndex, employer: string): { years: number; where: string } | null {
  const work = index.profile.work.find((w) => sameOrganisation(employer, w.name));
  if (work === undefined) return null;
  const start = parseResumeDate(work.startDate);
  const end =
    work.endDate === undefined || work.endDate.trim() === ''
      ? monthOf(index.now)
      : parseResumeDate(work.endDate);
  if (start === null || end === null) return null;
  return {
    years: mergedMonths([[start, end]]) / 12,
    where: index.roles.find((r) => r.employer === work.name)?.where ?? work.name,
  };
}

/** The role's text names the skill, by the shared vocabulary or the claim finder's own reading. */
function roleNames(work: Profile['work'][number], skill: string): boolean {
  const text = [work.position, work.summary ?? '', ...work.highlights].join('\n');
  return textMentionsSkill(text, skill) || skillSpans(text).some((s) => s.skill === skill);
}

function totalYears(index: ProfileIndex, skill: string | null): number | null {
  const spans = index.profile.work
    .filter((w) => skill === null || roleNames(w, skill))
    .map((w): [number, number] | null => {
      const start = parseResumeDate(w.startDate);
      const end =
        w.endDate === undefined || w.endDate.trim() === ''
          ? monthOf(index.now)
          : parseResumeDate(w.endDate);
      return start === null || end === null ? null : [start, end];
    })
    .filter((s): s is [number, number] => s !== null);
  return spans.length === 0 ? null : mergedMonths(spans) / 12;
}

/** A profile statement saying at least as many years about the same thing ("9 years of experience"). */
function statedYears(index: ProfileIndex, years: number, skill: string | null): string | null {
  for (const s of index.statements) {
    for (const span of yearsSpans(s.text, [])) {
      const sameScope = skill === null ? span.skills.length === 0 : span.skills.includes(skill);
      if (sameScope && span.years !== null && span.years >= years - 0.01) return s.text;
    }
  }
  return null;
}

function checkYears(index: ProfileIndex, span: YearsSpan): Verdict {
  if (span.since !== null) {
    const starts = index.profile.work
      .filter((w) => span.skills.length === 0 || span.skills.some((skill) => roleNames(w, skill)))
      .filter((w) => span.employer === null || sameOrganisation(span.employer, w.name))
      .map((w) => ({ month: parseResumeDate(w.startDate), where: workWhereOf(index, w.name) }))
      .filter((s): s is { month: number; where: string } => s.month !== null)
      .sort((a, b) => a.month - b.month);
    const first = starts[0];
    if (first === undefined)
      return no(
        `No dated role in the profile backs "since ${span.since}"${span.skills.length > 0 ? ` for ${span.skills.join(', ')}` : ''}.`,
      );
    return Math.floor(first.month / 12) <= span.since
      ? ok(first.where)
      : no(
          `The profile's earliest matching role starts in ${Math.floor(first.month / 12)}, not ${span.since}.`,
        );
  }
  const claimed = span.years ?? 0;
  if (span.employer !== null && span.skills.length === 0) {
    const role = roleYears(index, span.employer);
    if (role === null) return no(`The profile has no dated role at ${span.employer}.`);
    return claimed <= role.years + YEARS_SLACK
      ? ok(role.where)
      : no(`The profile shows ${fmtYears(role.years)} years at ${span.employer}, not ${claimed}.`);
  }
  const skills = span.skills.length === 0 ? [null] : span.skills;
  const evidence: string[] = [];
  for (const skill of skills) {
    const actual = totalYears(index, skill);
    if (actual !== null && claimed <= actual + YEARS_SLACK) {
      evidence.push(
        skill === null
          ? `${fmtYears(actual)} years across the dated roles`
          : `${fmtYears(actual)} years in roles that mention ${skill}`,
      );
      continue;
    }
    const stated = statedYears(index, claimed, skill);
    if (stated !== null) {
      evidence.push(stated);
      continue;
    }
    const what = skill === null ? 'of experience' : `with ${skill}`;
    return no(
      actual === null
        ? `The profile has no dated role ${what}.`
        : `The profile shows about ${fmtYears(actual)} years ${what}, not ${claimed}.`,
    );
  }
  return ok(evidence.join('; '));
}

function checkRange(index: ProfileIndex, span: RangeSpan): Verdict {
  const work = index.profile.work.find((w) => w.name === span.employer);
  if (work === undefined) return ok('');
  const start = parseResumeDate(work.startDate);
  const open = work.endDate === undefined || work.endDate.trim() === '';
  const end = open ? null : parseResumeDate(work.endDate);
  const where = workWhereOf(index, work.name);
  if (start === null) return no(`The profile gives no dates for ${work.name}.`);
  const startYear = Math.floor(start / 12);
  const endYear = end === null ? null : Math.floor(end / 12);
  if (span.from !== startYear)
    return no(`The profile's role at ${work.name} starts in ${startYear}, not ${span.from}.`);
  if (span.to === null ? !open : span.to !== endYear)
    return no(
      `The profile's role at ${work.name} ends ${endYear === null ? 'at present' : `in ${endYear}`}, not ${span.to ?? 'at present'}.`,
    );
  return ok(where);
}

function workWhereOf(index: ProfileIndex, employer: string): string {
  return index.roles.find((r) => r.employer === employer)?.where ?? employer;
}

function checkEmployer(index: ProfileIndex, span: NamedSpan): Verdict {
  const role = index.roles.find((r) => sameOrganisation(span.name, r.employer));
  if (role !== undefined) return ok(role.where);
  const p = index.profile;
  const other = [
    ...p.projects.map((x) => x.name),
    ...p.education.map((x) => x.institution),
    ...p.certificates.map((x) => x.issuer ?? ''),
  ].find((name) => name !== '' && sameOrganisation(span.name, name));
  if (other !== undefined) return ok(other);
  // Named somewhere in the profile (a client, a market): not an invented organisation.
  if (wordIn(index.allText, span.name)) return ok(`"${span.name}" appears in the profile`);
  return no(`The profile has no role at or work for ${span.name}.`);
}

/** Words that describe the person, not the title: "a detail-oriented analyst" is an analyst. */
const TITLE_FILLER = new Set(
  (
    'a an the software professional experienced seasoned passionate dedicated skilled hands on ' +
    'and of detail oriented driven minded focused results motivated curious creative pragmatic ' +
    'versatile reliable analytical proactive self taught starter strong quick fast talented ' +
    'curious thoughtful meticulous friendly collaborative independent'
  ).split(' '),
);
const ROLE_SYNONYM: Readonly<Record<string, string>> = {
  developer: 'engineer',
  freelancer: 'freelance',
  programmer: 'engineer',
  dev: 'engineer',
  sr: 'senior',
  jr: 'junior',
};

function titleTokens(title: string): string[] {
  return title
    .toLowerCase()
    .replace(/full[\s-]stack/g, 'fullstack')
    .replace(/front[\s-]end/g, 'frontend')
    .replace(/back[\s-]end/g, 'backend')
    .split(/[^a-z0-9+#]+/)
    .filter((t) => t !== '' && !TITLE_FILLER.has(t))
    .map((t) => (t.length > 3 && t.endsWith('s') ? t.slice(0, -1) : t))
    .map((t) => ROLE_SYNONYM[t] ?? t);
}

function checkTitle(index: ProfileIndex, span: NamedSpan): Verdict {
  const wanted = titleTokens(span.name);
  if (wanted.length === 0) return ok('');
  const scoped =
    span.employer === null || span.employer === undefined
      ? []
      : index.roles.filter((r) => sameOrganisation(span.employer!, r.employer));
  const candidates =
    scoped.length > 0
      ? scoped.map((r) => ({ title: r.position, where: r.where }))
      : [
          ...index.roles.map((r) => ({ title: r.position, where: r.where })),
          ...(index.profile.basics.label === undefined
            ? []
            : [{ title: index.profile.basics.label, where: 'Headline' }]),
        ];
  for (const c of candidates) {
    const have = new Set(titleTokens(c.title));
    if (wanted.every((t) => have.has(t))) return ok(c.where);
  }
  const at = scoped.length > 0 ? ` at ${scoped[0]!.employer}` : '';
  const held = (scoped.length > 0 ? scoped : index.roles).map((r) => r.position);
  return no(
    `The profile has no "${span.name}" title${at}${held.length > 0 ? ` (it lists: ${held.join('; ')})` : ''}.`,
  );
}

const CERT_FILLER = new Set(
  'a an the certified certification certifications certificate certificates cert in of and for as professional hold holding'.split(
    ' ',
  ),
);

function certTokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9+]+/)
    .filter((t) => t !== '' && !CERT_FILLER.has(t));
}

function initials(name: string): string {
  return name
    .split(/[^A-Za-z]+/)
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0])
    .join('')
    .toLowerCase();
}

function checkCertification(index: ProfileIndex, span: NamedSpan): Verdict {
  const wanted = certTokens(span.name);
  if (wanted.length === 0) return ok('');
  for (const c of index.profile.certificates) {
    const full = `${c.name} ${c.issuer ?? ''}`;
    const have = new Set([...certTokens(full), initials(c.name)]);
    if (wanted.every((t) => have.has(t))) return ok(c.name);
  }
  const held = index.profile.certificates.map((c) => c.name);
  return no(
    `The profile lists no such certificate${held.length > 0 ? ` (it lists: ${held.join('; ')})` : ''}.`,
  );
}

const AREA_ABBREVIATIONS: Readonly<Record<string, string>> = {
  cs: 'computer science',
  econ: 'economics',
  ee: 'electrical engineering',
  hci: 'human computer interaction',
};

function levelOfStudy(studyType: string | undefined): DegreeSpan['level'] {
  const s = (studyType ?? '').toLowerCase().replace(/[.\s]/g, '');
  if (/^(?:b|bachelor)/.test(s)) return 'bachelor';
  if (/^(?:m|master)/.test(s)) return 'master';
  if (/^(?:phd|doctor|dphil)/.test(s)) return 'doctorate';
  return null;
}

const SCHOOL_GENERIC = new Set(
  'university of the college institute school technology de'.split(' '),
);

function sameSchool(claimed: string, institution: string): boolean {
  if (sameOrganisation(claimed, institution)) return true;
  const a = claimed.toLowerCase();
  if (a.replace(/[^a-z]/g, '') === initials(institution)) return true;
  const words = normalizeName(claimed)
    .split(' ')
    .filter((w) => !SCHOOL_GENERIC.has(w));
  const have = new Set(normalizeName(institution).split(' '));
  return words.length > 0 && words.every((w) => have.has(w));
}

function checkDegree(index: ProfileIndex, span: DegreeSpan): Verdict {
  const schools = index.profile.education;
  if (schools.length === 0) return no('The profile lists no education.');
  const problems: string[] = [];
  for (const e of schools) {
    const where = [e.studyType, e.area].filter(Boolean).join(' in ') + `, ${e.institution}`;
    if (span.level !== null && levelOfStudy(e.studyType) !== span.level) {
      problems.push(`the profile lists ${e.studyType ?? 'a degree'}, not a ${span.level}'s`);
      continue;
    }
    if (span.area !== null) {
      const area = span.area
        .split(/\s+/)
        .map((w) => AREA_ABBREVIATIONS[w.toLowerCase()] ?? w)
        .join(' ');
      // Every subject word must be the profile's: "Graphic Design" is not "Industrial Design".
      const wanted = [...contentTerms(area)];
      const have = contentTerms(e.area ?? '');
      if (wanted.length === 0 || sharedTerms(new Set(wanted), have).length < wanted.length) {
        problems.push(`the profile's degree is in ${e.area ?? 'an unstated subject'}`);
        continue;
      }
    }
    if (span.school !== null && !sameSchool(span.school, e.institution)) {
      problems.push(`the profile's school is ${e.institution}`);
      continue;
    }
    return ok(where);
  }
  const reason = problems[0] ?? 'no matching degree';
  return no(`${reason.charAt(0).toUpperCase()}${reason.slice(1)}.`);
}

function checkSkill(index: ProfileIndex, span: SkillSpan, cache: Map<string, Verdict>): Verdict {
  const cached = cache.get(span.skill);
  if (cached !== undefined) return cached;
  const found = findEvidence(index.profile, [span.skill], { now: index.now })[0];
  let verdict: Verdict;
  if (found !== undefined) verdict = ok(found.text);
  else {
    const stated = index.statements.find((s) => textMentionsSkill(s.text, span.skill));
    verdict =
      stated !== undefined ? ok(stated.text) : no(`${span.skill} appears nowhere in the profile.`);
  }
  cache.set(span.skill, verdict);
  return verdict;
}

function significantDigits(value: number): number {
  return String(value)
    .replace(/^0\.?0*/, '')
    .replace(/\./, '')
    .replace(/0+$/, '').length;
}

function checkNumber(index: ProfileIndex, span: NumberSpan, clause: Clause): Verdict {
  const { mention } = span;
  const context = contentTerms(clause.sentence);
  // "over 1,000 stars" is true of 1,300; "about 400" of ~400. A bare number must match.
  const hedge =
    /\b(over|more than|at least|nearly|almost|about|around|roughly|approximately)\s*$|~\s*$/i.exec(
      clause.masked.slice(0, span.start),
    )?.[1];
  const matches = (value: number): boolean => {
    const claimed = mention.value;
    if (hedge !== undefined && /^(?:over|more than|at least)$/i.test(hedge))
      return value >= claimed && value <= claimed * 1.5;
    if (hedge !== undefined) return Math.abs(value - claimed) <= 0.1 * Math.abs(claimed);
    return Math.abs(value - claimed) <= Math.max(0.001, 0.005 * Math.abs(claimed));
  };
  let sameValueElsewhere = false;
  for (const s of index.statements) {
    const values = numbersIn(s.text).filter(
      (n) => n.percent === mention.percent && matches(n.value),
    );
    const derived = derivedValues(s.text);
    const derivedMatch =
      (mention.percent && derived.percent.some((p) => Math.abs(p - mention.value) <= 1.5)) ||
      (mention.ratio && derived.ratio.some((r) => Math.abs(r - mention.value) <= 0.35));
    if (values.length === 0 && !derivedMatch) continue;
    if (
      sharedTerms(context, contentTerms(s.text)).length > 0 ||
      significantDigits(mention.value) >= 3
    )
      return ok(s.text);
    sameValueElsewhere = true;
  }
  return no(
    sameValueElsewhere
      ? `${mention.text} appears in the profile, but about something else.`
      : `${mention.text} appears nowhere in the profile.`,
  );
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Finds the claims a draft makes about the user (first-person statements and resume
 * bullets) and checks each against the profile: employers, titles, years, numbers,
 * skills, certifications and degrees. Text about the posting, questions and things the
 * user means to learn are not claims.
 */
export function checkGrounding(
  text: string,
  profile: Profile,
  options: GroundingOptions = {},
): GroundingReport {
  const index = indexProfile(profile, options.now ?? new Date());
  const employers = profile.work.map((w) => w.name);
  const skillCache = new Map<string, Verdict>();
  const claims: GroundingClaim[] = [];
  const add = (clause: Clause, span: Span, verdict: Verdict): void => {
    const start = clause.start + span.start;
    const end = clause.start + span.end;
    const claim: GroundingClaim = {
      text: text.slice(start, end),
      supported: verdict.supported,
      evidence: verdict.supported ? verdict.evidence : null,
      confirmedByUser: false,
      kind: span.kind,
      start,
      end,
    };
    if (!verdict.supported && verdict.reason !== undefined) claim.reason = verdict.reason;
    claims.push(claim);
  };

  const posting =
    options.job === undefined
      ? undefined
      : [
          options.job.title,
          postingText(options.job),
          ...(options.job.freelance?.screeningQuestions ?? []),
        ].join('\n');
  for (const clause of userClauses(text, options.job?.company, posting, options.job?.title)) {
    const m = clause.masked;
    const certs = certificationSpans(m);
    const degrees = degreeSpans(m);
    const titles = titleSpans(m, employers).filter((t) => !certs.some((c) => overlaps(c, t)));
    const company = options.job?.company;
    const ranges = clause.header || clause.bullet ? rangeSpans(m, employers) : [];
    const orgs = employerSpans(m).filter(
      (e) =>
        !degrees.some((d) => overlaps(d, e)) &&
        !certs.some((c) => overlaps(c, e)) &&
        // "the Data Analyst role at Brightpath": the posting's own company is not a claim.
        (company === undefined || !sameOrganisation(e.name, company)),
    );
    const years = yearsSpans(m, employers, orgs);
    const skills = skillSpans(m).filter(
      (s) =>
        !certs.some((c) => overlaps(c, s)) &&
        !degrees.some((d) => overlaps(d, s)) &&
        !orgs.some((o) => overlaps(o, s)),
    );
    const numbers = numberSpans(
      m,
      [...years, ...ranges, ...certs, ...degrees, ...skills],
      clause.sentence.slice(0, clause.inSentence),
    );

    for (const span of years) add(clause, span, checkYears(index, span));
    for (const span of ranges) add(clause, span, checkRange(index, span));
    for (const span of orgs) add(clause, span, checkEmployer(index, span));
    for (const span of titles) add(clause, span, checkTitle(index, span));
    for (const span of certs) add(clause, span, checkCertification(index, span));
    for (const span of degrees) add(clause, span, checkDegree(index, span));
    for (const span of skills) add(clause, span, checkSkill(index, span, skillCache));
    for (const span of numbers) add(clause, span, checkNumber(index, span, clause));
  }
  claims.sort((a, b) => (a.start ?? 0) - (b.start ?? 0) || (a.end ?? 0) - (b.end ?? 0));
  return { claims, unsupportedCount: claims.filter((c) => !c.supported).length };
}

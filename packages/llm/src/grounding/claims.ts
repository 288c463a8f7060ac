/**
 * Claim finders: each reads the unmasked part of a clause about the user and returns the
 * spans that state something checkable (an employer, a title, years, a number, a skill, a
 * certificate, a degree). Offsets are relative to the clause.
 */
import { extractSkills, type GroundingClaimKind } from '@applydesk/domain';
import { numbersIn, isYear, type NumberMention } from './numbers.js';

export interface Span {
  kind: GroundingClaimKind;
  start: number;
  end: number;
}

export interface YearsSpan extends Span {
  kind: 'years';
  /** Years claimed; for "since 2015" the calendar year is in `since`. */
  years: number | null;
  since: number | null;
  skills: string[];
  employer: string | null;
}

export interface NamedSpan extends Span {
  /** The name as written: employer, title, certificate, school. */
  name: string;
  /** For titles: the employer written beside it ("Staff Engineer at Acme"). */
  employer?: string | null;
}

export interface DegreeSpan extends Span {
  kind: 'degree';
  level: 'bachelor' | 'master' | 'doctorate' | null;
  area: string | null;
  school: string | null;
}

export interface SkillSpan extends Span {
  kind: 'skill';
  skill: string;
}

export interface NumberSpan extends Span {
  kind: 'number';
  mention: NumberMention;
}

const ROLE =
  '(?:engineer|developer|designer|analyst|manager|lead|architect|scientist|consultant|intern|director|head of [a-z]+|cto|vp|officer|specialist|administrator|programmer|researcher|founder|co-founder|freelancer|strategist|writer|marketer)s?';

/** The same role nouns as written in a heading: "Senior Backend Engineer". */
const ROLE_CAP =
  '(?:Engineer|Developer|Designer|Analyst|Manager|Lead|Architect|Scientist|Consultant|Intern|Director|Head of [A-Z][a-z]+|CTO|VP|Officer|Specialist|Administrator|Programmer|Researcher|Founder|Co-founder|Freelancer|Strategist|Writer|Marketer)s?';

/** "Go" the language, in the forms people write it about themselves. */
const GO =
  /\bGolang\b|(?<=\b(?:in|with|of|using|writing|and|or|to|from)\s)Go\b(?![-'’])|\bGo(?=\s*(?:,|and|or|\/)\s*(?:Python|Rust|Java|Node|TypeScript|Kotlin|Scala|Elixir)\b)/g;

/** Where each skill the text names first appears, shortest spelling first. */
export function skillSpans(masked: string): SkillSpan[] {
  const tokens = [...masked.matchAll(/\.?[A-Za-z0-9][A-Za-z0-9+#./&-]*/g)].map((m) => {
    const text = m[0].replace(/[./&-]+$/, '');
    return { start: m.index, end: m.index + text.length };
  });
  const found = new Map<string, SkillSpan>();
  for (let size = 1; size <= 4; size++) {
    for (let i = 0; i + size <= tokens.length; i++) {
      const start = tokens[i]!.start;
      const end = tokens[i + size - 1]!.end;
      for (const skill of extractSkills(masked.slice(start, end))) {
        if (found.has(skill)) continue;
        // A longer window only counts when no token inside already explained it.
        found.set(skill, { kind: 'skill', skill, start, end });
      }
    }
  }
  found.delete('Go');
  for (const m of masked.matchAll(GO)) {
    if (!found.has('Go'))
      found.set('Go', { kind: 'skill', skill: 'Go', start: m.index, end: m.index + m[0].length });
  }
  return [...found.values()].sort((a, b) => a.start - b.start);
}

const YEAR_WORDS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
};

const YEARS =
  /\b(?:(?:over|more than|nearly|almost|about|around|roughly|close to|at least|some)\s+)?(\d{1,2}(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|a|an)\s*(?:\+|-plus|\s+plus)?\s*(?:full\s+|professional\s+|solid\s+)?(?:years?|yrs?)\b(?:['’]s?)?(\s+and\s+a\s+half)?/gi;
const DECADES = /\b(?:(?:over|more than|nearly|almost|about)\s+)?(a|one|two)\s+decades?\b/gi;
const SINCE = /\bsince\s+(?:early\s+|late\s+|mid-?)?((?:19|20)\d{2})\b/gi;

/** Claims of time: "8 years of Go", "a decade in payments", "since 2015". */
export function yearsSpans(
  masked: string,
  employers: readonly string[],
  blocked: readonly Span[] = [],
): YearsSpan[] {
  const spans: YearsSpan[] = [];
  // Organisation names ("worked for Google Cloud") are not the skill a duration is about.
  for (const b of blocked)
    masked = masked.slice(0, b.start) + ' '.repeat(b.end - b.start) + masked.slice(b.end);
  const scope = (from: number, to: number): Pick<YearsSpan, 'skills' | 'employer' | 'end'> => {
    const after = masked.slice(to, to + 60);
    const employer =
      employers.find((e) =>
        new RegExp(`^\\s*(?:at|with|for)\\s+${escapeRegExp(e.split(/\s+/)[0] ?? e)}`, 'i').test(
          after,
        ),
      ) ?? null;
    const afterSkills = skillSpans(after).filter((s) => s.start < 45);
    if (afterSkills.length > 0)
      return {
        skills: afterSkills.map((s) => s.skill),
        employer,
        end: to + Math.max(...afterSkills.map((s) => s.end)),
      };
    if (employer !== null) return { skills: [], employer, end: to };
    // "a Go developer with 8 years": the skill is named before.
    const beforeText = masked.slice(Math.max(0, from - 40), from);
    // "worked with Salesforce for 2 years": the duration belongs to what came before.
    const before = /\b(?:for|with|having)\s*$/.test(beforeText)
      ? skillSpans(/\bfor\s*$/.test(beforeText) ? masked.slice(0, from) : beforeText)
      : [];
    return { skills: before.map((s) => s.skill), employer: null, end: to };
  };
  for (const m of masked.matchAll(YEARS)) {
    const end = m.index + m[0].length;
    const tail = masked.slice(end, end + 12);
    const head = masked.slice(Math.max(0, m.index - 16), m.index);
    // "two years ago", "in the next two years", "a year" as a rate are not experience.
    if (/^\s*(?:ago|old|from now|later)\b/i.test(tail)) continue;
    if (/\b(?:next|last|past|per|a|each|every|within|in)\s*$/i.test(head)) continue;
    const word = m[1]!.toLowerCase();
    if ((word === 'a' || word === 'an') && !/^\s*(?:of|in|with|building|working)\b/i.test(tail))
      continue;
    let years = YEAR_WORDS[word] ?? Number(word);
    if (m[2] !== undefined) years += 0.5;
    const s = scope(m.index, end);
    spans.push({ kind: 'years', start: m.index, years, since: null, ...s });
  }
  for (const m of masked.matchAll(DECADES)) {
    const end = m.index + m[0].length;
    const s = scope(m.index, end);
    spans.push({
      kind: 'years',
      start: m.index,
      years: m[1]!.toLowerCase() === 'two' ? 20 : 10,
      since: null,
      ...s,
    });
  }
  for (const m of masked.matchAll(SINCE)) {
    const end = m.index + m[0].length;
    // The skill usually comes before: "I've written Go since 2016".
    const before = skillSpans(masked.slice(Math.max(0, m.index - 50), m.index));
    const employer =
      employers.find((e) => masked.slice(0, m.index).includes(e.split(/\s+/)[0] ?? e)) ?? null;
    spans.push({
      kind: 'years',
      start: m.index,
      end,
      years: null,
      since: Number(m[1]),
      skills: before.map((b) => b.skill),
      employer,
    });
  }
  return spans;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Capitalized words that are not organisations. */
const NOT_ORGANISATIONS = new Set(
  (
    'I January February March April May June July August September October November December ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday US USA UK EU Europe European America ' +
    'American North South East West Asia APAC EMEA LATAM Remote The A An My Our This That Day ' +
    'Q1 Q2 Q3 Q4 English Spanish German French Polish'
  ).split(' '),
);

const NAME = "[A-Z][\\w&'’.-]*(?:\\s+(?:[A-Z][\\w&'’.-]*|&|of|de|and)){0,4}";

function tidyName(raw: string): string {
  const words = raw
    .replace(/['’]s$/, '')
    .replace(/[.,]+$/, '')
    .split(/\s+/);
  // Stop at "I" ("at Parcelion I led") and drop trailing connectors.
  const cut = words.indexOf('I');
  const kept = cut >= 0 ? words.slice(0, cut) : words;
  while (kept.length > 0 && /^(?:of|and|&|de)$/.test(kept[kept.length - 1]!)) kept.pop();
  return kept.join(' ').replace(/['’]s$/, '');
}

/** "at Stripe", "worked for Acme", "joined Parcelion": organisations the user says they worked at. */
export function employerSpans(masked: string): NamedSpan[] {
  const spans: NamedSpan[] = [];
  const re = new RegExp(`\\b([Aa]t|[Ff]or|[Jj]oined|[Ww]ith)\\s+(${NAME})`, 'g');
  for (const m of masked.matchAll(re)) {
    const verb = m[1]!.toLowerCase();
    const before = masked.slice(Math.max(0, m.index - 24), m.index);
    if (
      verb === 'with' &&
      !/\b(?:worked|working|work|been|interned|consulted|contracted|employed)\s*$/i.test(before)
    )
      continue;
    const name = tidyName(m[2]!);
    if (name === '' || NOT_ORGANISATIONS.has(name)) continue;
    // A tool after "for"/"with" ("built for Kubernetes") is a skill, not an employer.
    const employed =
      verb === 'for' &&
      /\b(?:worked|working|work|was|been|employed|interned|consulted)\s*$/i.test(before);
    if (verb !== 'at' && verb !== 'joined' && !employed && extractSkills(name).length > 0) continue;
    const start = m.index + m[0].indexOf(m[2]!);
    spans.push({ kind: 'employer', start, end: start + name.length, name });
  }
  return spans;
}

const ASPIRATION_BEFORE =
  /\b(?:join|joining|apply|applying|become|becoming|role|position|opening|hire|hiring|next|grow into|consider|considered|bring)\b[^,;]*$/i;
const ASPIRATION_AFTER =
  /^\s*(?:on|in|at|with|for|to|of)\s+(?:your|this)\b|^\s*(?:role|position|opening)\b/i;

/** "as a Staff Engineer", "I'm a senior designer", "Senior Backend Engineer at Parcelion". */
export function titleSpans(masked: string, employers: readonly string[]): NamedSpan[] {
  const spans: NamedSpan[] = [];
  const patterns = [
    new RegExp(`\\bas (?:a|an)\\s+((?:[A-Za-z/&-]+\\s+){0,4}?${ROLE})\\b`, 'gi'),
    new RegExp(
      `\\b(?:I['’]m|I am|I was|I['’]ve been|I have been|worked as|working as|work as|served as|promoted to)\\s+(?:a |an |the )?((?:[A-Za-z/&-]+\\s+){0,4}?${ROLE})\\b`,
      'gi',
    ),
    new RegExp(
      `(?:^|[^A-Za-z/&-])((?:[A-Z][A-Za-z/&-]*\\s+){1,4}${ROLE_CAP})\\s*(?:at|@|,|—|–|-|\\|)\\s*(${NAME})`,
      'g',
    ),
  ];
  for (const [i, re] of patterns.entries()) {
    for (const m of masked.matchAll(re)) {
      const title = m[1]!.trim();
      const start = m.index + m[0].indexOf(m[1]!);
      const end = start + title.length;
      if (ASPIRATION_BEFORE.test(masked.slice(Math.max(0, start - 40), start))) continue;
      if (i < 2 && ASPIRATION_AFTER.test(masked.slice(end))) continue;
      // Capitalized headings only: "Senior Backend Engineer at X", not "a lead at X"; and
      // "the Backend Engineer role" names the job applied for, not a title held.
      if (i === 2) {
        if (!/^[A-Z]/.test(title)) continue;
        if (
          /^(?:the|this|your)\s/i.test(title) ||
          /\b(?:the|this|your|a|an)\s*$/i.test(masked.slice(0, start))
        )
          continue;
        const lead =
          /^(?:(?:As|At|Then|Now|My|Our|I|And|So|Also|Today|Currently|Previously|Before|After)\s+)+/.exec(
            title,
          );
        if (lead !== null) {
          const trimmed = title.slice(lead[0].length);
          if (!new RegExp(`^(?:[A-Z][A-Za-z/&-]*\\s+){1,4}${ROLE_CAP}$`).test(trimmed)) continue;
          if (spans.some((s) => s.start < end && start + lead[0].length < s.end)) continue;
          spans.push({
            kind: 'title',
            start: start + lead[0].length,
            end,
            name: trimmed,
            employer: tidyName(m[2]!),
          });
          continue;
        }
      }
      const written = i === 2 ? tidyName(m[2]!) : null;
      const after = masked.slice(end);
      const employer =
        written ??
        employers.find((e) =>
          new RegExp(`^\\s*(?:at|with|for|,)\\s+${escapeRegExp(e.split(/\s+/)[0] ?? e)}`).test(
            after,
          ),
        ) ??
        null;
      if (spans.some((s) => s.start < end && start < s.end)) continue;
      spans.push({ kind: 'title', start, end, name: title, employer });
    }
  }
  return spans;
}

const CERT_ACRONYMS =
  /\b(?:PMP|CISSP|CKA|CKAD|CKS|CPA|CFA|CSM|PSM|CCNA|CCNP|OSCP|CISA|CISM|ITIL|CEH|PL-\d{3}|AZ-\d{3}|DP-\d{3}|SAA-C0\d)\b/g;
const CERT_WORD = '(?:[A-Z][\\w&+./()-]*|–|-|:)';

/** "AWS Certified Solutions Architect", "a CKAD certification", "certified in Scrum". */
export function certificationSpans(masked: string): NamedSpan[] {
  const spans: NamedSpan[] = [];
  const patterns = [
    new RegExp(`(?:(?:[A-Z][\\w&+.-]*\\s+){0,3})[Cc]ertified\\b(?:[:]?\\s+${CERT_WORD}){0,7}`, 'g'),
    new RegExp(
      `(?:[A-Z][\\w&+./-]*\\s+){1,6}(?:[Cc]ertifications?|[Cc]ertificates?|[Cc]ert)\\b`,
      'g',
    ),
    /\b(?:certifications?|certificates?|accreditation)\s+(?:in|as|for)\s+(?:[A-Z][\w&+./-]*\s*){1,6}/g,
    CERT_ACRONYMS,
  ];
  for (const re of patterns) {
    for (const m of masked.matchAll(re)) {
      const text = m[0].replace(/[\s:.,()–-]+$/, '');
      const start = m.index + (m[0].length - m[0].trimStart().length);
      const end = m.index + text.length;
      if (!/[A-Z]/.test(text.replace(/^[Cc]ertified/, ''))) continue;
      if (spans.some((s) => s.start < end && start < s.end)) continue;
      spans.push({ kind: 'certification', start, end, name: text.trim() });
    }
  }
  return spans;
}

const DEGREE =
  /\b(B\.?Sc?\.?|M\.?Sc?\.?|B\.?A\.?|M\.?A\.?|MBA|BFA|MFA|BBA|MEd|Ph\.?D\.?|DPhil|BEng|MEng|[Bb]achelor(?:['’]?s)?|[Mm]aster(?:['’]?s)?|[Dd]octorate|[Dd]octoral|degree)(?=[\s,.]|$)(?:\s+(?:degree|of\s+(?:Science|Arts|Engineering|Business Administration)))?/g;

function levelOf(word: string): DegreeSpan['level'] {
  const w = word.toLowerCase().replace(/[.\s]/g, '');
  if (/^(?:phd|dphil|doctor)/.test(w)) return 'doctorate';
  if (/^b/.test(w)) return 'bachelor';
  if (/^m/.test(w)) return 'master';
  return null;
}

/** "MSc in Computer Science from ETH", "a bachelor's degree in economics", "graduated from UIC". */
export function degreeSpans(masked: string): DegreeSpan[] {
  const spans: DegreeSpan[] = [];
  for (const m of masked.matchAll(DEGREE)) {
    const word = m[1]!;
    // "Scrum Master", "MA" as a state, "BA" as an airline: only with a subject or a school.
    if (/scrum\s*$/i.test(masked.slice(0, m.index))) continue;
    const rest = masked.slice(m.index + m[0].length);
    const tail =
      /^\s+(?:in|of)\s+([A-Za-z&() ]{2,60}?)(?=\s+(?:from|at)\s|[,.;]|\s+(?:and|with|where|which)\s|$)/.exec(
        rest,
      );
    const afterArea = tail === null ? rest : rest.slice(tail[0].length);
    const school = new RegExp(`^\\s+(?:from|at)\\s+(${NAME})`).exec(afterArea);
    if (/^(?:B\.?A\.?|M\.?A\.?|B\.?S\.?|M\.?S\.?)$/.test(word) && tail === null && school === null)
      continue;
    if (word === 'degree' && tail === null && school === null) continue;
    const schoolName = school === null ? null : tidyName(school[1]!);
    const end =
      m.index +
      m[0].length +
      (tail?.[0].length ?? 0) +
      (school === null || schoolName === null
        ? 0
        : school[0].indexOf(school[1]!) + schoolName.length);
    spans.push({
      kind: 'degree',
      start: m.index,
      end,
      level: levelOf(word),
      area: tail?.[1]?.trim() ?? null,
      school: schoolName,
    });
  }
  for (const m of masked.matchAll(
    new RegExp(
      `\\b(?:graduated from|studied [A-Za-z ]{2,40}? at|alumn(?:us|a|i) of)\\s+(${NAME})`,
      'g',
    ),
  )) {
    const name = tidyName(m[1]!);
    const start = m.index;
    const end = m.index + m[0].indexOf(m[1]!) + name.length;
    if (spans.some((s) => s.start < end && start < s.end)) continue;
    spans.push({ kind: 'degree', start, end, level: null, area: null, school: name });
  }
  return spans;
}

/** Numbers the clause states, with the words that say what they count ("40% fewer tickets"). */
export function numberSpans(masked: string, taken: readonly Span[], lead = ''): NumberSpan[] {
  const spans: NumberSpan[] = [];
  for (const mention of numbersIn(masked)) {
    if (isYear(mention)) continue;
    if (taken.some((s) => s.start < mention.end && mention.start < s.end)) continue;
    // A list mark ("1. ") is not a claim.
    if (masked.slice(0, mention.start).trim() === '' && /^[.)]\s/.test(masked.slice(mention.end)))
      continue;
    const before = lead + masked.slice(0, mention.start);
    const after = masked.slice(mention.end);
    // Offers and plans ("I can deliver in 2 weeks", "I'd cut it by 50%") promise, they do
    // not report: a modal before the number with no "I" or past tense in between.
    const modal =
      /\b(?:can|could|will|would|shall|['’]ll|['’]d|plan to|propose|offer|expect to|aim to|available|availability|start|turn it around)\b(?![^]*\b(?:I|was|were|did|had|[a-z]+ed)\b)[^]*$/i;
    if (modal.test(before)) continue;
    // Rates and time frames: "$60 an hour", "over the last 5 years", "in the first 30 days".
    if (/^\s*(?:\/\s*h(?:ou)?r|(?:an|per|a)\s+hour)\b/i.test(after)) continue;
    if (
      /^\s*(?:business\s+)?(?:years?|months?|weeks?|days?|hours?)\b/i.test(after) &&
      /\b(?:last|past|next|first|within|every|per|in)\s*$/i.test(before)
    )
      continue;
    if (/\bweek\s*$/i.test(before)) continue;
    const words =
      /^(?:\s+(?!(?:and|or|but|while|which|where|that|at|when|so)\b)[\w$%.,/-]+){0,3}/.exec(
        masked.slice(mention.end),
      )?.[0] ?? '';
    const end = mention.end + words.replace(/[.,]+$/, '').length;
    spans.push({ kind: 'number', start: mention.start, end, mention });
  }
  return spans;
}

const RANGE =
  /\(?\b((?:19|20)\d{2})\s*(?:[–—-]|to|until)\s*((?:19|20)\d{2}|present|now|current|today)\b\)?/gi;

export interface RangeSpan extends Span {
  kind: 'years';
  from: number;
  /** null for "present". */
  to: number | null;
  employer: string;
}

/** "Parcelion (2019–present)": the dates a resume heading gives a named employer's role. */
export function rangeSpans(masked: string, employers: readonly string[]): RangeSpan[] {
  const named = employers.filter((e) => e.trim() !== '' && masked.includes(e));
  if (named.length !== 1) return [];
  const spans: RangeSpan[] = [];
  for (const m of masked.matchAll(RANGE)) {
    const to = /^\d/.test(m[2]!) ? Number(m[2]) : null;
    spans.push({
      kind: 'years',
      start: m.index,
      end: m.index + m[0].length,
      from: Number(m[1]),
      to,
      employer: named[0]!,
    });
  }
  return spans;
}

import type { EmploymentType, Seniority } from '../job.js';
import { around, foldText } from './fold.js';

/** A field this short is a label ("Full-time", "Contract", a title), not running text. */
const LABEL_MAX = 80;

type Known = Exclude<EmploymentType, 'unknown'>;

/** In a label one word settles it; when several are named the most specific wins. */
const LABEL_RULES: readonly (readonly [Known, RegExp])[] = [
  [
    'internship',
    /\b(?:internship|intern|interns|co-?op|praktikum|trainee(?:ship)?|apprentice(?:ship)?)\b(?![\s-]+(?:coordinator|program\s+manager|recruiter|manager))/,
  ],
  ['freelance', /\bfreelanc\w*\b/],
  ['temporary', /\b(?:temporary|temp|fixed[\s-]term|seasonal|interim|befristet)\b/],
  [
    'contract',
    /\b(?<!smart\s)(?:contract|contractor|contracting)\b(?![\s-]+(?:manager|management|administrator|administration|specialist|negotiator|negotiations?|analyst|attorney|lawyer|counsel|coordinator|officer|law|review|lifecycle))|\bc2c\b|\bcorp[\s-]to[\s-]corp\b|\b1099\b|\bb2b(?:[\s-]+contract)?[ \t]*(?:$|[,;/|)])/,
  ],
  ['part_time', /\bpart[\s-]?time\b|\bpt\b|\bteilzeit\b|\bwerkstudent\w*|\bworking student\b/],
  ['full_time', /\bfull[\s-]?time\b|\bft\b|\bfte\b|\bpermanent\b|\bperm\b|\bvollzeit\b|\bcdi\b/],
];

/** In running text only statements about the role count; the first one made wins. */
export const TEXT_RULES: readonly (readonly [Known, RegExp, readonly string[]])[] = [
  ['internship', /\binternships?\b(?!\s+program)|\b(?:paid|summer|winter)\s+intern\b/, ['intern']],
  ['freelance', /\bfreelanc(?:e|er|ing)\b(?!\s+(?:marketplace|platform|network))/, ['freelanc']],
  [
    'temporary',
    /\b(?:temporary|fixed[\s-]term|seasonal)\s+(?:role|position|job|contract|assignment|employment|basis|hire|opening)\b|\btemp[\s-]to[\s-](?:perm|hire)\b/,
    ['temp', 'fixed', 'seasonal'],
  ],
  [
    'contract',
    /(?<!smart\s)\bcontract\s+(?:role|position|job|basis|opportunity|engagement|assignment|length|duration|term|period|to\s+hire|-to-hire)\b|\bcontract[\s-]to[\s-]hire\b|\bon\s+a\s+(?:\d+[\s-](?:month|week|year)\s+)?contract\b|\b\d+[\s-](?:month|week|year)\s+contract\b|\b(?:c2c|corp[\s-]to[\s-]corp|1099\s+contract(?:or)?|b2b\s+contract|w-?2\s+contract)\b|\b(?:independent|freelance)\s+contractor\b|\bas\s+an?\s+(?:\w+\s+)?contractor\b/,
    ['contract', 'c2c', 'corp', '1099', 'b2b'],
  ],
  [
    'part_time',
    /\bpart[\s-]time\s+(?:role|position|job|basis|opportunity|contract|employment|hours|schedule)\b|\b(?:is|a|this)\s+part[\s-]time\b/,
    ['part'],
  ],
  [
    'full_time',
    /\bfull[\s-]time\b(?!\s+(?:employees?|staff|team\s+members?|equivalent))|\bpermanent\s+(?:role|position|job|employment|contract)\b/,
    ['full', 'permanent'],
  ],
];

/** Words every text rule contains: the text is searched only around them. */
const RULE_WORDS = TEXT_RULES.flatMap(([, , words]) => words);

/**
 * What every match of each text rule holds in folded text (whose only whitespace is single
 * spaces), narrower than its words: "fully", "department" and "internal" hold words of
 * rules but none of these, and then the rule's pattern is not run.
 */
export const RULE_GATES: Readonly<Record<Known, readonly string[]>> = {
  internship: ['internship', ' intern'],
  freelance: ['freelanc'],
  temporary: ['temporary ', 'fixed term', 'fixed-term', 'seasonal ', 'temp to', 'temp-to'],
  contract: ['contract', 'c2c', 'corp'],
  part_time: ['part time', 'part-time'],
  full_time: ['full time', 'full-time', 'permanent '],
};

const LABELLED =
  /\b(?:employment|job|position|contract|work|role|engagement)\s+type\s*:\s*([^\n.;|]{1,40})/;

/**
 * Whether folded text holds " type:" or " type :", as every LABELLED match does (folded
 * text has single spaces only): one search for "type", which is rarer than a space.
 */
function typeLabelMayFollow(t: string): boolean {
  for (let at = t.indexOf('type'); at >= 0; at = t.indexOf('type', at + 4)) {
    if (t.charCodeAt(at - 1) !== 32) continue;
    const next = t.charCodeAt(at + 4);
    if (next === 58 || (next === 32 && t.charCodeAt(at + 5) === 58)) return true;
  }
  return false;
}

function fromLabel(label: string): EmploymentType {
  for (const [type, pattern] of LABEL_RULES) if (pattern.test(label)) return type;
  return 'unknown';
}

/**
 * The kind of engagement a posting offers: full-time ("Full Time", "FT"), part-time,
 * contract ("contractor", "C2C", "1099", "B2B"), temporary ("temp", "fixed-term"),
 * internship or freelance. A short field is read as a label where one word settles it and
 * the most specific wins ("Full-time Contract" is contract); longer text counts only
 * statements about the role, a "Job type: ..." line or a pipe-separated header first.
 */
export function inferEmploymentType(text: string): EmploymentType {
  const t = foldText(text);
  if (t === '') return 'unknown';
  if (t.length <= LABEL_MAX) return fromLabel(t);

  const labelled = typeLabelMayFollow(t) ? LABELLED.exec(t) : null;
  if (labelled !== null) {
    const type = fromLabel(labelled[1] ?? '');
    if (type !== 'unknown') return type;
  }
  // "Company | Role | Remote | Full-time Contract": Who-is-hiring headers are labels.
  const lineEnd = text.indexOf('\n');
  const firstLine = lineEnd < 0 ? text : text.slice(0, lineEnd);
  if (firstLine.includes('|')) {
    const cells = firstLine
      .toLowerCase()
      .split('|')
      .map((cell) => cell.trim())
      .filter((cell) => cell !== '' && cell.length <= 40);
    const found = LABEL_RULES.find(([, pattern]) => cells.some((cell) => pattern.test(cell)));
    if (found !== undefined) return found[0];
  }

  const near = around(t, RULE_WORDS, 60);
  let best: { type: Known; at: number } | null = null;
  for (const [type, pattern] of TEXT_RULES) {
    if (!RULE_GATES[type].some((gate) => near.includes(gate))) continue;
    const at = near.search(pattern);
    if (at >= 0 && (best === null || at < best.at)) best = { type, at };
  }
  return best?.type ?? 'unknown';
}

const TECH_NOUN = String.raw`(?:software|engineer|engineering|developer|data|ml|machine|ai|product|platform|backend|back-end|frontend|front-end|full[\s-]?stack|infrastructure|infra|security|site|sre|devops|cloud|mobile|ios|android|web|research|scientist|designer|design|ux|ui|analyst|architect|qa|test|systems?|network|applied|solutions?|technical)`;

/** Title rules, most senior first: "Senior Director" is executive, "Senior Staff" lead. */
const TITLE_RULES: readonly (readonly [Exclude<Seniority, 'unknown'>, RegExp])[] = [
  [
    'intern',
    /\b(?:intern|internship|trainee|apprentice|werkstudent\w*|working student|praktikant\w*)\b/,
  ],
  [
    'executive',
    /\b(?:chief|ceo|cto|cfo|coo|cio|ciso|cpo|cmo|cdo|vp|svp|evp|avp|vice[\s-]president|head\s+of|director|president|founding\s+cto|managing\s+partner)\b|\b\w+\s+head\b$/,
  ],
  ['principal', /\b(?:principal|distinguished|fellow)\b/],
  [
    'lead',
    new RegExp(
      String.raw`\bstaff\s+(?:\w+\s+){0,2}${TECH_NOUN}\b|\b(?:tech(?:nical)?|team|engineering|development|dev)\s+lead\b|\blead\b(?!\s+(?:gen(?:eration)?|generator|qualification|nurturing|management)\b)|\b(?:engineering|development|software)\s+manager\b`,
    ),
  ],
  ['senior', /\b(?:senior|sr|snr|mid[\s-]senior)\b\.?/],
  ['mid', /\b(?:mid(?![\s-]market)|mid[\s-]level|midlevel|intermediate|medior)\b/],
  [
    'junior',
    /\b(?:junior|jr|entry[\s-]level|graduate|new\s+grad|grad|associate(?!\s+(?:director|principal|partner|vice|professor))|trainee)\b/,
  ],
];

/** "Engineer II" is mid, "Engineer III" senior: roman or arabic levels after the role noun. */
const LEVEL =
  /\b(?:engineer|developer|analyst|scientist|designer|administrator|specialist|consultant|programmer|architect|technician|associate|sde|swe|manager)\s*(?:,\s*|-\s*)?(i{1,3}|iv|v|[1-5])\b/;
const LEVELS: Readonly<Record<string, Seniority>> = {
  i: 'junior',
  '1': 'junior',
  ii: 'mid',
  '2': 'mid',
  iii: 'senior',
  '3': 'senior',
  iv: 'senior',
  '4': 'senior',
  v: 'lead',
  '5': 'lead',
};

/** "Seniority: Senior", "Experience level: Mid-Senior". */
const LEVEL_LABEL =
  /\b(?:seniority|experience|career|job)\s+level\s*:\s*([^\n.;|]{1,30})|\bseniority\s*:\s*([^\n.;|]{1,30})/;
/** "8+ years of experience", "3-5 years of professional experience". */
const YEARS =
  /\b(\d{1,2})\s*\+?\s*(?:(?:-|–|to)\s*\d{1,2}\s*\+?\s*)?(?:years?|yrs?)\b(?:\s+of)?(?:\s+[\w/-]+){0,4}?\s+(?:experience|exp)\b/g;

function fromTitle(title: string): Seniority {
  const t = foldText(title);
  if (t === '') return 'unknown';
  for (const [level, pattern] of TITLE_RULES) if (pattern.test(t)) return level;
  const m = LEVEL.exec(t);
  return m === null ? 'unknown' : (LEVELS[m[1] ?? ''] ?? 'unknown');
}

/** Words every text rule for seniority contains: one list, so around() prepares it once. */
const SENIORITY_WORDS = ['level', 'seniority', 'year', 'yr'];

/**
 * Seniority from a title ("Sr. Engineer", "Staff Engineer" lead, "Principal" principal,
 * "Head of"/"Director"/"VP"/"Chief" executive, "Engineer II" mid, "III" senior), else from
 * a "Seniority: ..." line in the text, else, weakly, from the years of experience asked
 * (5+ senior, 3-4 mid, 0-2 junior).
 */
export function inferSeniority(title: string, text?: string): Seniority {
  const fromName = fromTitle(title);
  if (fromName !== 'unknown' || text === undefined) return fromName;
  const t = around(foldText(text), SENIORITY_WORDS, 60);
  const labelled = t.includes('level') || t.includes('seniority') ? LEVEL_LABEL.exec(t) : null;
  if (labelled !== null) {
    const level = fromTitle(labelled[1] ?? labelled[2] ?? '');
    if (level !== 'unknown') return level;
  }
  let years = -1;
  for (const m of t.matchAll(YEARS)) {
    const n = Number(m[1]);
    if (n <= 20) years = Math.max(years, n);
  }
  if (years < 0) return 'unknown';
  if (years >= 5) return 'senior';
  if (years >= 3) return 'mid';
  return 'junior';
}

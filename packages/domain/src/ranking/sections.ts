/**
 * What a posting asks for, read from its own sections: skills under "Requirements / Must
 * have / Qualifications / What you'll need" are required, those under "Nice to have / Bonus
 * / Preferred" (or on a line saying "is a plus") are nice to have. A line naming skills as
 * alternatives ("Kafka, SQS or similar", "Go (or Java/Kotlin)") asks for one of them, and
 * the years a line gives ("5+ years of Go") go to the skills it names.
 */
import { canonicalSkill, findSkills } from './vocabulary.js';

/** One thing a posting asks for: a skill, or one of several (`alt`), with years if said. */
export interface AskedSkill {
  name: string;
  years: number | null;
  /** Alternatives: any one of name and these will do. Absent for a single skill. */
  alt?: string[];
}

export interface AskedSkills {
  required: AskedSkill[];
  niceToHave: AskedSkill[];
  /** The most years of experience a requirement line asks for, of anything ("7+ years"). */
  yearsAsked: number | null;
}

const HEAD = String.raw`^(?:#+\s*|[*_]+)?`;
const REQUIRED_HEAD = new RegExp(
  HEAD +
    String.raw`(?:requirements?|must[- ]haves?|what you(?:'|’)?ll need|what you need|what we(?:'|’)?re looking for|what we are looking for|what we look for|(?:minimum |basic |required )?qualifications|required(?: skills)?|you have|you bring|you(?:'|’)?ll have|about you|who you are|skills(?: and experience)?|your (?:profile|background|experience))\b`,
  'i',
);
const NICE_HEAD = new RegExp(
  HEAD +
    String.raw`(?:nice[- ]to[- ]haves?|bonus(?: points)?|preferred(?: qualifications| skills)?|pluses|good to have|extra credit|even better|it(?:'|’)?s a plus)\b`,
  'i',
);
const OTHER_HEAD = new RegExp(
  HEAD +
    String.raw`(?:benefits|perks|what we offer|we offer|about us|about the (?:company|team|role|job)|responsibilities|what you(?:'|’)?ll do|what you will do|the role|compensation|salary|pay|how to apply|our stack|tech stack|the team|why join|interview process)\b`,
  'i',
);
/** A line saying its skills are a plus, wherever it stands. */
const NICE_LINE =
  /\b(?:is|are|would be|as) a (?:plus|bonus)\b|\bnice to have\b|\b(?:a )?plus\b\W*$|\bbonus\b|\bpreferred\b|\bideally\b/i;
const YEARS = /(\d{1,2})\s*\+?\s*(?:-\s*\d{1,2}\s*|to\s*\d{1,2}\s*)?(?:years?|yrs)\b/i;
/**
 * A line offering skills as alternatives, or as examples in parentheses ("streaming systems
 * (Kafka, NATS, Pulsar)"). Slashes inside names ("CI/CD") do not count.
 */
const ALTERNATIVES =
  /\bor\b|\bsimilar\b|\bequivalent\b|\be\.g\.|\bsuch as\b|\bany of\b|\bone of\b|\bcomparable\b|[a-z+#]\s?\/\s?[a-z]|\([^()]*,[^()]*\)/i;
const SLASH_NAMES = /\b(?:ci\/cd|a\/b|ui\/ux|ux\/ui|tcp\/ip|pl\/sql|i\/o)\b/gi;

type Target = Map<string, AskedSkill>;
/** Years in a clause once a line has said "years": "5+ years …, 2+ in Go", "3-5 years". */
const CLAUSE_YEARS =
  /(\d{1,2})(?:\s*\+|\s*(?:-|to)\s*\d{1,2}(?=\s*(?:years?|yrs)\b)|(?=\s*(?:years?|yrs)\b))/gi;

/**
 * A line cut where each "N years" begins, with those years; the text before the first goes
 * with the first ("Go: 5+ years"). Null when the line gives years once.
 */
function yearClauses(line: string): [string, number][] | null {
  const found = [...line.matchAll(CLAUSE_YEARS)];
  if (found.length < 2) return null;
  return found.map((m, i) => [
    line.slice(i === 0 ? 0 : m.index, found[i + 1]?.index ?? line.length),
    Number(m[1]),
  ]);
}

function add(target: Target, skills: string[], years: number | null, anyOf: boolean): void {
  if (anyOf && skills.length > 1) {
    const [first, ...rest] = skills as [string, ...string[]];
    const key = skills.join('|');
    const before = target.get(key);
    target.set(key, {
      name: first,
      years: Math.max(before?.years ?? 0, years ?? 0) || null,
      alt: rest,
    });
    return;
  }
  for (const name of skills) {
    const before = target.get(name);
    target.set(name, { name, years: Math.max(before?.years ?? 0, years ?? 0) || null });
  }
}

/**
 * The skills a posting requires and would like, from its description's sections; with no
 * requirements section, the skills the source listed (`listed`) count as required, with the
 * years any line of the text gives them.
 */
export function askedSkills(descriptionText: string, listed: readonly string[]): AskedSkills {
  const required: Target = new Map();
  const nice: Target = new Map();
  let section: 'required' | 'nice' | 'other' | 'none' = 'none';
  let yearsAsked: number | null = null;
  const yearLines: [string[], number][] = [];
  for (const raw of descriptionText.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.length < 70) {
      if (NICE_HEAD.test(line)) section = 'nice';
      else if (REQUIRED_HEAD.test(line)) section = 'required';
      else if (OTHER_HEAD.test(line)) section = 'other';
    }
    const years = YEARS.exec(line);
    const asked = years === null ? null : Number(years[1]);
    const clauses = asked === null ? null : yearClauses(line);
    const lineIsNice = section !== 'other' && NICE_LINE.test(line);
    const target =
      lineIsNice || section === 'nice' ? nice : section === 'required' ? required : null;
    if (target === null && asked === null) continue;
    const skills = findSkills(line);
    if (asked !== null && asked <= 20) {
      if (clauses === null) yearLines.push([skills, asked]);
      else for (const [clause, n] of clauses) yearLines.push([findSkills(clause), n]);
      if (target === required || (target !== nice && /experience/i.test(line)))
        yearsAsked = Math.max(yearsAsked ?? 0, asked);
    }
    if (target === null || skills.length === 0) continue;
    const anyOf = ALTERNATIVES.test(line.replace(SLASH_NAMES, ' '));
    if (clauses === null || anyOf) add(target, skills, asked, anyOf);
    // "5+ years of backend engineering, 2+ in Go": each clause's years go to its skills.
    else for (const [clause, n] of clauses) add(target, findSkills(clause), n, false);
  }
  if (required.size === 0) {
    // No requirements section: every skill the posting names counts as asked for, with
    // the years any line gives it.
    const niceNames = new Set([...nice.values()].flatMap((s) => [s.name, ...(s.alt ?? [])]));
    for (const raw of listed) {
      const name = canonicalSkill(raw);
      if (!niceNames.has(name) && !required.has(name)) required.set(name, { name, years: null });
    }
    for (const [skills, years] of yearLines)
      for (const name of skills) {
        const before = required.get(name);
        if (before !== undefined) before.years = Math.max(before.years ?? 0, years);
      }
  }
  // Asked for in both: required wins.
  const requiredNames = new Set(
    [...required.values()].filter((s) => s.alt === undefined).map((s) => s.name),
  );
  for (const [key, skill] of nice) if (requiredNames.has(skill.name)) nice.delete(key);
  return { required: [...required.values()], niceToHave: [...nice.values()], yearsAsked };
}

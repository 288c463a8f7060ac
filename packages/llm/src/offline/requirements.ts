import { extractSkills, normalizeSkills, type Job } from '@applydesk/domain';
import { parsePosting, postingText, type Block, type SectionKind } from './sections.js';
import { isQuotable } from './untrusted.js';
import { normalizeForCompare, splitSentences } from './text.js';

export type RequirementKind = 'required' | 'nice' | 'responsibility';

/** One thing a posting asks for, in the posting's own words (markup stripped). */
export interface Requirement {
  text: string;
  kind: RequirementKind;
  /** Canonical skills the requirement names. */
  skills: string[];
  /** Minimum years of experience it asks for, when it says. */
  years: number | null;
}

const NICE_CUE =
  /\b(nice[- ]to[- ]have|bonus|a plus|is a plus|are a plus|preferred|ideally|would be great|good to have|not required|helpful)\b/i;
const REQUIRED_CUE =
  /\b(must|required|requirement|mandatory|essential|need(?:s)? to (?:have|know|be)|experience (?:with|in|building|using|of)|\d+\+? ?years|proficien\w*|fluent|familiar\w*|knowledge of|strong|expert\w*|background in|comfortable with|track record|proven|portfolio)\b/i;
const DELIVERABLE_CUE =
  /\b(build|create|develop|design|implement|integrate|migrate|fix|set up|setup|audit|optimi[sz]e|automate|deliver|write|configure|deploy|convert|rebuild|redesign|refactor|maintain|connect|scrape|improve|speed up|launch|ship|own)\b/i;
const NOT_A_REQUIREMENT =
  /^(budget|rate|pay|salary|location|timezone|time zone|start date|duration|deadline|posted|apply|contract)\b/i;

const WORD_NUMBERS: Record<string, number> = {
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
  twelve: 12,
  fifteen: 15,
  twenty: 20,
};
const NUMBER = '(\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)';
const YEARS = '(?:years?|yrs?)';

const YEAR_PATTERNS: readonly RegExp[] = [
  new RegExp(`\\b${NUMBER}\\s*(?:-|–|—|to)\\s*${NUMBER}\\s*\\+?\\s*${YEARS}\\b`, 'i'),
  new RegExp(`\\b${NUMBER}\\s*\\+\\s*${YEARS}`, 'i'),
  new RegExp(
    `\\b(?:at least|minimum(?: of)?|min\\.?|over|more than)\\s+${NUMBER}\\s*\\+?\\s*${YEARS}\\b`,
    'i',
  ),
  new RegExp(`\\b${NUMBER}\\s+or more\\s+${YEARS}\\b`, 'i'),
  new RegExp(
    `\\b${NUMBER}\\s*${YEARS}['’]?\\s+(?:of\\s+)?(?:\\w+[\\s-]+){0,3}?(?:experience|exp\\b)`,
    'i',
  ),
];

function toNumber(token: string | undefined): number | null {
  if (token === undefined) return null;
  const lower = token.toLowerCase();
  const value = /^\d+$/.test(lower) ? Number(lower) : WORD_NUMBERS[lower];
  return value === undefined ? null : value;
}

/** The least number of years a line asks for: "5+ years" 5, "3-5 years" 3, "at least four years" 4. */
export function parseYears(text: string): number | null {
  for (const pattern of YEAR_PATTERNS) {
    const match = pattern.exec(text);
    const years = toNumber(match?.[1]);
    if (years !== null && years > 0 && years <= 40) return years;
  }
  return null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Skills a line names: the built-in vocabulary plus any of the posting's own skill tags. */
export function skillsNamedIn(text: string, postingSkills: readonly string[]): string[] {
  const tagged = postingSkills.filter((skill) =>
    new RegExp(
      `(^|[^a-z0-9+#])${escapeRegExp(skill)}(?![a-z0-9+#])`,
      skill.length <= 3 ? '' : 'i',
    ).test(text),
  );
  return normalizeSkills([...extractSkills(text), ...tagged]);
}

function kindOf(section: SectionKind, text: string): RequirementKind | null {
  if (NICE_CUE.test(text)) return 'nice';
  if (section === 'required' || section === 'nice' || section === 'responsibility') return section;
  if (section === 'role') return 'responsibility';
  return null;
}

/** A sentence from unheaded prose that states a requirement or a deliverable. */
function kindOfLooseSentence(
  text: string,
  skills: string[],
  strict: boolean,
): RequirementKind | null {
  if (NICE_CUE.test(text)) return 'nice';
  if (REQUIRED_CUE.test(text)) return 'required';
  if (strict) return null;
  if (DELIVERABLE_CUE.test(text)) return 'responsibility';
  return skills.length > 0 ? 'required' : null;
}

function usable(text: string): boolean {
  return (
    text.length >= 4 &&
    !text.endsWith('?') &&
    !text.endsWith(':') &&
    !NOT_A_REQUIREMENT.test(text) &&
    isQuotable(text)
  );
}

function fromBlock(
  block: Block,
  hasSections: boolean,
  postingSkills: readonly string[],
): Requirement[] {
  const found: Requirement[] = [];
  const make = (text: string, kind: RequirementKind): Requirement => ({
    text,
    kind,
    skills: skillsNamedIn(text, postingSkills),
    years: parseYears(text),
  });
  if (block.section === 'company' || block.section === 'benefits' || block.section === 'apply')
    return found;

  const inSection =
    block.section === 'required' || block.section === 'nice' || block.section === 'responsibility';
  if (inSection || (block.section === 'role' && block.bullet)) {
    // A list item is one requirement; a paragraph under a heading is split into sentences.
    const pieces = block.bullet ? [block.text] : splitSentences(block.text);
    for (const piece of pieces) {
      if (!usable(piece)) continue;
      const kind = kindOf(block.section, piece);
      const requirement = kind === null ? null : make(piece, kind);
      // Prose under a heading often introduces the list ("You'll thrive here if..."); keep it only when it says something.
      if (
        requirement !== null &&
        (block.bullet ||
          requirement.skills.length > 0 ||
          REQUIRED_CUE.test(piece) ||
          DELIVERABLE_CUE.test(piece))
      ) {
        found.push(requirement);
      }
    }
    return found;
  }

  // Unheaded text (freelance posts, trailing lines): sentences that name skills or deliverables.
  // When the posting has headed requirement sections, loose prose must say it is a requirement.
  for (const piece of block.bullet ? [block.text] : splitSentences(block.text)) {
    if (!usable(piece)) continue;
    const skills = skillsNamedIn(piece, postingSkills);
    const kind = kindOfLooseSentence(piece, skills, hasSections);
    if (kind !== null) found.push(make(piece, kind));
  }
  return found;
}

/**
 * What a posting asks for, in its order: items under headings such as "Requirements",
 * "Nice to have" and "What you'll do", and for posts without headings the sentences that
 * name skills or deliverables. Lines that address the applicant's AI are left out.
 */
export function extractRequirements(job: Job): Requirement[] {
  const parsed = parsePosting(postingText(job));
  const seen = new Set<string>();
  const requirements: Requirement[] = [];
  for (const block of parsed.blocks) {
    for (const requirement of fromBlock(block, parsed.hasRequirementSections, job.skills)) {
      const key = normalizeForCompare(requirement.text);
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      requirements.push(requirement);
    }
  }
  return requirements;
}

export { problemStatement } from './problem.js';

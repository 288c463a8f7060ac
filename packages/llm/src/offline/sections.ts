import { htmlToText, type Job } from '@applydesk/domain';
import { cleanText, isBulletLine } from './text.js';

/** What a part of a posting is about, as its heading says. */
export type SectionKind =
  | 'none' // before any heading, or prose after a list that ended its section
  | 'required'
  | 'nice'
  | 'responsibility'
  | 'role' // "About the role", "The project": where the client's problem usually is
  | 'company'
  | 'benefits'
  | 'apply'
  | 'other';

/** One line of a posting: a list item or a line of prose, with the section it sits in. */
export interface Block {
  section: SectionKind;
  bullet: boolean;
  text: string;
}

export interface ParsedPosting {
  blocks: Block[];
  /** True when the posting has headed sections of requirements, nice-to-haves or duties. */
  hasRequirementSections: boolean;
}

// Order matters: "Preferred qualifications" is nice before it is a qualification, and
// "About you" / "About the role" are not about the company.
const HEADINGS: readonly { kind: SectionKind; pattern: RegExp }[] = [
  {
    kind: 'nice',
    pattern:
      /^(nice[- ]to[- ]haves?|nice if you have|bonus( points)?( if you have)?|(it'?s )?a plus( if)?|pluses|preferred( qualifications| skills| experience)?|good to have|even better|extra credit|ideally( you have)?|we'?d love (it )?if you)\b/i,
  },
  {
    kind: 'required',
    pattern:
      /^(requirements|minimum requirements|basic qualifications|minimum qualifications|required (skills|qualifications|experience)|qualifications|what you('ll| will)? bring|what we('re| are) looking for|what you need|must[- ]haves?|you have|you('ll| will) have|you should have|you will need|who you are|about you|skills( (&|and) experience)?( required)?|required|your (skills|experience|profile|background)|key skills|(the )?ideal candidate|you('ll| will)? (thrive|succeed|do well)|you might be a (good )?fit)\b/i,
  },
  {
    kind: 'responsibility',
    pattern:
      /^(what you('ll| will) (do|work on|be doing)|responsibilities|key responsibilities|your responsibilities|in this role( you will)?|your role|day[- ]to[- ]day|your impact|scope( of work)?|deliverables|tasks|what (i|we) need( done| help with)?|the work|what needs to be done|project scope)\b/i,
  },
  {
    kind: 'role',
    pattern:
      /^(about the (role|job|position|project|opportunity)|the role|the job|the position|the opportunity|the project|the problem|overview|project (overview|description|details)|job description|description|background|context|summary)\b/i,
  },
  {
    kind: 'company',
    pattern:
      /^(about (us|the company|the team)|who we are|our (mission|story|company|team)|company overview|about [A-Z][\w&.\- ]{1,40}$)/,
  },
  {
    kind: 'benefits',
    pattern:
      /^(benefits|perks|what we offer|we offer|compensation|salary|pay|why join( us)?|why (work|you'll love)|what's in it for you|location)\b/i,
  },
  {
    kind: 'apply',
    pattern:
      /^(how to apply|to apply|application process|interview process|hiring process|next steps|equal (opportunity|employment))\b/i,
  },
];

const REQUIREMENT_SECTIONS: ReadonlySet<SectionKind> = new Set([
  'required',
  'nice',
  'responsibility',
]);

export function isRequirementSection(kind: SectionKind): boolean {
  return REQUIREMENT_SECTIONS.has(kind);
}

function headingKind(core: string): SectionKind | null {
  const plain = core.replace(/[’‘]/g, "'");
  for (const { kind, pattern } of HEADINGS) if (pattern.test(plain)) return kind;
  return null;
}

/** The section a line opens when it is a heading on its own, else null. */
function asHeading(line: string): SectionKind | null {
  const core = cleanText(line).replace(/[:\s]+$/, '');
  if (core === '' || core.length > 60 || /[.!?:]/.test(core)) return null;
  const endsWithColon = /:\s*$/.test(line);
  // A heading is short; a longer line without a colon is prose that starts like one.
  if (!endsWithColon && core.split(/\s+/).length > 6) return null;
  const known = headingKind(core);
  if (known !== null) return known;
  // A short line ending with a colon introduces something we cannot name.
  return endsWithColon && core.split(/\s+/).length <= 6 ? 'other' : null;
}

/** "Requirements: React, Node" on one line: the section and what follows the colon. */
function asInlineHeading(line: string): { kind: SectionKind; rest: string } | null {
  const match = /^([^:]{3,40}):\s+(.+)$/.exec(cleanText(line));
  if (match === null) return null;
  const kind = headingKind(match[1] ?? '');
  if (kind === null || !isRequirementSection(kind)) return null;
  return { kind, rest: match[2] ?? '' };
}

/** The plain text of a posting (the HTML flattened when a source gave no text). */
export function postingText(job: Pick<Job, 'descriptionText' | 'descriptionHtml'>): string {
  return job.descriptionText.trim() !== '' ? job.descriptionText : htmlToText(job.descriptionHtml);
}

/** Splits posting text into blocks, each tagged with the section its heading puts it in. */
export function parsePosting(text: string): ParsedPosting {
  const blocks: Block[] = [];
  let section: SectionKind = 'none';
  let listSeen = false;
  let hasRequirementSections = false;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '') continue;
    const heading = isBulletLine(line) ? null : asHeading(line);
    if (heading !== null) {
      section = heading;
      listSeen = false;
      continue;
    }
    const inline = isBulletLine(line) ? null : asInlineHeading(line);
    if (inline !== null) {
      section = inline.kind;
      listSeen = false;
      hasRequirementSections = true;
      blocks.push({ section, bullet: false, text: inline.rest });
      continue;
    }
    const bullet = isBulletLine(line);
    if (bullet) listSeen = true;
    else if (listSeen) {
      // Prose after a list: the list was the section; this line stands on its own.
      section = 'none';
      listSeen = false;
    }
    if (isRequirementSection(section)) hasRequirementSections = true;
    const cleaned = cleanText(line);
    if (cleaned !== '') blocks.push({ section, bullet, text: cleaned });
  }
  return { blocks, hasRequirementSections };
}

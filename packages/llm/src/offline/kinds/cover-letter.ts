import { extractSkills, type Profile } from '@applydesk/domain';
import { pickCitations, strongestEvidence, type Citation } from '../analysis.js';
import {
  addressing,
  citationEvidence,
  firstStep,
  gapSentences,
  QUOTE_CHARS,
  signature,
} from '../draft-parts.js';
import { ClaimLedger } from '../grounding.js';
import { evidenceClause, restateProblem } from '../phrases.js';
import { asSentence, lowerFirst, shortenRequirement, upperFirst, wordCount } from '../text.js';
import type { ComposedDraft, DraftContext } from './types.js';

/** A letter shorter than this gets one more piece of evidence beyond the posting's list. */
const MIN_WORDS = 250;
const LEADS = ['Your posting asks for', 'You also ask for', 'And you ask for'];

function mappingSentence(
  citation: Citation,
  index: number,
  ledger: ClaimLedger,
): { sentence: string; quote: string } {
  const quote = shortenRequirement(citation.requirement.text, QUOTE_CHARS);
  const lead = LEADS[index] ?? 'You also ask for';
  const sentence = `${lead} "${quote}". ${citationEvidence(citation, ledger, upperFirst)}`;
  return { sentence, quote };
}

/** Words that cannot follow "I'm a" in a summary turned into a sentence. */
const NOT_A_DESCRIPTION = /^(i|my|a|an|the|over|more|with|having|about|since|after|for|as|\d)/i;

/**
 * The profile's summary as a sentence about the user. "Full-stack engineer with nine
 * years …" reads as "I'm a full-stack engineer with nine years …"; anything else is
 * quoted as it stands. Falls back to the label.
 */
function selfIntroduction(profile: Profile, ledger: ClaimLedger): string | null {
  const summary = profile.basics.summary?.trim();
  if (summary !== undefined && summary !== '') {
    if (/^I\b/.test(summary))
      return ledger.add(asSentence(summary), profile.basics.summary ?? summary);
    if (!NOT_A_DESCRIPTION.test(summary)) {
      const article = /^[aeiou]/i.test(summary) ? 'an' : 'a';
      // "Shopify developer …" keeps its capital; "Full-stack engineer …" does not need it.
      const firstWord = summary.split(/\s/)[0] ?? '';
      const body = extractSkills(firstWord).length > 0 ? summary : lowerFirst(summary);
      return ledger.add(`I'm ${article} ${asSentence(body)}`, profile.basics.summary ?? summary);
    }
    return ledger.add(`In short: ${asSentence(summary)}`, profile.basics.summary ?? summary);
  }
  const label = profile.basics.label?.trim();
  return label === undefined || label === ''
    ? null
    : ledger.add(`I'm a ${label}.`, profile.basics.label ?? label);
}

/** Past this many words the letter maps two requirements instead of three. */
const MAX_WORDS = 400;

function compose(
  { analysis, tone }: DraftContext,
  mappings: number,
): ComposedDraft & { words: number } {
  const ledger = new ClaimLedger();
  const used = new Set<string>();
  const { salutation, role, shortRole } = addressing(analysis);

  const intro = [`I'm writing to apply for ${role}.`];
  if (analysis.problem !== null)
    intro.push(`${restateProblem(analysis.problem)} That is the work I'd like to help with.`);
  const self = selfIntroduction(analysis.profile, ledger);
  if (self !== null) intro.push(self);

  const mapped = pickCitations(analysis, mappings, used).map((c, i) =>
    mappingSentence(c, i, ledger),
  );
  const gap = gapSentences(analysis, ledger, used);
  const plan = firstStep(analysis, 'letter');
  const close = `I'd welcome the chance to talk about ${shortRole} and how I could help. ${tone.letterClose}`;

  // A short letter gets up to two more statements the posting's skills point to.
  const beyond: string[] = [];
  const words = (): number =>
    wordCount(
      [...intro, ...mapped.map((m) => m.sentence), ...beyond, gap ?? '', plan, close].join(' '),
    );
  while (beyond.length < 2 && words() < MIN_WORDS) {
    const extra = strongestEvidence(analysis, used);
    if (extra === null) break;
    used.add(extra.text);
    const lead = beyond.length === 0 ? 'Beyond your list' : 'Also relevant';
    beyond.push(ledger.add(`${lead}: ${asSentence(evidenceClause(extra))}`, extra.text));
  }

  const evidence = [...mapped.map((m) => m.sentence), ...beyond];
  const paragraphs = [
    salutation,
    intro.join(' '),
    ...(evidence.length > 0 ? [evidence.join(' ')] : []),
    ...(gap === null ? [] : [gap]),
    `${plan} ${close}`,
    signature(analysis, 'Sincerely,', true),
  ];
  return {
    text: paragraphs.join('\n\n'),
    citedRequirements: mapped.map((m) => m.quote),
    grounding: ledger.report(),
    words: words(),
  };
}

/**
 * A formal cover letter to the company's hiring team: the problem the posting describes,
 * the top three requirements each with the user's evidence, an honest line about missing
 * required skills, a first step, and a close.
 */
export function writeCoverLetter(context: DraftContext): ComposedDraft {
  let draft = compose(context, 3);
  if (draft.words > MAX_WORDS) draft = compose(context, 2);
  const { words: _words, ...composed } = draft;
  return composed;
}

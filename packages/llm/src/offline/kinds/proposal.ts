import { pickCitations } from '../analysis.js';
import {
  citationBullet,
  firstStep,
  gapSentences,
  openQuestion,
  signature,
} from '../draft-parts.js';
import { ClaimLedger } from '../grounding.js';
import { restateProblem } from '../phrases.js';
import { answerScreeningQuestions, formatAnswers } from '../screening.js';
import { wordCount } from '../text.js';
import type { ComposedDraft, DraftContext } from './types.js';

/** Upwork rewards short proposals: past this many words a bullet goes (down to two). */
const MAX_WORDS = 250;

function compose(
  { analysis, tone }: DraftContext,
  bulletCount: number,
): ComposedDraft & { words: number } {
  const ledger = new ClaimLedger();
  const used = new Set<string>();
  const bullets = pickCitations(analysis, bulletCount, used).map((c) => citationBullet(c, ledger));
  const opening =
    analysis.problem === null
      ? `You're hiring for ${analysis.title}.`
      : restateProblem(analysis.problem);
  const gap = gapSentences(analysis, ledger, used);

  const parts = [
    tone.greeting,
    `${opening} ${bullets.length > 0 ? tone.bridge : tone.noMatchBridge}`,
    ...(bullets.length > 0 ? [bullets.map((b) => b.line).join('\n')] : []),
    ...(gap === null ? [] : [gap]),
    `${firstStep(analysis)} ${openQuestion(analysis)}`,
  ];
  const answers = answerScreeningQuestions(analysis, ledger);
  if (answers.length > 0) parts.push(`Answers to your questions\n\n${formatAnswers(answers)}`);
  const words = wordCount(parts.join('\n'));
  parts.push(signature(analysis, tone.signOff, false));
  return {
    text: parts.join('\n\n'),
    citedRequirements: bullets.map((b) => b.quote),
    grounding: ledger.report(),
    words,
  };
}

/**
 * An Upwork-style proposal: the client's problem said back to them, 2-4 of their
 * requirements each paired with the user's evidence, an honest gap, a first step and a
 * question, answers to screening questions, and the user's name.
 */
export function writeProposal(context: DraftContext): ComposedDraft {
  let draft = compose(context, 4);
  for (let count = 3; draft.words > MAX_WORDS && count >= 2; count--)
    draft = compose(context, count);
  const { words: _words, ...composed } = draft;
  return composed;
}

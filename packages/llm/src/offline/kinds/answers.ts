import { ClaimLedger } from '../grounding.js';
import { answerScreeningQuestions, formatAnswers } from '../screening.js';
import type { ComposedDraft, DraftContext } from './types.js';

/** Answers to the posting's screening questions only, each from profile evidence. */
export function writeAnswers({ analysis }: DraftContext): ComposedDraft {
  const ledger = new ClaimLedger();
  const answers = answerScreeningQuestions(analysis, ledger);
  const text =
    answers.length === 0
      ? `The ${analysis.title} posting has no screening questions to answer.`
      : formatAnswers(answers);
  return { text, citedRequirements: [], grounding: ledger.report() };
}

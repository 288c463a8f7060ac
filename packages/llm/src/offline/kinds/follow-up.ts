import { pickCitations, strongestEvidence } from '../analysis.js';
import { addressing, BULLET_QUOTE_CHARS, citationEvidence, signature } from '../draft-parts.js';
import { ClaimLedger } from '../grounding.js';
import { evidenceClause } from '../phrases.js';
import { asSentence, shortenRequirement } from '../text.js';
import type { ComposedDraft, DraftContext } from './types.js';

/** A short, polite follow-up naming the role and one strength the posting asked for. */
export function writeFollowUp({ analysis, tone }: DraftContext): ComposedDraft {
  const ledger = new ClaimLedger();
  const { role, shortRole } = addressing(analysis);
  const greeting = role === shortRole ? tone.greeting : `Hi ${analysis.company} team,`;
  const lines = [
    `I'm following up on my application for ${shortRole}, and I'm still keen to help.`,
  ];
  const cited: string[] = [];
  const citation = pickCitations(analysis, 1)[0];
  if (citation !== undefined) {
    const quote = shortenRequirement(citation.requirement.text, BULLET_QUOTE_CHARS);
    cited.push(quote);
    lines.push(
      citationEvidence(citation, ledger, (clause) => `You asked for "${quote}": ${clause}`),
    );
  } else {
    const evidence = strongestEvidence(analysis);
    if (evidence !== null)
      lines.push(
        ledger.add(`One thing I'd bring: ${asSentence(evidenceClause(evidence))}`, evidence.text),
      );
  }
  lines.push(
    "If it helps, I'm happy to share more detail or set up a short call whenever suits you.",
  );
  const text = [greeting, lines.join(' '), signature(analysis, tone.signOff, false)].join('\n\n');
  return { text, citedRequirements: cited, grounding: ledger.report() };
}

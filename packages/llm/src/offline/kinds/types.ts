import type { GroundingReport } from '@applydesk/domain';
import type { PostingAnalysis } from '../analysis.js';
import type { TonePhrases } from '../phrases.js';

/** What every kind of draft is written from. */
export interface DraftContext {
  analysis: PostingAnalysis;
  tone: TonePhrases;
}

/** A written draft with the claims it makes. */
export interface ComposedDraft {
  text: string;
  citedRequirements: string[];
  grounding: GroundingReport;
}

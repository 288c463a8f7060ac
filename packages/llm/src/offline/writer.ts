import type { DraftKind, GroundingReport, Job, Profile } from '@applydesk/domain';
import { analyzePosting } from './analysis.js';
import { writeAnswers } from './kinds/answers.js';
import { writeCoverLetter } from './kinds/cover-letter.js';
import { writeFollowUp } from './kinds/follow-up.js';
import { writeProposal } from './kinds/proposal.js';
import { writeTailoredResume } from './kinds/tailored-resume.js';
import type { ComposedDraft, DraftContext } from './kinds/types.js';
import { TONES, type Tone } from './phrases.js';

export interface OfflineDraftInput {
  job: Job;
  profile: Profile;
  kind: DraftKind;
  /** The writer's clock: years of experience and recency are counted up to it. */
  now: Date;
  tone?: Tone;
}

export interface OfflineDraft {
  text: string;
  /** The posting's requirements the draft quotes, as quoted. */
  citedRequirements: string[];
  /** Every claim the draft makes about the user, with the profile text behind it. */
  grounding: GroundingReport;
  writer: 'offline';
}

const WRITERS: Record<DraftKind, (context: DraftContext) => ComposedDraft> = {
  proposal: writeProposal,
  cover_letter: writeCoverLetter,
  tailored_resume: writeTailoredResume,
  answer: writeAnswers,
  follow_up: writeFollowUp,
};

/**
 * Writes a draft without an LLM, from the posting and the profile alone. Deterministic:
 * the same input gives the same text. Every statement about the user comes from the
 * profile and is listed in `grounding`; posting text is quoted, never obeyed.
 */
export function writeOfflineDraft(input: OfflineDraftInput): OfflineDraft {
  const analysis = analyzePosting(input.job, input.profile, input.now);
  const composed = WRITERS[input.kind]({ analysis, tone: TONES[input.tone ?? 'warm'] });
  return { ...composed, writer: 'offline' };
}

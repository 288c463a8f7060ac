export { writeOfflineDraft, type OfflineDraft, type OfflineDraftInput } from './offline/writer.js';
export {
  extractRequirements,
  parseYears,
  problemStatement,
  type Requirement,
  type RequirementKind,
} from './offline/requirements.js';
export {
  findEvidence,
  yearsWithSkill,
  type Evidence,
  type EvidenceSource,
} from './offline/evidence.js';
export { looksLikeInstruction, asksForPersonalData } from './offline/untrusted.js';
export type { Tone } from './offline/phrases.js';

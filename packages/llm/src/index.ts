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
export {
  createGateway,
  cacheKey,
  isNoModelError,
  type Gateway,
  type GatewayOptions,
} from './gateway/gateway.js';
export type * from './gateway/types.js';
export { DEFAULT_BASE_URLS, needsApiKey } from './gateway/providers.js';
export { PRICES, priceOf, costOf, type ModelPrice, type PriceOverride } from './prices.js';
export {
  writeDrafts,
  cleanModelText,
  type DraftCandidate,
  type WriteDraftsInput,
} from './drafting/write-drafts.js';
export {
  buildDraftPrompt,
  profileBlock,
  DRAFT_SYSTEM_PROMPT,
  TARGET_WORDS,
  type DraftPrompt,
} from './drafting/prompt.js';
export { scoreDraft, citedRequirements, readingGrade } from './drafting/quality.js';
export {
  checkGrounding,
  mergeConfirmations,
  blocksApproval,
  checkDraftSafety,
  type GroundingOptions,
  type DraftSafety,
  type SafetyContext,
  type SafetyViolation,
  type SafetyViolationKind,
} from './grounding/index.js';
export { asksToLeavePlatform } from './offline/untrusted.js';
export {
  buildRerankPrompt,
  parseRerankAnswer,
  postingSummary,
  profileSummary,
  cosine,
  RERANK_SYSTEM_PROMPT,
  type RerankVerdict,
} from './ranking/rerank.js';

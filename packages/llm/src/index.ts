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
export { DEFAULT_BASE_URLS } from './gateway/providers.js';
export { PRICES, priceOf, costOf, type ModelPrice, type PriceOverride } from './prices.js';

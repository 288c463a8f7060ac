export { checkGrounding, type GroundingOptions } from './check.js';
export { mergeConfirmations, blocksApproval } from './confirm.js';
export {
  checkDraftSafety,
  type DraftSafety,
  type SafetyContext,
  type SafetyViolation,
  type SafetyViolationKind,
} from './safety.js';

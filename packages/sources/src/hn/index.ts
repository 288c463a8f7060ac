export { hnSource, HnConfig, HnCommentHit } from './hn.source.js';
export {
  parseHiringComment,
  classifyHiringComment,
  isCareersLink,
  type ParsedHiringComment,
  type HiringCommentVerdict,
  type HiringRemote,
  type HiringEmployment,
} from './parse-comment.js';
export { parseSalaryText, type ParsedSalary } from './salary-text.js';

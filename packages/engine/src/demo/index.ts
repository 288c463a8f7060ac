export {
  generateSamplePostings,
  DEFAULT_SAMPLE_COUNT,
  DEFAULT_SAMPLE_SEED,
} from './sample-postings.js';
export { sampleProfile } from './sample-profile.js';
export { PROMPT_INJECTION } from './sample-specials.js';

export * from './repositories.js';
export { openStore, type OpenStoreOptions } from './open.js';

/** The id of a group of side-by-side draft candidates. */
export { newCandidateGroup } from './ids.js';

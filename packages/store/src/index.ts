export * from './repositories.js';
export { openStore, type OpenStoreOptions } from './open.js';

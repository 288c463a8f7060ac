export * from './schema.js';
export * from './load.js';
export * from './init.js';
export * from './redact.js';
export { STARTER_CONFIG } from './starter.js';
export { resolveSecretKey, SECRET_KEY_FILE } from './secret-key.js';
export * from './update.js';

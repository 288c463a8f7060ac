export * from './schemas.js';
export * from './routes.js';
export * from './drafts.js';
export * from './access.js';
export * from './applications.js';
export * from './settings.js';
export * from './history.js';

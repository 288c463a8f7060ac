export * from './app.js';
export * from './start.js';
export * from './logger.js';
export * from './problem.js';
export type { QueueDepths } from './metrics.js';

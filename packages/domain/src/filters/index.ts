export * from './rules.js';
export * from './screen.js';

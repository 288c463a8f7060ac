/**
 * The sources' test support, exported as `@applydesk/sources/test-support`: the loopback
 * replay server (replay.ts) and the adapter test harness built on it (adapter-harness.ts).
 */
export * from './replay.js';
export * from './adapter-harness.js';

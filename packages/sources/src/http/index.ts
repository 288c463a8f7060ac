export * from './http-client.js';
export * from './create-http-client.js';
export * from './polite-client.js';
export * from './host-limiter.js';
export * from './conditional-cache.js';
export * from './proxies.js';
export * from './block-detection.js';
export * from './wait.js';

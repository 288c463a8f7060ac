export * from './adapter.js';
export * from './http/http-client.js';
export * from './http/create-http-client.js';
export * from './registry.js';

export * from './adapter.js';
export * from './http/index.js';
export * from './registry.js';
export {
  normalizeCapture,
  UPWORK_EXTENSION_SOURCE_ID,
  createUpworkSource,
  upworkEndpoints,
  upworkTokensFromSecrets,
  authorizationUrl,
  exchangeCode,
  createMemoryTokenStore,
  type Tokens,
  type TokenStore,
  type UpworkSecrets,
} from './upwork/index.js';
export { parseImportFile, type ImportResult, type ImportRowError } from './file-import/index.js';
export {
  normalizePageCapture,
  PAGE_CAPTURE_SITES,
  type PageCaptureSite,
  type PageJob,
} from './captures/page-capture.js';

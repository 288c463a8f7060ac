export {
  serpApiSource,
  normalizeSerpApi,
  SerpApiConfig,
  SerpApiSecrets,
  type SerpApiPosting,
} from './serpapi.source.js';

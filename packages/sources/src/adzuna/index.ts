export {
  adzunaSource,
  normalizeAdzuna,
  AdzunaConfig,
  AdzunaSecrets,
  ADZUNA_COUNTRIES,
  type AdzunaCountry,
  type AdzunaPosting,
} from './adzuna.source.js';

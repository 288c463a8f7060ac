export {
  joobleSource,
  normalizeJooble,
  JoobleConfig,
  JoobleSecrets,
  type JooblePosting,
} from './jooble.source.js';

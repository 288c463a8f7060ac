export {
  arbeitnowSource,
  ArbeitnowConfig,
  ArbeitnowJob,
  arbeitnowUrl,
} from './arbeitnow.source.js';

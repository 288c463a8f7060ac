export {
  themuseSource,
  TheMuseConfig,
  TheMuseSecrets,
  TheMuseJob,
  theMuseUrl,
} from './themuse.source.js';

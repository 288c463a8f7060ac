export {
  usaJobsSource,
  normalizeUsaJobs,
  UsaJobsConfig,
  UsaJobsSecrets,
  type UsaJobsItem,
} from './usajobs.source.js';

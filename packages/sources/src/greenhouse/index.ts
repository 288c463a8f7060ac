export {
  greenhouseSource,
  GreenhouseConfig,
  GreenhouseJob,
  greenhouseJobsUrl,
  greenhouseSalary,
  GREENHOUSE_TYPE,
} from './greenhouse.source.js';

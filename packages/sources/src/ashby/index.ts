export {
  ashbySource,
  AshbyConfig,
  AshbyJob,
  ashbyBoardUrl,
  ashbySalary,
  ASHBY_TYPE,
} from './ashby.source.js';

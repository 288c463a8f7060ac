export {
  remotiveSource,
  RemotiveConfig,
  RemotiveJob,
  remotiveUrl,
  remotiveDate,
} from './remotive.source.js';

export {
  himalayasSource,
  HimalayasConfig,
  HimalayasJob,
  himalayasUrl,
} from './himalayas.source.js';

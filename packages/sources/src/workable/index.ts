export {
  workableSource,
  WorkableConfig,
  WorkableJob,
  workableWidgetUrl,
  WORKABLE_TYPE,
} from './workable.source.js';

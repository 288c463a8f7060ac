export {
  workdaySource,
  WorkdayConfig,
  WorkdayJobDetail,
  parseWorkdayUrl,
  workdayJobsUrl,
  workdayDetailUrl,
  workdayPostedOn,
  WORKDAY_TYPE,
  WORKDAY_PAGE_SIZE,
  type WorkdaySite,
} from './workday.source.js';

export {
  smartRecruitersSource,
  SmartRecruitersConfig,
  SmartRecruitersPosting,
  smartRecruitersListUrl,
  smartRecruitersPostingUrl,
  SMARTRECRUITERS_TYPE,
  SMARTRECRUITERS_PAGE_SIZE,
} from './smartrecruiters.source.js';

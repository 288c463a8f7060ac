export {
  recruiteeSource,
  RecruiteeConfig,
  RecruiteeOffer,
  recruiteeOffersUrl,
  recruiteeSalary,
  RECRUITEE_TYPE,
} from './recruitee.source.js';

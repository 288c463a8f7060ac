export {
  leverSource,
  LeverConfig,
  LeverPosting,
  leverApiBase,
  leverPostingsUrl,
  leverSalary,
  leverDescriptionHtml,
  LEVER_TYPE,
  LEVER_PAGE_SIZE,
} from './lever.source.js';

/** The job sites the content script runs on (https only) and the extension may read. */
export const JOB_SITE_MATCHES = [
  'https://www.upwork.com/*',
  'https://www.linkedin.com/jobs/*',
  'https://*.indeed.com/*',
  'https://boards.greenhouse.io/*',
  'https://job-boards.greenhouse.io/*',
  'https://jobs.lever.co/*',
  'https://jobs.eu.lever.co/*',
  'https://jobs.ashbyhq.com/*',
  'https://*.myworkdayjobs.com/*',
  'https://apply.workable.com/*',
];

/** Upwork search pages, where the page state is copied for the isolated content script. */
export const UPWORK_SEARCH_MATCHES = [
  'https://www.upwork.com/nx/search/jobs*',
  'https://www.upwork.com/nx/find-work/*',
];

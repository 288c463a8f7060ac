import { blockTextOf, firstText } from '../text.js';
import { formFrom } from './form.js';
import { postingCapture } from './jsonld.js';
import type { SiteModule } from './types.js';

/** Indeed's job key: ?jk= on /viewjob, or ?vjk= in the search split view. */
export function indeedJobKey(pageUrl: string): string | null {
  const params = new URL(pageUrl).searchParams;
  const key = params.get('jk') ?? params.get('vjk');
  return key !== null && /^[0-9a-f]{8,32}$/i.test(key) ? key : null;
}

export const indeedSite: SiteModule = {
  name: 'indeed',
  handles: (url) => /(^|\.)indeed\.com$/.test(url.hostname),
  extract(doc, pageUrl, capturedAt) {
    const key = indeedJobKey(pageUrl);
    const origin = new URL(pageUrl).origin;
    return postingCapture(doc, 'indeed', pageUrl, capturedAt, {
      title: firstText(doc, [
        '[data-testid="jobsearch-JobInfoHeader-title"]',
        'h1.jobsearch-JobInfoHeader-title',
        '.jobsearch-JobInfoHeader-title-container h1',
      ])?.replace(/\s*-\s*job post$/i, ''),
      company: firstText(doc, [
        '[data-testid="inlineHeader-companyName"] a',
        '[data-testid="inlineHeader-companyName"]',
        '[data-company-name="true"]',
      ]),
      jobLocation: firstText(doc, [
        '[data-testid="inlineHeader-companyLocation"]',
        '[data-testid="job-location"]',
        '[data-testid="jobsearch-JobInfoHeader-companyLocation"]',
      ]),
      description: blockTextOf(doc.querySelector('#jobDescriptionText')),
      url: key === null ? pageUrl : `${origin}/viewjob?jk=${key}`,
      identifier: key,
    });
  },
  form: (doc) => formFrom(doc, ['textarea[name*="cover" i]', 'textarea[id*="cover" i]']),
};

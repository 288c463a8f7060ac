import { assignedJson, clean, isRecord, pick } from '../text.js';
import { formFrom } from './form.js';
import { htmlToText, postingCapture } from './jsonld.js';
import type { SiteModule } from './types.js';

/** jobs.ashbyhq.com/<org>/<posting id>: the page embeds `window.__appData` as a JSON literal. */
export const ashbySite: SiteModule = {
  name: 'ashby',
  handles: (url) => url.hostname === 'jobs.ashbyhq.com',
  extract(doc, pageUrl, capturedAt) {
    const data = assignedJson(doc, 'window.__appData');
    const posting = pick(data, 'posting');
    const read = isRecord(posting) ? posting : {};
    const html = typeof read.descriptionHtml === 'string' ? read.descriptionHtml : null;
    return postingCapture(doc, 'ashby', pageUrl, capturedAt, {
      title: clean(read.title) ?? clean(doc.querySelector('h1')?.textContent),
      company: clean(pick(data, 'organization', 'name')),
      jobLocation: clean(read.locationName),
      employmentType: clean(read.employmentType),
      jobLocationType:
        read.isRemote === true || read.workplaceType === 'Remote' ? 'TELECOMMUTE' : null,
      description: html === null ? null : htmlToText(doc, html),
      datePosted: clean(read.publishedDate),
      identifier: clean(read.id),
    });
  },
  form: (doc) => formFrom(doc, ['textarea[name*="cover" i]', 'textarea[id*="cover" i]']),
};

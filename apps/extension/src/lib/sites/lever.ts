import { blockTextOf, clean, firstText } from '../text.js';
import { formFrom } from './form.js';
import { postingCapture } from './jsonld.js';
import type { SiteModule } from './types.js';

/** jobs.lever.co/<company>/<posting id>, and its /apply form. */
export const leverSite: SiteModule = {
  name: 'lever',
  handles: (url) => url.hostname === 'jobs.lever.co' || url.hostname === 'jobs.eu.lever.co',
  extract(doc, pageUrl, capturedAt) {
    const url = new URL(pageUrl);
    const [, company, id] = /^\/([^/]+)\/([0-9a-f-]{36})/.exec(url.pathname) ?? [];
    if (id === undefined) return null;
    // "Company - Title" is the page title; the logo's alt text names the company too.
    const titleParts = (doc.title ?? '').split(' - ');
    return postingCapture(doc, 'lever', pageUrl, capturedAt, {
      title: firstText(doc, ['.posting-headline h2', '.posting-header h2']),
      company:
        clean(
          doc
            .querySelector('.main-header-logo img')
            ?.getAttribute('alt')
            ?.replace(/\s+logo$/i, ''),
        ) ?? (titleParts.length > 1 ? clean(titleParts[0]) : null),
      companyFallback: company,
      jobLocation: firstText(doc, ['.posting-categories .location', '.posting-category.location']),
      employmentType: firstText(doc, ['.posting-categories .commitment']),
      description: blockTextOf(
        doc.querySelector('[data-qa="job-description"]') ??
          doc.querySelector('.section-wrapper.page-full-width'),
      ),
      url: `https://${url.hostname}/${company}/${id}`,
      identifier: id,
    });
  },
  form: (doc) => formFrom(doc, ['textarea[name="comments"]'], 'textarea[name^="cards["]'),
};

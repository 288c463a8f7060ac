import { blockTextOf, clean, firstText } from '../text.js';
import { formFrom } from './form.js';
import { postingCapture } from './jsonld.js';
import type { SiteModule } from './types.js';

const auto = (id: string): string => `[data-automation-id="${id}"]`;

/** <tenant>.wd<N>.myworkdayjobs.com/<site>/job/<location>/<title>_<requisition>. */
export const workdaySite: SiteModule = {
  name: 'workday',
  handles: (url) => url.hostname.endsWith('.myworkdayjobs.com'),
  extract(doc, pageUrl, capturedAt) {
    const url = new URL(pageUrl);
    if (!/\/job\//.test(url.pathname)) return null;
    const tenant = url.hostname.split('.')[0] ?? null;
    const requisition =
      firstText(doc, [`${auto('requisitionId')} dd`]) ??
      /_([A-Za-z0-9-]+)$/.exec(url.pathname)?.[1] ??
      null;
    return postingCapture(doc, 'workday', pageUrl, capturedAt, {
      title: firstText(doc, [auto('jobPostingHeader'), 'h2[data-automation-id]']),
      company: clean(doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content')),
      companyFallback: tenant,
      jobLocation: firstText(doc, [`${auto('locations')} dd`, auto('locations')]),
      employmentType: firstText(doc, [`${auto('time')} dd`]),
      description: blockTextOf(doc.querySelector(auto('jobPostingDescription'))),
      url: `${url.origin}${url.pathname}`,
      identifier: requisition,
    });
  },
  form: (doc) =>
    formFrom(doc, [`${auto('coverLetter')} textarea`, 'textarea[id*="coverLetter" i]']),
};

import { blockTextOf, firstText } from '../text.js';
import { formFrom } from './form.js';
import { postingCapture } from './jsonld.js';
import type { SiteModule } from './types.js';

const ui = (id: string): string => `[data-ui="${id}"]`;

/** apply.workable.com/<account>/j/<shortcode>/ (and /apply/ for the form). */
export const workableSite: SiteModule = {
  name: 'workable',
  handles: (url) => url.hostname === 'apply.workable.com' || url.hostname.endsWith('.workable.com'),
  extract(doc, pageUrl, capturedAt) {
    const url = new URL(pageUrl);
    const match = /^\/([^/]+)\/j\/([0-9A-F]{6,20})/i.exec(url.pathname);
    if (match === null) return null;
    const [, account, shortcode] = match;
    const parts = [ui('job-description'), ui('job-requirements'), ui('job-benefits')]
      .map((s) => blockTextOf(doc.querySelector(s)))
      .filter((p): p is string => p !== null);
    return postingCapture(doc, 'workable', pageUrl, capturedAt, {
      title: firstText(doc, [ui('job-title'), 'h1']),
      company: firstText(doc, [ui('company-name')]),
      companyFallback: account,
      jobLocation: firstText(doc, [ui('job-location')]),
      employmentType: firstText(doc, [ui('job-type')]),
      description: parts.length === 0 ? null : parts.join('\n\n'),
      url: `https://${url.hostname}/${account}/j/${shortcode}/`,
      identifier: shortcode,
    });
  },
  form: (doc) => formFrom(doc, ['textarea[name="cover_letter"]', 'textarea[id="cover_letter"]']),
};

import { blockTextOf, firstText } from '../text.js';
import { formFrom } from './form.js';
import { postingCapture } from './jsonld.js';
import type { SiteModule } from './types.js';

/** boards.greenhouse.io/<board>/jobs/<id> and job-boards.greenhouse.io (the newer boards). */
export const greenhouseSite: SiteModule = {
  name: 'greenhouse',
  handles: (url) => /(^|\.)greenhouse\.io$/.test(url.hostname),
  extract(doc, pageUrl, capturedAt) {
    const url = new URL(pageUrl);
    const id = /\/jobs\/(\d{3,20})/.exec(url.pathname)?.[1] ?? url.searchParams.get('gh_jid');
    const board = /^\/([^/]+)\/jobs\//.exec(url.pathname)?.[1] ?? null;
    return postingCapture(doc, 'greenhouse', pageUrl, capturedAt, {
      title: firstText(doc, [
        '#header .app-title',
        'h1.app-title',
        '.job__title h1',
        'h1.section-header',
        'h1',
      ]),
      company: firstText(doc, [
        '#header .company-name',
        '.company-name',
        '.job__title .company-name',
      ])?.replace(/^at\s+/i, ''),
      companyFallback: board,
      jobLocation: firstText(doc, ['#header .location', '.job__location', '.location']),
      description: blockTextOf(
        doc.querySelector('#content') ?? doc.querySelector('.job__description'),
      ),
      identifier: id !== null && /^\d{3,20}$/.test(id) ? id : null,
    });
  },
  form: (doc) =>
    formFrom(
      doc,
      [
        '#cover_letter_text',
        'textarea[name="job_application[cover_letter_text]"]',
        'textarea#cover_letter',
      ],
      'textarea[name^="job_application[answers_attributes]"], textarea[id^="question_"]',
    ),
};

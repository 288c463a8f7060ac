import { blockTextOf, firstText } from '../text.js';
import { formFrom } from './form.js';
import { postingCapture } from './jsonld.js';
import type { SiteModule } from './types.js';

/** The job id of /jobs/view/<id> or of ?currentJobId=<id> (the search split view). */
export function linkedInJobId(pageUrl: string): string | null {
  const url = new URL(pageUrl);
  return (
    /\/jobs\/view\/(?:[^/]*?-)?(\d{5,20})/.exec(url.pathname)?.[1] ??
    /^\d{5,20}$/.exec(url.searchParams.get('currentJobId') ?? '')?.[0] ??
    null
  );
}

/** LinkedIn job view: the signed-in top card, or the public (guest) page's top card. */
export const linkedInSite: SiteModule = {
  name: 'linkedin',
  handles: (url) => url.hostname === 'www.linkedin.com' || url.hostname === 'linkedin.com',
  extract(doc, pageUrl, capturedAt) {
    const id = linkedInJobId(pageUrl);
    if (id === null) return null;
    return postingCapture(doc, 'linkedin', pageUrl, capturedAt, {
      title: firstText(doc, [
        '.job-details-jobs-unified-top-card__job-title h1',
        '.job-details-jobs-unified-top-card__job-title',
        'h1.top-card-layout__title',
        'h1.topcard__title',
      ]),
      company: firstText(doc, [
        '.job-details-jobs-unified-top-card__company-name a',
        '.job-details-jobs-unified-top-card__company-name',
        'a.topcard__org-name-link',
        '.topcard__org-name-link',
      ]),
      jobLocation: firstText(doc, [
        '.job-details-jobs-unified-top-card__primary-description-container .tvm__text',
        '.job-details-jobs-unified-top-card__bullet',
        '.topcard__flavor--bullet',
      ]),
      description: blockTextOf(
        doc.querySelector('#job-details') ??
          doc.querySelector('.jobs-description__content') ??
          doc.querySelector('.show-more-less-html__markup') ??
          doc.querySelector('.description__text'),
      ),
      url: `https://www.linkedin.com/jobs/view/${id}/`,
      identifier: id,
    });
  },
  // Easy Apply runs in a dialog; its free-text answers are ordinary textareas and inputs.
  form: (doc) => formFrom(doc, ['.jobs-easy-apply-modal textarea[id*="cover" i]']),
};

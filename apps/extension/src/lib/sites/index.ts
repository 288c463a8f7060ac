import type { Capture } from '../capture.js';
import { ashbySite } from './ashby.js';
import { greenhouseSite } from './greenhouse.js';
import { indeedSite } from './indeed.js';
import { jsonLdCapture, jsonLdSite } from './jsonld.js';
import { leverSite } from './lever.js';
import { linkedInSite } from './linkedin.js';
import type { ApplyForm, SiteModule } from './types.js';
import { upworkSite } from './upwork.js';
import { workableSite } from './workable.js';
import { workdaySite } from './workday.js';

export type { ApplyForm, FormField, SiteModule } from './types.js';

export const SITES: readonly SiteModule[] = [
  upworkSite,
  linkedInSite,
  indeedSite,
  greenhouseSite,
  leverSite,
  ashbySite,
  workdaySite,
  workableSite,
];

/** The module for a page's address; the JSON-LD reader for any other page. */
export function siteFor(pageUrl: string): SiteModule {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return jsonLdSite;
  }
  return SITES.find((site) => site.handles(url)) ?? jsonLdSite;
}

/** The page's capture: its site's reading, else any JSON-LD posting on it. */
export function extractCapture(doc: Document, pageUrl: string, capturedAt: string): Capture | null {
  const site = siteFor(pageUrl);
  return (
    site.extract(doc, pageUrl, capturedAt) ?? jsonLdCapture(doc, site.name, pageUrl, capturedAt)
  );
}

export function findForm(doc: Document, pageUrl: string): ApplyForm {
  return siteFor(pageUrl).form(doc);
}

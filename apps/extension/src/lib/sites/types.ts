import type { Capture, SiteName } from '../capture.js';

/** A text field of the page's own application form, with the words that label it. */
export interface FormField {
  label: string;
  element: HTMLTextAreaElement | HTMLInputElement;
}

/** Where a draft goes on the page: the letter (proposal, cover letter) and each question. */
export interface ApplyForm {
  letter: FormField | null;
  questions: FormField[];
}

/** One supported site: pure functions over a Document, so tests run them on saved pages. */
export interface SiteModule {
  name: SiteName;
  /** Whether this module reads pages at that address. */
  handles(url: URL): boolean;
  /** The capture of the posting(s) on the page, or null when the page shows none. */
  extract(doc: Document, pageUrl: string, capturedAt: string): Capture | null;
  /** The page's application form fields, when it has one. */
  form(doc: Document): ApplyForm;
}

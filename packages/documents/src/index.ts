export { importResume, type ResumeImport } from './import-resume.js';
export { detectFormat, MAX_BYTES, type ResumeFile, type ResumeFormat } from './detect.js';
export { parseResumeText, type TextParse, type TextParseOptions } from './text/parse.js';
export { readJsonResume, mapJsonResume, JsonResume, type JsonResumeRead } from './json-resume.js';
export { findDateRange, parseDate, type DateRange } from './text/dates.js';
export { markdownToPdf, type MarkdownPdfOptions } from './export/markdown-pdf.js';

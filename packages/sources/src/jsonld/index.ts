export { jsonLdSource, JsonLdConfig, JsonLdSecrets } from './jsonld.source.js';
export { extractPage as extractJsonLdPage, type ExtractedPage, type PageMeta } from './extract.js';
export {
  entriesFromPage as jsonLdEntriesFromPage,
  entryToDraft as jsonLdEntryToDraft,
  type JsonLdEntry,
  type FallbackEntry,
  type PageEntry,
} from './map.js';

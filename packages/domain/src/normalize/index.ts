export { parseSalaryText, findSalaryInText, type SalaryHint } from './salary.js';
export { parseDate } from './dates.js';
export {
  inferRemote,
  normalizeLocation,
  type NormalizedLocation,
  type RemoteParts,
} from './location.js';
export { inferEmploymentType, inferSeniority } from './employment.js';
export { sanitizedHtmlToText } from './text.js';
export { currencyOfCountry } from './currency.js';
export { fnv1a64Fast, fnv1a64Json } from './fnv.js';

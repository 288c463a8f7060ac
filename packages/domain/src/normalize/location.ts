import type { RemoteMode } from '../job.js';
import { around, foldText } from './fold.js';
import {
  AU_STATES,
  AU_STATE_CODES,
  CA_PROVINCES,
  CA_PROVINCE_CODES,
  CITIES,
  COUNTRIES,
  COUNTRY_CODES,
  SCOPES,
  US_STATES,
  US_STATE_CODES,
  type CityInfo,
} from './places.js';

export interface RemoteParts {
  title?: string | null;
  location?: string | null;
  text?: string | null;
}

const fold = foldText;

/** "remote" that is about something other than where one works. */
const NOT_WORK_REMOTE =
  /\bremote(?:ly)?[\s-]+(?:sensing|pilot|control|controlled|monitoring|patient|access|desktop|server|procedure|operated|operation|vehicle|devices?|diagnostics?|support\s+tools?|management\s+software)\b/g;
const NEGATED =
  /\b(?:not|no|non)[\s-]?remote\b|\bremote\s+(?:work\s+)?(?:is\s+)?not\s+(?:possible|available|an\s+option|offered|supported)\b|\bunable\s+to\s+(?:offer|support)\s+remote\b/;
const HYBRID_WORD =
  /\bhybrid\b(?![\s-]+(?:cloud|apps?|applications?|mobile|cars?|vehicles?|engines?|infrastructure|quantum|search|storage|integration|approach|architecture|solutions?|systems?|models?\s+of\s+ai|ai|ml|workloads?))/;
const OFFICE_DAYS =
  /\b([1-5]|one|two|three|four|five)(?:\s*(?:-|to|or)\s*([1-5]|two|three|four|five))?\s*(?:\+\s*)?days?\s+(?:a\s+week\s+|per\s+week\s+|\/\s*week\s+|each\s+week\s+)?(?:in|at|from)\s+(?:the\s+|our\s+|an?\s+)?(?:office|hq|studio)\b|\b(?:in|at)\s+(?:the\s+)?office\s+([1-5]|one|two|three|four|five)\s*(?:days?|x)\b/;
const PARTLY_REMOTE =
  /\b(?:partially|partly|part[\s-]time|semi)[\s-]remote\b|\bflex(?:ible)?[\s-]+(?:office|remote)\b/;
const REMOTE_LABEL =
  /\bremote(?:ly)?\b|\banywhere\b|\bworldwide\b|\bwork(?:ing)?\s+from\s+(?:home|anywhere)\b|\bwfh\b|\bdistributed\b(?![\s-]+(?:systems?|computing|databases?|ledgers?|storage|tracing|data|consensus|architectures?|algorithms?|caches?|caching|training|queues?|transactions?))|\btele(?:commut|work)\w*\b|\bhome[\s-]?based\b/;
const ONSITE_LABEL =
  /\bon[\s-]?site\b|\bin[\s-]office\b|\bin[\s-]person\b|\boffice[\s-]based\b|\bon[\s-]?premises?\b/;

const ROLE = String.raw`(?:role|position|job|opportunity|post|vacancy)`;
const REMOTE_TEXT = new RegExp(
  [
    String.raw`\b(?:fully|100\s?%|completely|entirely|totally)\s+remote\b`,
    String.raw`\bremote[\s-](?:first|friendly|only|ok|first,|native)\b`,
    String.raw`\bremote\s+(?:${ROLE}|work|working|employees?|team|company|engineers?|developers?|contract|setup|environment)\b`,
    String.raw`\bremote\s+(?:in|within|from|across)\s+\w`,
    String.raw`\b(?:is|are|be|being)\s+(?:fully\s+)?remote\b`,
    String.raw`\b(?:open\s+to|can\s+be|work)\s+remote\b`,
    String.raw`\bwork(?:ing|s)?\s+remotely\b`,
    String.raw`\bwork(?:ing)?\s+from\s+(?:home|anywhere)\b`,
    String.raw`\bwfh\b`,
    String.raw`\btele(?:commut|work)\w*\b`,
    String.raw`\bdistributed\s+(?:team|company|workforce|organization|organisation)\b`,
    String.raw`\blocation\s*:\s*remote\b`,
  ].join('|'),
);
const HYBRID_TEXT = new RegExp(
  [
    String.raw`\bhybrid\s+(?:${ROLE}|work|working|model|schedule|setup|arrangement|environment|policy|remote|office|workplace|position|set-up)\b`,
    String.raw`\b(?:is|are|be|on\s+a|work(?:ing)?(?:\s+in)?(?:\s+a)?)\s+hybrid\b`,
    String.raw`\bhybrid\s*(?:\(|-|–|,|:)\s*\d`,
    String.raw`\blocation\s*:\s*hybrid\b`,
  ].join('|'),
);
const ONSITE_TEXT = new RegExp(
  [
    String.raw`\b(?:is|be|are)\s+(?:based\s+)?(?:fully\s+)?(?:on[\s-]?site|in[\s-]office|in[\s-]person)\b`,
    String.raw`\b(?:on[\s-]?site|in[\s-]office|in[\s-]person|office[\s-]based)\s+${ROLE}\b`,
    String.raw`\b(?:fully|100\s?%|entirely)\s+(?:on[\s-]?site|in[\s-]office|in[\s-]person)\b`,
    String.raw`\b(?:must|required\s+to|need\s+to|expected\s+to)\s+(?:be|work)\s+(?:on[\s-]?site|in[\s-]person|in\s+(?:the|our)\s+office)\b`,
    String.raw`\blocation\s*:\s*(?:on[\s-]?site|in[\s-]office)\b`,
  ].join('|'),
);

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
};
const dayCount = (raw: string | undefined): number =>
  raw === undefined ? Number.NaN : (NUMBER_WORDS[raw] ?? Number(raw));

/** "2 days in office" is hybrid, "5 days in the office" on-site; null when not said. */
function officeDays(text: string): RemoteMode | null {
  const m = OFFICE_DAYS.exec(text);
  if (m === null) return null;
  const days = Math.max(dayCount(m[1] ?? m[3]), m[2] === undefined ? 0 : dayCount(m[2]));
  if (Number.isNaN(days)) return null;
  return days >= 5 ? 'onsite' : 'hybrid';
}

/** A short field (location, title): one word is enough. */
function fromLabel(raw: string): RemoteMode {
  const text = fold(raw).replace(NOT_WORK_REMOTE, ' ');
  if (text === '') return 'unknown';
  const hybrid = HYBRID_WORD.test(text) || PARTLY_REMOTE.test(text);
  const days = officeDays(text);
  if (hybrid || days === 'hybrid') return 'hybrid';
  if (NEGATED.test(text)) return 'onsite';
  if (REMOTE_LABEL.test(text)) return 'remote';
  if (days === 'onsite' || ONSITE_LABEL.test(text)) return 'onsite';
  return 'unknown';
}

/**
 * "Company | Role | Remote (US) | Full-time": a Who-is-hiring header line is made of labels.
 * The line ends at the first line break, so one inside the header cuts it short.
 */
function fromHeader(raw: string): RemoteMode {
  const firstLine = firstLineOf(raw.trimStart());
  if (!firstLine.includes('|')) return 'unknown';
  let found: RemoteMode = 'unknown';
  for (const cell of firstLine.split('|')) {
    if (fold(cell).length > 60) continue;
    const mode = fromLabel(cell);
    if (mode === 'hybrid') return mode;
    if (found === 'unknown') found = mode;
  }
  return found;
}

/** Words every text pattern below contains: the text is searched only around them. */
const PLACE_WORDS = [
  'remote',
  'hybrid',
  'office',
  'site',
  'person',
  'wfh',
  'work from',
  'working from',
  'telecommut',
  'telework',
  'distributed',
  'flex',
  'location',
  'hq',
  'studio',
];

/** Text up to its first line break. */
function firstLineOf(text: string): string {
  const end = text.indexOf('\n');
  return end < 0 ? text : text.slice(0, end);
}

/** Running text: a header line of labels, else statements about the role, the first one said. */
function fromText(raw: string): RemoteMode {
  const header = fromHeader(raw);
  if (header !== 'unknown') return header;
  const near = around(fold(raw), PLACE_WORDS, 80);
  const text = near.includes('remote') ? near.replace(NOT_WORK_REMOTE, ' ') : near;
  if (text === '') return 'unknown';
  // Each pattern is tried only where a word every one of its matches holds occurs.
  const remote = text.includes('remote');
  const office = text.includes('office');
  if (text.includes('hybrid') && HYBRID_TEXT.test(text)) return 'hybrid';
  if ((remote || text.includes('flex')) && PARTLY_REMOTE.test(text)) return 'hybrid';
  const days = office || text.includes('hq') || text.includes('studio') ? officeDays(text) : null;
  if (days !== null) return days;
  if (remote && NEGATED.test(text)) return 'onsite';
  const remoteAt =
    remote ||
    text.includes('work') ||
    text.includes('wfh') ||
    text.includes('tele') ||
    text.includes('distributed')
      ? text.search(REMOTE_TEXT)
      : -1;
  const onsiteAt =
    office || text.includes('site') || text.includes('person') ? text.search(ONSITE_TEXT) : -1;
  if (remoteAt < 0 && onsiteAt < 0) return 'unknown';
  if (onsiteAt < 0) return 'remote';
  if (remoteAt < 0) return 'onsite';
  return remoteAt < onsiteAt ? 'remote' : 'onsite';
}

/**
 * Whether a posting is remote, hybrid or on-site, from its location field, then its title,
 * then its description: the first that says wins. Short fields need one word ("Remote (US)",
 * "Hybrid", "On-site", "Anywhere"); the description needs a statement ("this role is fully
 * remote", "3 days a week in the office"). "Not remote" reads as on-site; "2 days in office"
 * as hybrid and "5 days in office" as on-site. Case and spacing do not matter.
 */
export function inferRemote(parts: RemoteParts): RemoteMode {
  for (const label of [parts.location, parts.title]) {
    if (label === undefined || label === null) continue;
    const mode = fromLabel(label);
    if (mode !== 'unknown') return mode;
  }
  return parts.text === undefined || parts.text === null ? 'unknown' : fromText(parts.text);
}

export interface NormalizedLocation {
  /** The location as written, spacing tidied. */
  text: string;
  city: string | null;
  /** US state, Canadian province or Australian state code, else the region as written. */
  region: string | null;
  /** ISO 3166-1 alpha-2 where recognisable. */
  country: string | null;
  /** Where a remote posting may be worked from: an alpha-2 code, "EU", "Europe", "Worldwide"… */
  remoteScope: string | null;
}

const REMOTE_TOKEN =
  /(^|[\s\-–—,(/|:])(fully remote|100% remote|remote|anywhere|worldwide|wfh|work from home)(?=$|[\s\-–—,)/|:])/gi;
const SEGMENT_SPLIT = /\s*(?:[|;•·()[\]/+&]|\s[-–—]\s|\s[-–—]|[-–—]\s|\bor\b|\band\b)\s*/i;
const MODE_WORDS =
  /\b(?:fully remote|100% remote|remote|remotely|hybrid|on[\s-]?site|in[\s-]office|in[\s-]person|office|hq|headquarters|only|based|preferred|friendly|first|timezones?|time zones?|tz|hours|working|work from home|wfh|distributed|eligible|residents?|within|in|from|the|ok)\b/gi;
const NOT_A_PLACE =
  /^(?:multiple(?: locations)?|various|varies|tbd|n\/?a|none|flexible|home|anywhere|other|locations?|global|unknown|see description|negotiable)$/i;
const REMOTE_MARKER = /\b(?:remote|anywhere|worldwide|wfh|work from home)\b/i;

interface Place {
  city: string | null;
  region: string | null;
  country: string | null;
  scope: string | null;
}

const EMPTY: Place = { city: null, region: null, country: null, scope: null };

function countryOfName(part: string): string | null {
  return COUNTRIES[part.toLowerCase()] ?? null;
}

/** A two-letter code as written in capitals, or a country name. */
function countryOf(part: string): string | null {
  const named = countryOfName(part);
  if (named !== null) return named;
  if (/^[A-Z]{2}$/.test(part) && COUNTRY_CODES.has(part)) return part === 'UK' ? 'GB' : part;
  return null;
}

function regionOf(part: string): { region: string; country: string } | null {
  const lower = part.toLowerCase().replace(/\.$/, '');
  const us = US_STATES[lower];
  if (us !== undefined) return { region: us, country: 'US' };
  const ca = CA_PROVINCES[lower];
  if (ca !== undefined) return { region: ca, country: 'CA' };
  const au = AU_STATES[lower];
  if (au !== undefined) return { region: au, country: 'AU' };
  const upper = part.toUpperCase();
  if (/^[A-Z]{2,3}$/.test(part)) {
    if (US_STATE_CODES.has(upper)) return { region: upper, country: 'US' };
    if (CA_PROVINCE_CODES.has(upper)) return { region: upper, country: 'CA' };
    if (AU_STATE_CODES.has(upper)) return { region: upper, country: 'AU' };
  }
  return null;
}

function looksLikePlaceName(part: string): boolean {
  return (
    part.length >= 2 &&
    part.length <= 40 &&
    /^\p{L}[\p{L}\p{M} .'’-]*$/u.test(part) &&
    part.split(' ').length <= 4 &&
    !NOT_A_PLACE.test(part)
  );
}

/** "City", "City, ST", "City, Region, Country", "Country", "EU". */
function placeOf(segment: string): Place {
  const parts = segment
    .split(',')
    .map((p) =>
      p
        .replace(MODE_WORDS, ' ')
        .replace(/\b\d{4,6}(?:-\d{4})?\b/g, ' ')
        .replace(/\s+/g, ' ')
        .replace(/^[\s.:,'’-]+|[\s:,'’-]+$/g, ''),
    )
    .filter((p) => p !== '');
  if (parts.length === 0) return EMPTY;

  if (parts.length === 1) {
    const only = parts[0] ?? '';
    const lower = only.toLowerCase();
    const scope = SCOPES[lower];
    if (scope !== undefined) return { ...EMPTY, scope };
    const cityInfo: CityInfo | undefined = CITIES[lower];
    const country = countryOf(only);
    // A lone two-letter code is read as a country before a state ("CA" alone: Canada).
    if (country !== null && (cityInfo === undefined || /^[A-Z]{2,3}$/.test(only)))
      return { ...EMPTY, country };
    if (cityInfo !== undefined)
      return {
        city: cityInfo.name,
        region: cityInfo.region ?? null,
        country: cityInfo.country,
        scope: null,
      };
    const region = regionOf(only);
    if (region !== null) return { ...EMPTY, region: region.region, country: region.country };
    return looksLikePlaceName(only) ? { ...EMPTY, city: only } : EMPTY;
  }

  const first = parts[0] ?? '';
  const last = parts[parts.length - 1] ?? '';
  const cityInfo: CityInfo | undefined = CITIES[first.toLowerCase()];
  let country: string | null = null;
  let region: string | null = null;
  const lastScope = SCOPES[last.toLowerCase()];

  // "Berlin, DE" vs "Wilmington, DE": a code that is both a country and a state follows the city.
  const lastCountry = countryOf(last);
  const lastRegion = regionOf(last);
  if (lastCountry !== null && lastRegion !== null) {
    if (cityInfo !== undefined && cityInfo.country === lastCountry) country = lastCountry;
    else if (/^[A-Z]{2}$/.test(last)) ({ region, country } = lastRegion);
    else country = lastCountry;
  } else if (lastCountry !== null) {
    country = lastCountry;
  } else if (lastRegion !== null) {
    ({ region, country } = lastRegion);
  }

  if (parts.length >= 3 && region === null) {
    const middle = parts[parts.length - 2] ?? '';
    const middleRegion = regionOf(middle);
    if (middleRegion !== null && (country === null || country === middleRegion.country))
      ({ region, country } = middleRegion);
    else if (looksLikePlaceName(middle)) region = middle;
  }

  if (cityInfo !== undefined) {
    const agrees = country === null || country === cityInfo.country;
    return {
      city: agrees ? cityInfo.name : first,
      region: region ?? (agrees ? (cityInfo.region ?? null) : null),
      country: country ?? cityInfo.country,
      scope: lastScope ?? null,
    };
  }
  return {
    city: looksLikePlaceName(first) ? first : null,
    region,
    country,
    scope: lastScope ?? null,
  };
}

/**
 * City, region, country (ISO alpha-2) and remote scope of a free-text location:
 * "San Francisco, CA", "London, UK", "Remote (US)", "Remote - UK/EU", "NYC | Remote",
 * "Toronto, ON, Canada", "Anywhere". Unknown places keep their first part as the city.
 * Never throws.
 */
export function normalizeLocation(raw: string): NormalizedLocation {
  const text = String(raw).replace(/\s+/g, ' ').trim();
  const result: NormalizedLocation = {
    text,
    city: null,
    region: null,
    country: null,
    remoteScope: null,
  };
  if (text === '') return result;

  const remote = REMOTE_MARKER.test(text);
  const segments = text
    .replace(REMOTE_TOKEN, '$1|$2|')
    .split(SEGMENT_SPLIT)
    .map((s) => s.trim())
    .filter((s) => s !== '');

  let scope: string | null = /\b(?:anywhere|worldwide)\b/i.test(text) ? 'Worldwide' : null;
  for (const segment of segments) {
    const place = placeOf(segment);
    if (place.scope !== null) scope ??= place.scope;
    if (place.city === null && place.region === null && place.country === null) continue;
    // A segment that names only a country is the scope of a remote posting ("Remote (US)").
    if (remote && place.city === null && place.region === null && place.country !== null)
      scope ??= place.country;
    if (result.city === null && result.region === null && result.country === null) {
      result.city = place.city;
      result.region = place.region;
      result.country = place.country;
    }
  }
  if (remote) result.remoteScope = scope;
  else if (scope === 'Worldwide') result.remoteScope = scope;
  // A country scope ("Remote (US)") places the posting in that country; "EU" does not.
  if (
    result.country === null &&
    result.remoteScope !== null &&
    COUNTRY_CODES.has(result.remoteScope)
  )
    result.country = result.remoteScope;
  return result;
}

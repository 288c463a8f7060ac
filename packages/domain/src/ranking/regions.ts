/**
 * Where a remote posting lets people work from, read from its location and from the
 * description's "must be located in / authorized to work in" lines, as coarse regions; and
 * the regions a profile's country belongs to. Remote "US only" is no use to someone in Poland.
 */
export type Region = 'US' | 'CA' | 'UK' | 'EU' | 'EMEA' | 'LATAM' | 'APAC' | 'AMERICAS' | 'WORLD';

const EU_COUNTRIES =
  'austria|belgium|bulgaria|croatia|cyprus|czechia|czech republic|denmark|estonia|finland|france|germany|greece|hungary|ireland|italy|latvia|lithuania|luxembourg|malta|netherlands|poland|portugal|romania|slovakia|slovenia|spain|sweden';
const EU_CODES = new Set(
  'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE'.split(' '),
);

const PATTERNS: [RegExp, Region[]][] = [
  [/\b(?:worldwide|anywhere|global(?:ly)?|any location)\b/i, ['WORLD']],
  [
    /\b(?:us|usa|u\.s\.a?\.?|united states|america)\b(?!\s*(?:east|west|central|time|hours|tz))/i,
    ['US'],
  ],
  [/\bcanad(?:a|ian)\b/i, ['CA']],
  [/\b(?:uk|united kingdom|britain|england)\b/i, ['UK']],
  [new RegExp(`\\b(?:eu|europe|european|${EU_COUNTRIES})\\b`, 'i'), ['EU']],
  [/\bemea\b/i, ['EMEA']],
  [/\b(?:latam|latin america|south america)\b/i, ['LATAM']],
  [/\b(?:apac|asia|australia|india|singapore)\b/i, ['APAC']],
  [/\b(?:americas|north america)\b/i, ['AMERICAS']],
];

/** Regions named in a text, in a stable order. */
export function regionsIn(text: string): Region[] {
  const out = new Set<Region>();
  for (const [pattern, regions] of PATTERNS)
    if (pattern.test(text)) for (const r of regions) out.add(r);
  return [...out];
}

const ELIGIBILITY =
  /(?:must|need to|required to|should)\s+(?:be\s+)?(?:reside|live|located|based)[^.\n]{0,60}|(?:authori[sz]ed|eligible|authori[sz]ation)\s+to\s+work\s+in[^.\n]{0,40}|work authori[sz]ation (?:in|for)[^.\n]{0,40}|(?:open|available) (?:only )?to (?:candidates|applicants) (?:in|from|based in)[^.\n]{0,50}/gi;

/**
 * The regions a remote posting is open to; [] when it does not restrict (or says worldwide).
 * Hours ("US time zones", "CET +/- 3h") are not places and are left to the user.
 */
export function remoteRegions(location: string | null, description: string): Region[] {
  const named = new Set<Region>(
    location === null
      ? []
      : regionsIn(location.replace(/\b(?:time ?zones?|hours|overlap)\b.*$/i, '')),
  );
  for (const match of description.matchAll(ELIGIBILITY))
    for (const r of regionsIn(match[0])) named.add(r);
  if (named.has('WORLD')) return [];
  return [...named];
}

/** The regions someone living in a country (ISO 3166 alpha-2) can work from. */
export function regionsOfCountry(code: string | undefined): Region[] {
  if (code === undefined) return [];
  const c = code.toUpperCase();
  if (c === 'US') return ['US', 'AMERICAS'];
  if (c === 'CA') return ['CA', 'AMERICAS'];
  if (c === 'GB' || c === 'UK') return ['UK', 'EMEA'];
  if (EU_CODES.has(c)) return ['EU', 'EMEA'];
  if (['MX', 'BR', 'AR', 'CO', 'CL', 'PE'].includes(c)) return ['LATAM', 'AMERICAS'];
  if (['IN', 'SG', 'AU', 'NZ', 'JP', 'PH', 'ID', 'VN', 'KR'].includes(c)) return ['APAC'];
  return ['EMEA'];
}

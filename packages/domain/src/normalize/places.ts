/**
 * Place names job postings use most: US states, Canadian provinces, Australian states,
 * countries (ISO 3166-1 alpha-2) and major tech-hiring cities. Keys are lower case.
 */

export const US_STATES: Readonly<Record<string, string>> = {
  alabama: 'AL',
  alaska: 'AK',
  arizona: 'AZ',
  arkansas: 'AR',
  california: 'CA',
  colorado: 'CO',
  connecticut: 'CT',
  delaware: 'DE',
  'district of columbia': 'DC',
  florida: 'FL',
  georgia: 'GA',
  hawaii: 'HI',
  idaho: 'ID',
  illinois: 'IL',
  indiana: 'IN',
  iowa: 'IA',
  kansas: 'KS',
  kentucky: 'KY',
  louisiana: 'LA',
  maine: 'ME',
  maryland: 'MD',
  massachusetts: 'MA',
  michigan: 'MI',
  minnesota: 'MN',
  mississippi: 'MS',
  missouri: 'MO',
  montana: 'MT',
  nebraska: 'NE',
  nevada: 'NV',
  'new hampshire': 'NH',
  'new jersey': 'NJ',
  'new mexico': 'NM',
  'new york': 'NY',
  'new york state': 'NY',
  'north carolina': 'NC',
  'north dakota': 'ND',
  ohio: 'OH',
  oklahoma: 'OK',
  oregon: 'OR',
  pennsylvania: 'PA',
  'puerto rico': 'PR',
  'rhode island': 'RI',
  'south carolina': 'SC',
  'south dakota': 'SD',
  tennessee: 'TN',
  texas: 'TX',
  utah: 'UT',
  vermont: 'VT',
  virginia: 'VA',
  washington: 'WA',
  'washington state': 'WA',
  'west virginia': 'WV',
  wisconsin: 'WI',
  wyoming: 'WY',
};
export const US_STATE_CODES: ReadonlySet<string> = new Set(Object.values(US_STATES));

export const CA_PROVINCES: Readonly<Record<string, string>> = {
  alberta: 'AB',
  'british columbia': 'BC',
  manitoba: 'MB',
  'new brunswick': 'NB',
  'newfoundland and labrador': 'NL',
  'nova scotia': 'NS',
  ontario: 'ON',
  'prince edward island': 'PE',
  quebec: 'QC',
  québec: 'QC',
  saskatchewan: 'SK',
};
export const CA_PROVINCE_CODES: ReadonlySet<string> = new Set(Object.values(CA_PROVINCES));

export const AU_STATES: Readonly<Record<string, string>> = {
  'new south wales': 'NSW',
  victoria: 'VIC',
  queensland: 'QLD',
  'western australia': 'WA',
  'south australia': 'SA',
  tasmania: 'TAS',
  'australian capital territory': 'ACT',
};
export const AU_STATE_CODES: ReadonlySet<string> = new Set(['NSW', 'VIC', 'QLD', 'TAS', 'ACT']);

/** Country names, common spellings and a few codes people write, to ISO 3166-1 alpha-2. */
export const COUNTRIES: Readonly<Record<string, string>> = {
  'united states': 'US',
  'united states of america': 'US',
  usa: 'US',
  'u.s.': 'US',
  'u.s.a.': 'US',
  us: 'US',
  america: 'US',
  canada: 'CA',
  mexico: 'MX',
  méxico: 'MX',
  brazil: 'BR',
  brasil: 'BR',
  argentina: 'AR',
  chile: 'CL',
  colombia: 'CO',
  peru: 'PE',
  uruguay: 'UY',
  'costa rica': 'CR',
  'united kingdom': 'GB',
  uk: 'GB',
  'u.k.': 'GB',
  'great britain': 'GB',
  britain: 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  ireland: 'IE',
  france: 'FR',
  germany: 'DE',
  deutschland: 'DE',
  netherlands: 'NL',
  'the netherlands': 'NL',
  holland: 'NL',
  belgium: 'BE',
  luxembourg: 'LU',
  switzerland: 'CH',
  schweiz: 'CH',
  suisse: 'CH',
  austria: 'AT',
  österreich: 'AT',
  italy: 'IT',
  italia: 'IT',
  spain: 'ES',
  españa: 'ES',
  portugal: 'PT',
  denmark: 'DK',
  sweden: 'SE',
  norway: 'NO',
  finland: 'FI',
  iceland: 'IS',
  poland: 'PL',
  polska: 'PL',
  'czech republic': 'CZ',
  czechia: 'CZ',
  slovakia: 'SK',
  hungary: 'HU',
  romania: 'RO',
  bulgaria: 'BG',
  greece: 'GR',
  croatia: 'HR',
  slovenia: 'SI',
  serbia: 'RS',
  ukraine: 'UA',
  estonia: 'EE',
  latvia: 'LV',
  lithuania: 'LT',
  cyprus: 'CY',
  malta: 'MT',
  turkey: 'TR',
  türkiye: 'TR',
  turkiye: 'TR',
  israel: 'IL',
  'united arab emirates': 'AE',
  uae: 'AE',
  'saudi arabia': 'SA',
  qatar: 'QA',
  egypt: 'EG',
  'south africa': 'ZA',
  nigeria: 'NG',
  kenya: 'KE',
  morocco: 'MA',
  ghana: 'GH',
  india: 'IN',
  pakistan: 'PK',
  bangladesh: 'BD',
  'sri lanka': 'LK',
  singapore: 'SG',
  malaysia: 'MY',
  indonesia: 'ID',
  thailand: 'TH',
  vietnam: 'VN',
  'viet nam': 'VN',
  philippines: 'PH',
  'the philippines': 'PH',
  china: 'CN',
  'hong kong': 'HK',
  taiwan: 'TW',
  japan: 'JP',
  'south korea': 'KR',
  korea: 'KR',
  'republic of korea': 'KR',
  australia: 'AU',
  'new zealand': 'NZ',
  russia: 'RU',
  'russian federation': 'RU',
};

/** ISO alpha-2 codes accepted when written alone ("Berlin, DE"). */
export const COUNTRY_CODES: ReadonlySet<string> = new Set([...Object.values(COUNTRIES), 'UK']);

export interface CityInfo {
  readonly name: string;
  readonly country: string;
  readonly region?: string;
}

const city = (name: string, country: string, region?: string): CityInfo =>
  region === undefined ? { name, country } : { name, country, region };

/** Major cities; aliases point at the same record. */
export const CITIES: Readonly<Record<string, CityInfo>> = (() => {
  const table: Record<string, CityInfo> = {};
  const add = (info: CityInfo, ...aliases: string[]): void => {
    table[info.name.toLowerCase()] = info;
    for (const alias of aliases) table[alias] = info;
  };
  add(city('New York', 'US', 'NY'), 'nyc', 'new york city', 'manhattan', 'brooklyn', 'ny, ny');
  add(city('San Francisco', 'US', 'CA'), 'sf', 'san fran');
  add(city('San Francisco Bay Area', 'US', 'CA'), 'bay area', 'sf bay area', 'silicon valley');
  add(city('Los Angeles', 'US', 'CA'), 'la');
  add(city('San Diego', 'US', 'CA'));
  add(city('San Jose', 'US', 'CA'));
  add(city('Palo Alto', 'US', 'CA'));
  add(city('Mountain View', 'US', 'CA'));
  add(city('Menlo Park', 'US', 'CA'));
  add(city('Sunnyvale', 'US', 'CA'));
  add(city('Santa Clara', 'US', 'CA'));
  add(city('Oakland', 'US', 'CA'));
  add(city('Berkeley', 'US', 'CA'));
  add(city('Irvine', 'US', 'CA'));
  add(city('Seattle', 'US', 'WA'));
  add(city('Bellevue', 'US', 'WA'));
  add(city('Redmond', 'US', 'WA'));
  add(city('Austin', 'US', 'TX'));
  add(city('Dallas', 'US', 'TX'));
  add(city('Houston', 'US', 'TX'));
  add(city('San Antonio', 'US', 'TX'));
  add(city('Denver', 'US', 'CO'));
  add(city('Boulder', 'US', 'CO'));
  add(city('Boston', 'US', 'MA'));
  add(city('Chicago', 'US', 'IL'));
  add(city('Atlanta', 'US', 'GA'));
  add(city('Miami', 'US', 'FL'));
  add(city('Orlando', 'US', 'FL'));
  add(city('Tampa', 'US', 'FL'));
  add(city('Washington, D.C.', 'US', 'DC'), 'washington dc', 'washington d.c.', 'dc', 'd.c.');
  add(city('Philadelphia', 'US', 'PA'), 'philly');
  add(city('Pittsburgh', 'US', 'PA'));
  add(city('Phoenix', 'US', 'AZ'));
  add(city('Salt Lake City', 'US', 'UT'), 'slc');
  add(city('Minneapolis', 'US', 'MN'));
  add(city('Detroit', 'US', 'MI'));
  add(city('Raleigh', 'US', 'NC'));
  add(city('Charlotte', 'US', 'NC'));
  add(city('Nashville', 'US', 'TN'));
  add(city('Columbus', 'US', 'OH'));
  add(city('Baltimore', 'US', 'MD'));
  add(city('Las Vegas', 'US', 'NV'));
  add(city('Toronto', 'CA', 'ON'));
  add(city('Vancouver', 'CA', 'BC'));
  add(city('Montreal', 'CA', 'QC'), 'montréal');
  add(city('Ottawa', 'CA', 'ON'));
  add(city('Calgary', 'CA', 'AB'));
  add(city('Waterloo', 'CA', 'ON'));
  add(city('London', 'GB'));
  add(city('Manchester', 'GB'));
  add(city('Edinburgh', 'GB'));
  add(city('Bristol', 'GB'));
  add(city('Dublin', 'IE'));
  add(city('Paris', 'FR'));
  add(city('Lyon', 'FR'));
  add(city('Berlin', 'DE'));
  add(city('Munich', 'DE'), 'münchen', 'muenchen');
  add(city('Hamburg', 'DE'));
  add(city('Frankfurt', 'DE'), 'frankfurt am main');
  add(city('Cologne', 'DE'), 'köln', 'koeln');
  add(city('Stuttgart', 'DE'));
  add(city('Amsterdam', 'NL'));
  add(city('Rotterdam', 'NL'));
  add(city('Utrecht', 'NL'));
  add(city('Eindhoven', 'NL'));
  add(city('Brussels', 'BE'), 'bruxelles', 'brussel');
  add(city('Zurich', 'CH'), 'zürich', 'zuerich');
  add(city('Geneva', 'CH'), 'genève', 'geneve');
  add(city('Basel', 'CH'));
  add(city('Vienna', 'AT'), 'wien');
  add(city('Madrid', 'ES'));
  add(city('Barcelona', 'ES'));
  add(city('Lisbon', 'PT'), 'lisboa');
  add(city('Porto', 'PT'));
  add(city('Milan', 'IT'), 'milano');
  add(city('Rome', 'IT'), 'roma');
  add(city('Stockholm', 'SE'));
  add(city('Gothenburg', 'SE'), 'göteborg');
  add(city('Copenhagen', 'DK'), 'københavn');
  add(city('Oslo', 'NO'));
  add(city('Helsinki', 'FI'));
  add(city('Warsaw', 'PL'), 'warszawa');
  add(city('Krakow', 'PL'), 'kraków', 'cracow');
  add(city('Wroclaw', 'PL'), 'wrocław');
  add(city('Prague', 'CZ'), 'praha');
  add(city('Budapest', 'HU'));
  add(city('Bucharest', 'RO'), 'bucurești');
  add(city('Sofia', 'BG'));
  add(city('Athens', 'GR'));
  add(city('Tallinn', 'EE'));
  add(city('Riga', 'LV'));
  add(city('Vilnius', 'LT'));
  add(city('Kyiv', 'UA'), 'kiev');
  add(city('Istanbul', 'TR'));
  add(city('Tel Aviv', 'IL'), 'tel aviv-yafo', 'tel-aviv');
  add(city('Dubai', 'AE'));
  add(city('Abu Dhabi', 'AE'));
  add(city('Cairo', 'EG'));
  add(city('Lagos', 'NG'));
  add(city('Nairobi', 'KE'));
  add(city('Cape Town', 'ZA'));
  add(city('Johannesburg', 'ZA'));
  add(city('Bengaluru', 'IN'), 'bangalore');
  add(city('Mumbai', 'IN'), 'bombay');
  add(city('New Delhi', 'IN'), 'delhi');
  add(city('Hyderabad', 'IN'));
  add(city('Pune', 'IN'));
  add(city('Chennai', 'IN'));
  add(city('Gurugram', 'IN'), 'gurgaon');
  add(city('Noida', 'IN'));
  add(city('Singapore', 'SG'));
  add(city('Kuala Lumpur', 'MY'));
  add(city('Jakarta', 'ID'));
  add(city('Bangkok', 'TH'));
  add(city('Ho Chi Minh City', 'VN'), 'saigon');
  add(city('Hanoi', 'VN'));
  add(city('Manila', 'PH'));
  add(city('Hong Kong', 'HK'));
  add(city('Shanghai', 'CN'));
  add(city('Beijing', 'CN'));
  add(city('Shenzhen', 'CN'));
  add(city('Taipei', 'TW'));
  add(city('Tokyo', 'JP'));
  add(city('Osaka', 'JP'));
  add(city('Seoul', 'KR'));
  add(city('Sydney', 'AU', 'NSW'));
  add(city('Melbourne', 'AU', 'VIC'));
  add(city('Brisbane', 'AU', 'QLD'));
  add(city('Auckland', 'NZ'));
  add(city('Wellington', 'NZ'));
  add(city('São Paulo', 'BR'), 'sao paulo');
  add(city('Rio de Janeiro', 'BR'));
  add(city('Buenos Aires', 'AR'));
  add(city('Mexico City', 'MX'), 'ciudad de méxico', 'cdmx');
  add(city('Bogotá', 'CO'), 'bogota');
  add(city('Medellín', 'CO'), 'medellin');
  add(city('Santiago', 'CL'));
  add(city('Lima', 'PE'));
  add(city('Montevideo', 'UY'));
  return table;
})();

/** Remote scopes that are regions rather than countries. */
export const SCOPES: Readonly<Record<string, string>> = {
  worldwide: 'Worldwide',
  anywhere: 'Worldwide',
  global: 'Worldwide',
  globally: 'Worldwide',
  international: 'Worldwide',
  'anywhere in the world': 'Worldwide',
  eu: 'EU',
  'european union': 'EU',
  europe: 'Europe',
  emea: 'EMEA',
  'north america': 'North America',
  'n. america': 'North America',
  americas: 'Americas',
  'the americas': 'Americas',
  latam: 'LATAM',
  'latin america': 'LATAM',
  'south america': 'LATAM',
  apac: 'APAC',
  'asia pacific': 'APAC',
  'asia-pacific': 'APAC',
  asia: 'APAC',
};

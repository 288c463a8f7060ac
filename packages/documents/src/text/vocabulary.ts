/** The words a resume's headings, titles, employers and places are recognized by. */

export type SectionKind =
  | 'work'
  | 'projects'
  | 'education'
  | 'certificates'
  | 'skills'
  | 'languages'
  | 'summary'
  | 'contact';

/** Heading texts, folded by `headingKey`, and the section each one opens. */
const SECTION_NAMES: Readonly<Record<SectionKind, readonly string[]>> = {
  work: [
    'experience',
    'work experience',
    'professional experience',
    'relevant experience',
    'work history',
    'employment',
    'employment history',
    'career history',
    'career',
    'professional background',
    'work',
    'positions',
    'positions held',
    'experience and employment',
    'industry experience',
  ],
  projects: [
    'projects',
    'project',
    'personal projects',
    'side projects',
    'selected projects',
    'key projects',
    'notable projects',
    'open source',
    'open source projects',
    'open source contributions',
    'portfolio',
  ],
  education: [
    'education',
    'academic background',
    'academic history',
    'academics',
    'education and training',
    'educational background',
    'studies',
  ],
  certificates: [
    'certifications',
    'certification',
    'certificates',
    'certificate',
    'licenses and certifications',
    'licences and certifications',
    'certifications and licenses',
    'certifications and courses',
    'courses and certifications',
    'certifications and training',
    'licenses',
    'accreditations',
  ],
  skills: [
    'skills',
    'technical skills',
    'core skills',
    'key skills',
    'hard skills',
    'skills and tools',
    'skills and technologies',
    'tools and technologies',
    'technologies',
    'tech stack',
    'tools',
    'expertise',
    'areas of expertise',
    'core competencies',
    'competencies',
    'skill set',
    'skillset',
    'programming languages',
    'technical proficiencies',
    'technical expertise',
  ],
  languages: ['languages', 'language', 'spoken languages', 'language skills', 'foreign languages'],
  summary: [
    'summary',
    'professional summary',
    'career summary',
    'profile',
    'professional profile',
    'personal profile',
    'about',
    'about me',
    'objective',
    'career objective',
    'personal statement',
    'overview',
    'introduction',
  ],
  contact: [
    'links',
    'online',
    'profiles',
    'online profiles',
    'social',
    'social media',
    'contact',
    'contacts',
    'contact information',
    'contact info',
    'contact details',
    'personal details',
    'personal information',
    'find me online',
  ],
};

/**
 * Sections resumes often have that a Profile has no place for: recognized as headings in
 * any style, so what is under them goes to `unplaced` instead of into the section before.
 */
const OTHER_SECTIONS = [
  'volunteering',
  'volunteer',
  'volunteer experience',
  'volunteer work',
  'community',
  'community involvement',
  'publications',
  'papers',
  'selected publications',
  'awards',
  'honors',
  'honours',
  'awards and honors',
  'awards and honours',
  'honors and awards',
  'achievements',
  'accomplishments',
  'interests',
  'hobbies',
  'hobbies and interests',
  'interests and hobbies',
  'references',
  'patents',
  'talks',
  'speaking',
  'talks and publications',
  'presentations',
  'conferences',
  'memberships',
  'affiliations',
  'professional affiliations',
  'activities',
  'extracurricular activities',
  'leadership',
  'courses',
  'coursework',
  'training',
  'research',
  'teaching',
  'additional information',
  'other',
  'miscellaneous',
  'declaration',
];

const BY_KEY = new Map<string, SectionKind | 'other'>();
for (const [kind, names] of Object.entries(SECTION_NAMES) as [SectionKind, readonly string[]][])
  for (const name of names) BY_KEY.set(name, kind);
for (const name of OTHER_SECTIONS) BY_KEY.set(name, 'other');

/** A heading's text folded for lookup: case, `&`, punctuation and spacing. */
export function headingKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The section a heading names, `other` for a known section ApplyDesk does not read. */
export function sectionNamed(text: string): SectionKind | 'other' | undefined {
  return BY_KEY.get(headingKey(text));
}

/** Words that make a phrase a job title. */
const TITLE_WORDS =
  /\b(engineer|engineering manager|developer|programmer|architect|manager|lead|leader|head|director|designer|analyst|scientist|consultant|specialist|administrator|admin|intern|internship|trainee|apprentice|officer|vp|vice president|president|cto|ceo|cfo|coo|cpo|founder|co-founder|cofounder|owner|freelancer|freelance|contractor|self-employed|associate|assistant|coordinator|editor|writer|researcher|professor|lecturer|teacher|tutor|technician|sre|devops|qa|tester|accountant|recruiter|marketer|strategist|producer|representative|advisor|principal|staff|senior|junior|sr|jr|chief|product owner|scrum master|maintainer|contributor|student|volunteer|mentor|instructor|nurse|physician|clerk|operator|executive|partner)\b/i;

/** Endings and words that make a phrase an organization. */
const COMPANY_WORDS =
  /\b(inc|incorporated|ltd|limited|llc|llp|gmbh|ag|se|kg|corp|corporation|co|company|plc|s\.?a|s\.?l|b\.?v|n\.?v|srl|oy|ab|as|pty|group|labs?|technologies|technology|tech|studios?|systems|solutions|software|consulting|consultancy|agency|holdings|ventures|bank|university|college|institute|foundation|ministry|department|gmbh & co|partners|networks|media|games|health|hospital|clinic|analytics|digital|interactive|industries|enterprises)\b\.?$|\b(inc|ltd|llc|gmbh|corp|plc)\b/i;

export function looksLikeTitle(text: string): boolean {
  return TITLE_WORDS.test(text);
}

export function looksLikeCompany(text: string): boolean {
  return COMPANY_WORDS.test(text.trim());
}

/** Words that make a phrase a school. */
const INSTITUTION_WORDS =
  /\b(university|universit[äa]t|universidad|universit[ée]|universit[àa]|universiteit|college|institute|institut|instituto|school|academy|akademie|polytechnic|politecnico|polytechnique|hochschule|fachhochschule|conservatory|seminary|bootcamp)\b/i;
const INSTITUTION_ACRONYMS = /\b(MIT|ETH|EPFL|UCL|LSE|TU|KTH|NYU|UCLA|UCSD|CMU|RWTH|KIT|IIT)\b/;

export function looksLikeInstitution(text: string): boolean {
  return INSTITUTION_WORDS.test(text) || INSTITUTION_ACRONYMS.test(text);
}

/** Degrees, first the long spellings, then the abbreviations. */
const DEGREE =
  /^(?:(?:bachelor|master|doctor|associate)(?:'?s)?(?:\s+of\s+(?:science|arts|engineering|fine arts|business administration|laws|philosophy|education|technology|applied science|music|commerce))?|b\.?\s?sc\.?|m\.?\s?sc\.?|b\.?\s?s\.?|m\.?\s?s\.?|b\.?\s?a\.?|m\.?\s?a\.?|b\.?\s?eng\.?|m\.?\s?eng\.?|b\.?\s?tech\.?|m\.?\s?tech\.?|b\.?\s?com\.?|m\.?\s?com\.?|bba|mba|ph\.?\s?d\.?|d\.?\s?phil\.?|ed\.?\s?d\.?|j\.?\s?d\.?|m\.?\s?d\.?|ll\.?\s?[bm]\.?|a\.?\s?a\.?|a\.?\s?s\.?|diploma|diplom|dipl\.?[-\s]?ing\.?|high school diploma|high school|ged|abitur|a[-\s]levels?|gcses?|hnd|hnc|licen[cs]e|licenciatura|magister|certificate)(?=$|[\s,(:-])/i;

/** A degree at the start of `text` and what follows it: "BSc in Computer Science". */
export function splitDegree(text: string): { studyType: string; area?: string } | null {
  const t = text.trim();
  const m = DEGREE.exec(t);
  if (m === null) return null;
  const studyType = m[0].trim();
  const area = t
    .slice(m[0].length)
    .replace(/^\s*(?:\(|,|:|-|–|—|\bin\b|\bof\b)\s*/i, '')
    .replace(/\)\s*$/, '')
    .trim();
  return area === '' ? { studyType } : { studyType, area };
}

/** Country names to ISO 3166 codes, for "Berlin, Germany". */
const COUNTRIES: Readonly<Record<string, string>> = {
  germany: 'DE',
  deutschland: 'DE',
  austria: 'AT',
  switzerland: 'CH',
  france: 'FR',
  spain: 'ES',
  portugal: 'PT',
  italy: 'IT',
  netherlands: 'NL',
  'the netherlands': 'NL',
  belgium: 'BE',
  luxembourg: 'LU',
  ireland: 'IE',
  'united kingdom': 'GB',
  uk: 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'united states': 'US',
  'united states of america': 'US',
  usa: 'US',
  us: 'US',
  canada: 'CA',
  mexico: 'MX',
  brazil: 'BR',
  argentina: 'AR',
  chile: 'CL',
  colombia: 'CO',
  denmark: 'DK',
  sweden: 'SE',
  norway: 'NO',
  finland: 'FI',
  iceland: 'IS',
  estonia: 'EE',
  latvia: 'LV',
  lithuania: 'LT',
  poland: 'PL',
  czechia: 'CZ',
  'czech republic': 'CZ',
  slovakia: 'SK',
  hungary: 'HU',
  romania: 'RO',
  bulgaria: 'BG',
  greece: 'GR',
  croatia: 'HR',
  serbia: 'RS',
  slovenia: 'SI',
  ukraine: 'UA',
  turkey: 'TR',
  türkiye: 'TR',
  israel: 'IL',
  egypt: 'EG',
  'south africa': 'ZA',
  nigeria: 'NG',
  kenya: 'KE',
  india: 'IN',
  pakistan: 'PK',
  bangladesh: 'BD',
  'sri lanka': 'LK',
  china: 'CN',
  japan: 'JP',
  'south korea': 'KR',
  korea: 'KR',
  taiwan: 'TW',
  'hong kong': 'HK',
  singapore: 'SG',
  malaysia: 'MY',
  indonesia: 'ID',
  philippines: 'PH',
  vietnam: 'VN',
  thailand: 'TH',
  australia: 'AU',
  'new zealand': 'NZ',
  'united arab emirates': 'AE',
  uae: 'AE',
};

export function countryCode(name: string): string | undefined {
  return COUNTRIES[name.trim().toLowerCase().replace(/\.$/, '')];
}

/** Languages people speak, to tell "Languages: English, German" from programming languages. */
const SPOKEN = new Set([
  'english',
  'german',
  'french',
  'spanish',
  'portuguese',
  'italian',
  'dutch',
  'flemish',
  'danish',
  'swedish',
  'norwegian',
  'finnish',
  'icelandic',
  'polish',
  'czech',
  'slovak',
  'hungarian',
  'romanian',
  'bulgarian',
  'greek',
  'croatian',
  'serbian',
  'slovenian',
  'ukrainian',
  'russian',
  'belarusian',
  'estonian',
  'latvian',
  'lithuanian',
  'turkish',
  'arabic',
  'hebrew',
  'persian',
  'farsi',
  'urdu',
  'hindi',
  'bengali',
  'punjabi',
  'tamil',
  'telugu',
  'marathi',
  'gujarati',
  'chinese',
  'mandarin',
  'cantonese',
  'japanese',
  'korean',
  'vietnamese',
  'thai',
  'indonesian',
  'malay',
  'tagalog',
  'filipino',
  'swahili',
  'amharic',
  'yoruba',
  'zulu',
  'afrikaans',
  'catalan',
  'basque',
  'galician',
  'irish',
  'welsh',
  'latin',
  'esperanto',
  'sign language',
  'asl',
  'bsl',
]);

export function isSpokenLanguage(name: string): boolean {
  const key = name.trim().toLowerCase();
  return SPOKEN.has(key) || SPOKEN.has(key.split(/\s+/)[0] ?? '');
}

/** How well someone speaks a language. */
export const FLUENCY =
  /^(native(?: speaker)?|mother tongue|first language|bilingual|fluent|full professional(?: proficiency)?|professional(?: working)?(?: proficiency)?|limited working(?: proficiency)?|elementary(?: proficiency)?|proficient|advanced|upper[- ]intermediate|intermediate|lower[- ]intermediate|conversational|working knowledge|basic|beginner|good|very good|excellent|[abc][12](?:\s*\([^)]*\))?)\b/i;

/** Levels a skill list may name: "Expert: TypeScript, Go". */
export const SKILL_LEVEL =
  /^(expert|advanced|proficient|intermediate|familiar|beginner|basic|working knowledge|novice|strong|good|fluent|\d+\+?\s*(?:years?|yrs?))$/i;

import { findDateRange } from './dates.js';
import { countryCode, looksLikeCompany, looksLikeTitle } from './vocabulary.js';

export type ResumeLocationDraft = {
  address?: string;
  postalCode?: string;
  city?: string;
  region?: string;
  countryCode?: string;
};

export type ProfileLink = {
  network: string;
  username?: string;
  url?: string;
};

/** Contact details found in a resume's header or its Contact/Links section. */
export interface Contact {
  emails: string[];
  phones: string[];
  /** Personal sites: links to no known network. */
  sites: string[];
  profiles: ProfileLink[];
  location?: ResumeLocationDraft;
  /** Text left over, in reading order. */
  rest: string[];
}

const EMAIL = /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const TLDS =
  'com|dev|io|net|org|me|app|co|de|uk|page|site|tech|ai|xyz|info|eu|ch|at|nl|fr|es|it|pl|se|ca|us|blog|so|sh|gg|design|studio|social|to|cc|online|codes|works|pro|fm';
const URL_PATTERN = new RegExp(
  String.raw`(?:https?:\/\/|www\.)[^\s|,;()<>"]+|(?<![@\w.\/-])(?:[a-z0-9-]+\.)+(?:${TLDS})(?![\w-])(?:\/[^\s|,;()<>"]*)?`,
  'gi',
);
const PHONE = /(?<![\w])(?:\+\d|\(\d|\d)[\d\s()./-]{5,}\d(?![\w])/g;
const LABEL =
  /^(?:e-?mail|mail|phone|tel|telephone|mobile|cell|call|location|address|based in|lives in|city|web|website|homepage|home page|portfolio|blog|site|url)\s*[:\-–—]?\s*/i;

/** Networks by host, and where their URLs keep the user name. */
const NETWORKS: readonly { host: RegExp; network: string; user: RegExp }[] = [
  { host: /(^|\.)linkedin\.com$/, network: 'LinkedIn', user: /^\/(?:in|pub)\/([^/?#]+)/ },
  { host: /(^|\.)github\.com$/, network: 'GitHub', user: /^\/([^/?#]+)/ },
  { host: /(^|\.)gitlab\.com$/, network: 'GitLab', user: /^\/([^/?#]+)/ },
  { host: /(^|\.)bitbucket\.org$/, network: 'Bitbucket', user: /^\/([^/?#]+)/ },
  { host: /(^|\.)twitter\.com$/, network: 'Twitter', user: /^\/([^/?#]+)/ },
  { host: /^(www\.)?x\.com$/, network: 'X', user: /^\/([^/?#]+)/ },
  {
    host: /(^|\.)stackoverflow\.com$/,
    network: 'Stack Overflow',
    user: /^\/users\/\d+\/([^/?#]+)/,
  },
  { host: /(^|\.)medium\.com$/, network: 'Medium', user: /^\/@([^/?#]+)/ },
  { host: /^(www\.)?dev\.to$/, network: 'DEV', user: /^\/([^/?#]+)/ },
  { host: /(^|\.)dribbble\.com$/, network: 'Dribbble', user: /^\/([^/?#]+)/ },
  { host: /(^|\.)behance\.net$/, network: 'Behance', user: /^\/([^/?#]+)/ },
  { host: /(^|\.)upwork\.com$/, network: 'Upwork', user: /^\/(?:freelancers|fl)\/([^/?#]+)/ },
  { host: /(^|\.)kaggle\.com$/, network: 'Kaggle', user: /^\/([^/?#]+)/ },
  { host: /(^|\.)codepen\.io$/, network: 'CodePen', user: /^\/([^/?#]+)/ },
  { host: /(^|\.)xing\.com$/, network: 'XING', user: /^\/profile\/([^/?#]+)/ },
  { host: /(^|\.)youtube\.com$/, network: 'YouTube', user: /^\/@?([^/?#]+)/ },
  { host: /(^|\.)instagram\.com$/, network: 'Instagram', user: /^\/([^/?#]+)/ },
  { host: /(^|\.)facebook\.com$/, network: 'Facebook', user: /^\/([^/?#]+)/ },
  { host: /^bsky\.app$/, network: 'Bluesky', user: /^\/profile\/([^/?#]+)/ },
  { host: /(^|\.)mastodon\.social$/, network: 'Mastodon', user: /^\/@([^/?#]+)/ },
];

/** Network names alone: a link's label once its URL has been taken out. */
const NETWORK_LABELS = new Set([
  ...NETWORKS.map((n) => n.network.toLowerCase()),
  'website',
  'web',
  'portfolio',
  'blog',
  'homepage',
  'email',
  'e-mail',
  'phone',
  'mobile',
  'twitter / x',
]);

/** A link's network from its host: LinkedIn, GitHub…, else null (a personal site). */
export function profileOf(rawUrl: string): ProfileLink | null {
  const url = withScheme(rawUrl);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const host = parsed.hostname.toLowerCase();
  for (const { host: pattern, network, user } of NETWORKS) {
    if (!pattern.test(host)) continue;
    const name = user.exec(parsed.pathname)?.[1];
    return name === undefined
      ? { network, url }
      : { network, username: decodeURIComponent(name), url };
  }
  return null;
}

export function withScheme(url: string): string {
  return /^https?:\/\//i.test(url) ? url : `https://${url}`;
}

/** Reads emails, phones, links and a location out of contact lines; keeps what is left. */
export function readContact(lines: readonly string[]): Contact {
  const contact: Contact = { emails: [], phones: [], sites: [], profiles: [], rest: [] };
  for (const line of lines) {
    // Contact lines are short; a very long one is kept as it is, not searched.
    if (line.length > 500) {
      contact.rest.push(line);
      continue;
    }
    let text = line;
    // "LinkedIn: jdoe" names a profile without its URL.
    const named =
      /^(linkedin|github|gitlab|twitter|x|xing|dribbble|behance|medium)\s*:\s*@?([\w.-]+)\s*$/i.exec(
        text,
      );
    if (named !== null && !/\./.test(named[2]!)) {
      const network = NETWORKS.find((n) => n.network.toLowerCase() === named[1]!.toLowerCase());
      contact.profiles.push({ network: network?.network ?? named[1]!, username: named[2]! });
      continue;
    }
    text = text.replace(EMAIL, (email) => {
      contact.emails.push(email);
      return ' | ';
    });
    text = text.replace(URL_PATTERN, (raw) => {
      const url = raw.replace(/[.,;:!?'"\])]+$/, '');
      const profile = profileOf(url);
      if (profile !== null) contact.profiles.push(profile);
      else contact.sites.push(withScheme(url));
      return ` | ${raw.slice(url.length)}`;
    });
    text = text.replace(PHONE, (raw) => {
      const digits = raw.replace(/\D/g, '').length;
      const dates = findDateRange(raw);
      const isDate = dates !== null && dates.rest === '';
      if (isDate || digits < 7 || digits > 15 || (!raw.startsWith('+') && digits < 9)) return raw;
      contact.phones.push(raw.trim());
      return ' | ';
    });
    for (const piece of text.split(/\s*(?:[|•·;✉☎📞📧🌐📍]|\s{2,}|\s[-–—]\s)\s*/u)) {
      const segment = piece
        .replace(LABEL, '')
        .replace(/^[\s:,()\-–—]+|[\s:,()\-–—]+$/g, '')
        .trim();
      if (segment === '' || NETWORK_LABELS.has(segment.toLowerCase())) continue;
      const location = contact.location === undefined ? parseLocation(segment) : null;
      if (location !== null) contact.location = location;
      else contact.rest.push(segment);
    }
  }
  return contact;
}

/** US states and Canadian provinces: "Denver, CO" is a region, not a country. */
const REGIONS = new Set(
  (
    'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY ' +
    'AB BC MB NB NL NS NT NU ON PE QC SK YT'
  ).split(' '),
);

const PLACE_WORD = String.raw`\p{Lu}[\p{L}'’.-]*`;
const PLACE = new RegExp(
  String.raw`^${PLACE_WORD}(?:\s+(?:${PLACE_WORD}|am|an|de|del|la|le|sur|upon|on|im|di))*$`,
  'u',
);

/**
 * A place: "Berlin, Germany", "Denver, CO", "10115 Berlin, Germany", "Remote", or a country
 * alone. A lone word that is not a country is not taken for a place (it could be anything).
 */
export function parseLocation(raw: string): ResumeLocationDraft | null {
  const text = raw
    .replace(/^(?:location|address|based in|lives in)\s*:?\s*/i, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (/^(?:remote|fully remote|remote only|anywhere|worldwide)(?:\s*\([^)]*\))?$/i.test(text))
    return { address: text };
  const parts = text.split(/\s*,\s*/);
  if (parts.length > 3 || parts.some((p) => p === '')) return null;
  let postalCode: string | undefined;
  const first = /^(\d{4,6}|[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2})\s+(.+)$/u.exec(parts[0]!);
  if (first !== null) {
    postalCode = first[1]!;
    parts[0] = first[2]!;
  }
  if (parts.some((p) => !PLACE.test(p) || p.split(' ').length > 4)) return null;
  const words = parts.filter((p) => !/^[A-Z]{2}$/.test(p));
  if (words.some((p) => looksLikeTitle(p) || looksLikeCompany(p))) return null;
  const last = parts.at(-1)!;
  const code = /^[A-Z]{2}$/.test(last)
    ? REGIONS.has(last) && parts.length > 1
      ? undefined
      : last === 'UK'
        ? 'GB'
        : last
    : countryCode(last);
  if (parts.length === 1) return code === undefined ? null : { countryCode: code };
  const location: ResumeLocationDraft = { city: parts[0]! };
  if (postalCode !== undefined) location.postalCode = postalCode;
  if (code !== undefined) {
    if (parts.length === 3) location.region = parts[1]!;
    location.countryCode = code;
  } else {
    location.region = parts.slice(1).join(', ');
  }
  return location;
}

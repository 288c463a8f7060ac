import { decodeEntities } from '@applydesk/domain';
import { looksLikePlace } from './places.js';
import { parseSalaryText, type ParsedSalary } from './salary-text.js';

export type HiringRemote = 'remote' | 'hybrid' | 'onsite' | 'unknown';
export type HiringEmployment = 'Full-time' | 'Part-time' | 'Contract' | 'Intern';

/** What one top-level "Ask HN: Who is hiring?" comment says, read from its free text. */
export interface ParsedHiringComment {
  company: string;
  /** Roles named, in order: header segments, bullet lines, else hiring phrases in the text. */
  roles: string[];
  /** The one role, or the roles joined; '' when the comment names none. */
  title: string;
  /** The header line as written, links spelled out. */
  headline: string;
  /** Places named outside "Remote (...)": "SF", "NYC, NY", "Stockholm". */
  locations: string[];
  /** Places and remote regions as one line ("SF; Remote (North America)"), or null. */
  locationText: string | null;
  /** remote when remote work is offered (even beside an office), else hybrid, else onsite. */
  remote: HiringRemote;
  /** Where remote hires may be: "US", "North America", "UK", "EU". */
  remoteRegions: string[];
  salary: ParsedSalary | null;
  /** An equity figure such as "0.3-0.41%", or null (a bare "+ equity" names none). */
  equity: string | null;
  employmentType: HiringEmployment | null;
  /** "Bootstrapped", "Seed", "Series B"... when the text says. */
  companyStage: string | null;
  visaSponsorship: boolean;
  /** The first link that reads as a careers or job page, or null. */
  applyUrl: string | null;
  links: string[];
}

/** Why a comment gave no posting. */
export type NotAJobReason = 'empty' | 'not_a_job';

export type HiringCommentVerdict =
  { kind: 'job'; posting: ParsedHiringComment } | { kind: NotAJobReason; posting: null };

/** Parses a comment, or null when it is not a job post (empty, a reply, meta talk). */
export function parseHiringComment(html: string): ParsedHiringComment | null {
  return classifyHiringComment(html).posting;
}

// --- Text ------------------------------------------------------------------------------

const URL_IN_TEXT = /\bhttps?:\/\/[^\s|<>"]+/gi;

interface CommentText {
  /** Paragraphs as plain text; lines inside a paragraph kept. */
  paragraphs: string[];
  links: string[];
}

/** Algolia's comment HTML (`<p>`, `<a href>`, entities) as paragraphs of plain text. */
function readComment(html: string): CommentText {
  const links: string[] = [];
  const spelled = html.replace(
    /<a\b[^>]*?\bhref\s*=\s*"([^"]*)"[^>]*>[\s\S]*?<\/a>/gi,
    (_whole, href: string) => {
      const url = decodeEntities(href).trim();
      if (/^https?:\/\//i.test(url)) links.push(url);
      return ` ${url} `;
    },
  );
  const paragraphs = spelled
    .split(/<p\b[^>]*>|<\/p>/i)
    .map((para) =>
      decodeEntities(para.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]+>/g, ''))
        .replace(/[ \t\f\v]+/g, ' ')
        .split('\n')
        .map((line) => line.trim())
        .join('\n')
        .trim(),
    )
    .filter((para) => para !== '');
  return { paragraphs, links };
}

// --- Roles -----------------------------------------------------------------------------

const ROLE_NOUNS = [
  'engineers?',
  'developers?',
  'devs',
  'swes?',
  'sres?',
  'designers?',
  'scientists?',
  'researchers?',
  'architects?',
  'managers?',
  'leads?',
  'directors?',
  'analysts?',
  'administrators?',
  'specialists?',
  'consultants?',
  'programmers?',
  'technicians?',
  'writers?',
  'marketers?',
  'recruiters?',
  'accountants?',
  'counsel',
  'attorneys?',
  'executives?',
  'representatives?',
  'coordinators?',
  'officers?',
  'interns?',
  'hackers?',
  'strategists?',
  'advocates?',
  'generalists?',
  'head of [a-z&]+(?: [a-z&]+)?',
  'vp of [a-z&]+(?: [a-z&]+)?',
  'cto',
  'cfo',
  'coo',
  'product owners?',
];
const ROLE_ALT = `(?:${ROLE_NOUNS.join('|')})`;
const ROLE_NOUN = new RegExp(`\\b${ROLE_ALT}\\b`, 'i');
const ROLE_NOUN_G = new RegExp(ROLE_NOUN.source, 'gi');

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "An Engineering Manager for our MLE team" -> "Engineering Manager". */
function trimRole(item: string): string | null {
  let text = item
    .replace(/^[\s\-–—*•·:;,.!]+/, '')
    .replace(/^(?:an?|the|our|another|two|three|several|multiple|some|\d+x?)\s+/i, '')
    .trim();
  ROLE_NOUN_G.lastIndex = 0;
  let end = -1;
  // Up to the end of the first role noun, and of any role nouns right after it ("Tech Lead Manager").
  for (let m = ROLE_NOUN_G.exec(text); m !== null; m = ROLE_NOUN_G.exec(text)) {
    if (end !== -1 && text.slice(end, m.index).trim() !== '') break;
    end = m.index + m[0].length;
  }
  if (end === -1) return null;
  text = text.slice(0, end).trim();
  return text === '' ? null : capitalize(text);
}

/** A header segment naming roles, one or several ("Backend Engineer, Frontend Engineer"). */
function rolesInSegment(segment: string): string[] {
  const cleaned = segment
    .replace(
      /\((?:[^)]*\b(?:remote|onsite|on-site|hybrid|full[- ]?time|part[- ]?time|contract)\b[^)]*)\)/gi,
      ' ',
    )
    .replace(/\s*[-–—,]?\s*\b(?:remote|onsite|on-site|hybrid)\b/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!ROLE_NOUN.test(cleaned)) return [];
  const pieces = cleaned.split(/\s*(?:,|;|\s\/\s|\s&\s|\sand\s)\s*/i);
  if (pieces.length > 1 && pieces.every((p) => ROLE_NOUN.test(p))) {
    return pieces.map((p) => p.trim()).filter((p) => p !== '');
  }
  return [cleaned];
}

/** "is hiring a full-stack Senior Software Engineer", "looking for another OpenZFS Developer". */
const HIRING_PHRASE = new RegExp(
  `\\b(?:hiring|looking for|seeking|searching for)\\s+(?:(?:an?|another|our|the|two|three|several|multiple|some|\\d+)\\s+)?((?:[\\w+#./-]+\\s+){0,5}?${ROLE_ALT})\\b`,
  'gi',
);

const BULLET = /^\s*(?:--?|—|–|\*|•|·|>)\s*(.+)$/;

/** Lists after "looking for:", and "is hiring a Senior Software Engineer" phrases. */
function rolesInText(paragraphs: readonly string[]): string[] {
  const roles: string[] = [];
  for (const para of paragraphs) {
    const list =
      /\b(?:looking for|hiring(?: for)?|open (?:roles|positions)|roles|positions|openings)\s*:\s*(.+)$/im.exec(
        para,
      );
    if (list?.[1] !== undefined) {
      let items = list[1].split(/\s+[-–—•·]\s+|;|\n/);
      if (items.length < 2) items = list[1].split(/,\s*/);
      for (const item of items) {
        const role = trimRole(item);
        if (role !== null) roles.push(role);
      }
    }
    for (const m of para.matchAll(HIRING_PHRASE)) {
      const text = (m[1] ?? '').trim();
      // "looking for engineers who..." names no role; "a Senior Software Engineer" does.
      if (!/\s/.test(text) && text === text.toLowerCase()) continue;
      const role = trimRole(text);
      if (role !== null) roles.push(role);
    }
  }
  return roles;
}

function distinct(roles: readonly string[]): string[] {
  const seen = new Set<string>();
  return roles.filter((role) => {
    const key = role
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
    if (key === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function titleOf(roles: readonly string[]): string {
  const joined = roles.join(' / ');
  return joined.length <= 200 ? joined : `${joined.slice(0, 199).trimEnd()}…`;
}

// --- Remote, place, type ---------------------------------------------------------------

const REMOTE_WORD = /\bremote\b/i;
const NOT_REMOTE =
  /\b(?:no|not|non)[- ]remote\b|\bremote\s+(?:not\s+(?:available|possible|an option)|unavailable)\b/i;
const ONSITE_WORD = /\bon[- ]?site\b|\bin[- ](?:office|person)\b|\bonsite\b/i;
const HYBRID_WORD = /\bhybrid\b/i;

/** "Remote (US only)" -> ["US"]; "Remote - UK/EU" -> ["UK", "EU"]; "REMOTE" -> []. */
function regionsAfterRemote(after: string): string[] {
  let text = after;
  const paren = /^\s*\(([^)]*)\)/.exec(text);
  if (paren?.[1] !== undefined) text = paren[1];
  else if (/^\s*-\s*(?:first|friendly|ok|okay)\b/i.test(text)) return [];
  else if (/^\s*[-–—:]\s*/.test(text)) text = text.replace(/^\s*[-–—:]\s*/, '');
  else if (/^\s+(?:in\s+(?:the\s+)?)?[A-Z]/.test(text))
    text = text.replace(/^\s+(?:in\s+(?:the\s+)?)?/, '');
  else return [];
  return text
    .split(/\s*(?:\/|,|;|\bor\b|\band\b|&|\+)\s*/i)
    .map((part) =>
      part
        .replace(
          /\b(?:only|preferred|based|timezones?|time ?zones?|friendly|ok|okay|first)\b/gi,
          '',
        )
        .replace(/^[\s(]+|[\s).!]+$/g, '')
        .trim(),
    )
    .filter((part) => part !== '' && part.split(/\s+/).length <= 4);
}

interface Workplace {
  remote: boolean;
  hybrid: boolean;
  onsite: boolean;
  regions: string[];
  /** Places left once the remote words are taken out ("SF, Remote (...)" -> "SF"). */
  places: string[];
}

function readWorkplace(segment: string): Workplace | null {
  const hasRemote = REMOTE_WORD.test(segment) && !NOT_REMOTE.test(segment);
  const hasHybrid = HYBRID_WORD.test(segment);
  const hasOnsite = ONSITE_WORD.test(segment) || NOT_REMOTE.test(segment);
  if (!hasRemote && !hasHybrid && !hasOnsite) return null;
  const regions: string[] = [];
  let rest = segment;
  if (hasRemote) {
    const at = segment.search(REMOTE_WORD);
    const after = segment.slice(at + 'remote'.length);
    regions.push(...regionsAfterRemote(after));
    const paren = /^\s*\([^)]*\)/.exec(after);
    const tail = paren !== null ? after.slice(paren[0].length) : regions.length > 0 ? '' : after;
    rest = `${segment.slice(0, at)} ${tail}`;
  }
  rest = rest
    .replace(NOT_REMOTE, ' ')
    .replace(ONSITE_WORD, ' ')
    .replace(HYBRID_WORD, ' ')
    .replace(/\(\s*\)/g, ' ')
    .replace(/\b(?:or|and|in|at|from)\b\s*$/i, ' ')
    .replace(/^\s*(?:in|at|from|or|and)\b/i, ' ');
  const place = rest.replace(/^[\s,;:()\-–—+&]+|[\s,;:()\-–—+&]+$/g, '').replace(/\s+/g, ' ');
  const places = place !== '' && looksLikePlace(place) ? [place] : [];
  return { remote: hasRemote, hybrid: hasHybrid, onsite: hasOnsite, regions, places };
}

function employmentIn(segment: string): HiringEmployment[] {
  if (segment.split(/\s+/).length > 6) return [];
  const found: HiringEmployment[] = [];
  if (/\bcontract(?:or|ors)?\b|\bfreelance\b|\bc2h\b|\bcontract[- ]to[- ]hire\b/i.test(segment))
    found.push('Contract');
  if (/\bfull[- ]?time\b|\bpermanent\b|\bFTE\b/i.test(segment)) found.push('Full-time');
  if (/\bpart[- ]?time\b/i.test(segment)) found.push('Part-time');
  if (/\bintern(?:s|ships?)?\b/i.test(segment)) found.push('Intern');
  return found;
}

/** Contract wins ("Full-time Contract"), then full-time, part-time, internship. */
function employmentOf(kinds: readonly HiringEmployment[]): HiringEmployment | null {
  for (const kind of ['Contract', 'Full-time', 'Part-time', 'Intern'] as const) {
    if (kinds.includes(kind)) return kind;
  }
  return null;
}

const EQUITY =
  /(\d+(?:\.\d+)?\s*%?\s*(?:-|–|to)\s*\d+(?:\.\d+)?\s*%|\d+(?:\.\d+)?\s*%)\s*(?:equity|stock|options)\b|\bequity\s*(?:of|:)?\s*(\d+(?:\.\d+)?\s*%?\s*(?:-|–|to)\s*\d+(?:\.\d+)?\s*%|\d+(?:\.\d+)?\s*%)/i;

function equityIn(text: string): string | null {
  const m = EQUITY.exec(text);
  const figure = m?.[1] ?? m?.[2];
  return figure === undefined ? null : figure.replace(/\s+/g, '').replace(/–|to/g, '-');
}

function stageIn(text: string): string | null {
  if (/\bbootstrapped\b/i.test(text)) return 'Bootstrapped';
  if (/\bpre[- ]?seed\b/i.test(text)) return 'Pre-seed';
  const series = /\bSeries\s+([A-H])\b/.exec(text);
  if (series?.[1] !== undefined) return `Series ${series[1]}`;
  if (/\bseed(?:[- ](?:stage|round|funded|funding))\b|\bseed-backed\b/i.test(text)) return 'Seed';
  if (/\bpublicly traded\b|\b(?:NYSE|NASDAQ)\b/.test(text)) return 'Public';
  return null;
}

// --- Links -----------------------------------------------------------------------------

const ATS_HOSTS =
  /(?:^|\.)(?:greenhouse\.io|lever\.co|ashbyhq\.com|workable\.com|wellfound\.com|angel\.co|recruitee\.com|bamboohr\.com|smartrecruiters\.com|teamtailor\.com|breezy\.hr|rippling\.com|rippling-ats\.com|workatastartup\.com|personio\.de|personio\.com|jobvite\.com|icims\.com|myworkdayjobs\.com|join\.com|homerun\.co|pinpointhq\.com|polymer\.co|dover\.com|dover\.io|gem\.com|trakstar\.com|jazzhr\.com|applytojob\.com)$/i;
const CAREERS_HOST = /^(?:jobs|careers|career|apply|hiring|join|work)\./i;
const CAREERS_PATH =
  /\/(?:careers?|jobs?|join(?:-us)?|hiring|apply|positions|openings|open-roles|roles|work-with-us|vacancies|opportunities)(?:\/|$|[-_.?#])/i;

/** True for a careers page, an applicant-tracking system or a job page. */
export function isCareersLink(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  const host = parsed.hostname.replace(/^www\./, '');
  if (host === 'news.ycombinator.com' || host === 'github.com') return false;
  return CAREERS_HOST.test(host) || ATS_HOSTS.test(host) || CAREERS_PATH.test(parsed.pathname);
}

// --- Company ---------------------------------------------------------------------------

const BARE_DOMAIN = /^(?:www\.)?([a-z0-9][a-z0-9-]*)\.[a-z]{2,}(?:\.[a-z]{2,})?\/?$/i;

/** "Galaxy (getgalaxy.io) - The Cursor for SQL" -> "Galaxy"; "Snout https://..." -> "Snout". */
function companyFrom(segment: string): string {
  const withoutLinks = segment.replace(URL_IN_TEXT, ' ').trim();
  const text = (withoutLinks === '' ? segment : withoutLinks)
    .replace(/\((?:[^()]*)\)/g, ' ')
    .split(/\s+[-–—:]\s+|\s+\|\s+/)[0]!
    .replace(/\s+(?:is|are)\s+(?:hiring|looking)\b.*$/i, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:.\-–—]+|[\s,;:\-–—]+$/g, '')
    .trim();
  if (/^https?:\/\//i.test(text)) {
    try {
      return new URL(text).hostname.replace(/^www\./, '');
    } catch {
      return text;
    }
  }
  return text;
}

/** "klarasystems.com" and a text saying "Klara Inc. provides..." -> "Klara". */
function nameForDomain(domain: string, text: string): string | null {
  const label = BARE_DOMAIN.exec(domain)?.[1]?.toLowerCase();
  if (label === undefined) return null;
  let best: string | null = null;
  for (const m of text.matchAll(/\b[A-Z][\w&]*(?:\s+[A-Z][\w&]*){0,2}/g)) {
    const words = m[0].split(/\s+/);
    for (let n = words.length; n >= 1; n--) {
      const name = words.slice(0, n).join(' ');
      const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
      if (key.length >= 4 && label.startsWith(key)) {
        if (best === null || name.length > best.length) best = name;
        break;
      }
    }
  }
  return best;
}

// --- The comment -----------------------------------------------------------------------

const HIRING_TEXT =
  /\b(?:we(?:'re| are)|is|are|currently)\s+hiring\b|\bhiring\s+(?:an?|for)\b|\blooking for\s+(?!forward)/i;

function headerSegments(line: string): string[] {
  const byPipe = line
    .split('|')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (byPipe.length >= 2) return byPipe;
  for (const separator of [/\s+[•·]\s+/, /\s+[–—]\s+/, /\s+-\s+/]) {
    const parts = line
      .split(separator)
      .map((s) => s.trim())
      .filter((s) => s !== '');
    if (
      parts.length >= 3 &&
      parts.slice(1).some((p) => ROLE_NOUN.test(p) || REMOTE_WORD.test(p) || ONSITE_WORD.test(p))
    ) {
      return parts;
    }
  }
  return [line.trim()];
}

/** Reads a "Who is hiring" comment; says why when it is not a job post. */
export function classifyHiringComment(html: string): HiringCommentVerdict {
  const { paragraphs, links } = readComment(html);
  if (paragraphs.length === 0) return { kind: 'empty', posting: null };
  const headerPara = paragraphs[0]!;
  const lines = headerPara.split('\n').filter((l) => l !== '');
  const headline = lines[0] ?? '';
  const segments = headerSegments(headline);
  const fullText = paragraphs.join('\n');
  const body = paragraphs.slice(1);

  let company = '';
  const roles: string[] = [];
  const places: string[] = [];
  const regions: string[] = [];
  const kinds: HiringEmployment[] = [];
  let remote = false;
  let hybrid = false;
  let onsite = false;
  let visa = false;
  let salary: ParsedSalary | null = null;

  const structured = segments.length >= 2;
  if (structured) {
    const first = segments[0]!;
    // "Senior Engineer at Acme | Remote"
    const at = /^(.+?)\s+(?:at|@)\s+(.+)$/.exec(first);
    if (at?.[1] !== undefined && at[2] !== undefined && ROLE_NOUN.test(at[1])) {
      roles.push(...rolesInSegment(at[1]));
      company = companyFrom(at[2]);
    } else {
      company = companyFrom(first);
    }
    for (const segment of segments.slice(1)) {
      const bare = segment.replace(URL_IN_TEXT, ' ').replace(/\s+/g, ' ').trim();
      if (bare === '' || BARE_DOMAIN.test(bare)) continue;
      let rest = bare;
      const pay = parseSalaryText(rest, { defaultCurrency: 'USD' });
      if (pay !== null) {
        salary ??= pay;
        rest = rest.replace(pay.text, ' ').trim();
      }
      if (/\bvisa\b/i.test(rest)) visa = true;
      kinds.push(...employmentIn(rest));
      const workplace = readWorkplace(rest);
      if (workplace !== null) {
        remote ||= workplace.remote;
        hybrid ||= workplace.hybrid;
        onsite ||= workplace.onsite;
        regions.push(...workplace.regions);
        places.push(...workplace.places);
      }
      const segmentRoles = rolesInSegment(rest);
      if (segmentRoles.length > 0) roles.push(...segmentRoles);
      else if (workplace === null && looksLikePlace(rest)) places.push(rest);
    }
    // Roles listed one per line under the header ("-- Founding Frontend Engineer").
    for (const line of lines.slice(1)) {
      const bullet = BULLET.exec(line);
      if (bullet?.[1] !== undefined) {
        const role = trimRole(bullet[1]);
        if (role !== null) roles.push(role);
      }
    }
  } else {
    const opening = /^(.{2,60}?)\s+(?:\([^)]*\)\s*)?(?:is|are)\s+(?:hiring|looking)\b/.exec(
      headerPara,
    );
    if (opening?.[1] === undefined || !HIRING_TEXT.test(fullText))
      return { kind: 'not_a_job', posting: null };
    company = companyFrom(opening[1]);
  }
  if (company === '') return { kind: 'not_a_job', posting: null };
  if (BARE_DOMAIN.test(company)) company = nameForDomain(company, body.join('\n')) ?? company;

  if (roles.length === 0) roles.push(...rolesInText(structured ? body : paragraphs));
  const distinctRoles = distinct(roles);
  const hasHeaderFacts =
    remote || hybrid || onsite || places.length > 0 || salary !== null || kinds.length > 0;
  if (distinctRoles.length === 0 && !hasHeaderFacts && !HIRING_TEXT.test(fullText)) {
    return { kind: 'not_a_job', posting: null };
  }

  salary ??= structured
    ? parseSalaryText(lines.slice(1).join('\n'), { defaultCurrency: 'USD' })
    : parseSalaryText(headerPara, { requireContext: true });
  salary ??= parseSalaryText(body.join('\n'), { requireContext: true });
  const mode: HiringRemote = remote ? 'remote' : hybrid ? 'hybrid' : onsite ? 'onsite' : 'unknown';
  const distinctRegions = [...new Set(regions)];
  const distinctPlaces = [...new Set(places)];
  const remotePart =
    mode === 'remote'
      ? distinctRegions.length > 0
        ? `Remote (${distinctRegions.join(', ')})`
        : 'Remote'
      : null;
  const locationParts = [...distinctPlaces, ...(remotePart === null ? [] : [remotePart])];

  return {
    kind: 'job',
    posting: {
      company,
      roles: distinctRoles,
      title: titleOf(distinctRoles),
      headline,
      locations: distinctPlaces,
      locationText: locationParts.length > 0 ? locationParts.join('; ') : null,
      remote: mode,
      remoteRegions: distinctRegions,
      salary,
      equity: equityIn(headerPara) ?? equityIn(fullText),
      employmentType: employmentOf(kinds),
      companyStage: stageIn(fullText),
      visaSponsorship: visa || /\bvisa sponsorship\b|\bsponsor(?:s|ing)? visas?\b/i.test(fullText),
      applyUrl: links.find(isCareersLink) ?? null,
      links,
    },
  };
}

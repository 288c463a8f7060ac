import type {
  EmploymentType,
  FreelanceDetails,
  Job,
  RemoteMode,
  Salary,
  Seniority,
} from '../job.js';
import { extractSkills, normalizeSkill } from '../skills.js';
import { remoteRegions, type Region } from './regions.js';

/** Bumped whenever what JobFeatures hold, or how they are read, changes. */
export const RANKING_FEATURES_VERSION = 3;

/** One skill a posting asks for, with the years it asks for when it says. */
export interface AskedSkill {
  name: string;
  years: number | null;
}

/**
 * What scoring reads of a posting, extracted once per content and stored: never the
 * description itself. Small (a few hundred bytes), so ranking 100k postings reads little.
 */
export interface JobFeatures {
  v: number;
  title: string;
  /** The title's words, as relevance and title matching read them. */
  titleWords: string[];
  company: string;
  location: string | null;
  remote: RemoteMode;
  employmentType: EmploymentType;
  seniority: Seniority;
  salary: Salary | null;
  freelance: Omit<FreelanceDetails, 'screeningQuestions'> | null;
  postedAt: string | null;
  /** Where a remote posting is open to (its location and eligibility lines); [] anywhere. */
  regions: Region[];
  /** Skills the title names ("Senior Engineer (Elixir)"): the stack the job is about. */
  titleSkills: string[];
  /** Skills from the posting's requirements (all skills when it has no such section). */
  required: AskedSkill[];
  /** Skills from its nice-to-have / bonus / preferred section. */
  niceToHave: AskedSkill[];
  /** The description's most frequent words, [word, count], for relevance. */
  terms: [string, number][];
  /** Words in the description: BM25's document length. */
  length: number;
}

export type ScorableJob = Omit<Job, 'raw'>;

const TERMS_KEPT = 32;

/** Words that carry no sense of the job. */
export const STOPWORDS = new Set(
  (
    'a an and are as at be by for from has have in is it its of on or our that the this to we ' +
    'will with you your who what when where how all any can do not us they their them more ' +
    'work team teams role job experience years year strong good great new help across build ' +
    'building including other such using use well within into about also both each than very ' +
    'etc must should would may like make ensure part plus based per day days week weeks remote'
  ).split(' '),
);

/** Lower-case words of a text, letters, digits and + # . kept (c++, c#, node.js). */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9+#.]+/)
    .map((w) => w.replace(/^\.+|\.+$/g, ''))
    .filter((w) => w.length > 1 && !STOPWORDS.has(w));
}

const REQUIRED_HEAD =
  /^(?:#+\s*)?(?:requirements?|must[- ]haves?|what you(?:'|’)?ll need|what we(?:'|’)?re looking for|qualifications|minimum qualifications|required|you have|you bring|about you|who you are|skills)\b/i;
const NICE_HEAD =
  /^(?:#+\s*)?(?:nice[- ]to[- ]haves?|bonus(?: points)?|preferred(?: qualifications)?|pluses|good to have|extra credit)\b|\b(?:is a|are a|would be a) (?:plus|bonus)\b|^nice to have/i;
const OTHER_HEAD =
  /^(?:#+\s*)?(?:benefits|perks|what we offer|about us|about the (?:company|team|role)|responsibilities|what you(?:'|’)?ll do|the role|compensation|salary|how to apply)\b/i;
const YEARS = /(\d{1,2})\s*\+?\s*(?:-\s*\d{1,2}\s*)?(?:years?|yrs)\b/i;

/**
 * Splits a description into requirement and nice-to-have skills by its own headings (and by
 * lines that say "is a plus"), with the years a line asks for given to the skills it names.
 */
export function askedSkills(
  descriptionText: string,
  listed: readonly string[],
): { required: AskedSkill[]; niceToHave: AskedSkill[] } {
  const required = new Map<string, number | null>();
  const nice = new Map<string, number | null>();
  let section: 'required' | 'nice' | 'other' | 'none' = 'none';
  let sawSection = false;
  for (const raw of descriptionText.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const short = line.length < 60;
    if (short && NICE_HEAD.test(line)) section = 'nice';
    else if (short && REQUIRED_HEAD.test(line)) section = 'required';
    else if (short && OTHER_HEAD.test(line)) section = 'other';
    const lineIsNice = NICE_HEAD.test(line);
    const target =
      lineIsNice || section === 'nice' ? nice : section === 'required' ? required : null;
    if (section === 'required' || section === 'nice') sawSection = true;
    if (target === null) continue;
    const skills = extractSkills(line);
    if (skills.length === 0) continue;
    const years = YEARS.exec(line);
    const asked = years === null ? null : Number(years[1]);
    for (const skill of skills) {
      const before = target.get(skill);
      target.set(
        skill,
        before === undefined || before === null ? asked : Math.max(before, asked ?? 0),
      );
    }
  }
  if (!sawSection || required.size === 0) {
    // No requirements heading: every skill the posting names counts as asked for, with the
    // years any line gives it.
    for (const skill of listed)
      if (!nice.has(skill)) required.set(skill, required.get(skill) ?? null);
    for (const line of descriptionText.split(/\n|\.\s/)) {
      const years = YEARS.exec(line);
      if (years === null) continue;
      for (const skill of extractSkills(line))
        if (required.has(skill))
          required.set(skill, Math.max(required.get(skill) ?? 0, Number(years[1])));
    }
  }
  for (const skill of required.keys()) nice.delete(skill);
  const list = (m: Map<string, number | null>) =>
    [...m].map(([name, years]) => ({ name: normalizeSkill(name), years }));
  return { required: list(required), niceToHave: list(nice) };
}

/** The posting as scoring needs it. Pure; never reads the clock. */
export function extractJobFeatures(job: ScorableJob): JobFeatures {
  const counts = new Map<string, number>();
  const all = words(`${job.title}\n${job.descriptionText}`);
  for (const w of all) counts.set(w, (counts.get(w) ?? 0) + 1);
  // Title words always kept: they say most about the job.
  for (const w of words(job.title)) counts.set(w, (counts.get(w) ?? 0) + 2);
  const terms = [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, TERMS_KEPT);
  const { required, niceToHave } = askedSkills(job.descriptionText, job.skills);
  let freelance: JobFeatures['freelance'] = null;
  if (job.freelance !== null) {
    const { screeningQuestions: _questions, ...rest } = job.freelance;
    freelance = rest;
  }
  return {
    v: RANKING_FEATURES_VERSION,
    title: job.title,
    titleWords: words(job.title),
    company: job.company,
    location: job.location,
    remote: job.remote,
    employmentType: job.employmentType,
    seniority: job.seniority,
    salary: job.salary,
    freelance,
    postedAt: job.postedAt,
    // A marketplace post's location is the client's country, not where the work may be done.
    regions:
      job.remote === 'remote'
        ? remoteRegions(job.freelance === null ? job.location : null, job.descriptionText)
        : [],
    titleSkills: extractSkills(job.title),
    required,
    niceToHave,
    terms,
    length: all.length,
  };
}

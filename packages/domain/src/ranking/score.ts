import { normalizeCompany } from '../dedupe/normalize.js';
import type { MatchReason, MatchSkills, SkillCheck } from '../match.js';
import type { Profile } from '../profile.js';
import { extractSkills, normalizeSkills } from '../skills.js';
import { convertCurrency, USD_PER_UNIT } from './currency.js';
import { regionsIn, regionsOfCountry, type Region } from './regions.js';
import {
  extractJobFeatures,
  words,
  type AskedSkill,
  type JobFeatures,
  type ScorableJob,
} from './features.js';
import { annualize, formatMoney } from './pay.js';

export const SCORE_COMPONENTS = [
  'relevance',
  'skills',
  'title',
  'seniority',
  'employment',
  'remote',
  'pay',
  'recency',
  'client',
] as const;
export type ScoreComponent = (typeof SCORE_COMPONENTS)[number];
export type ScoreWeights = Record<ScoreComponent, number>;

export const DEFAULT_WEIGHTS: ScoreWeights = {
  relevance: 0.2,
  skills: 0.25,
  title: 0.15,
  seniority: 0.08,
  employment: 0.07,
  remote: 0.08,
  pay: 0.1,
  recency: 0.07,
  client: 0.1,
};

export interface RankingSettings {
  weights: ScoreWeights;
  /** Age in days up to which a posting counts as high, medium and low priority. */
  recency: { highDays: number; mediumDays: number; lowDays: number };
  /** US dollars per unit of each currency; the built-in table by default. */
  exchangeRates: Readonly<Record<string, number>>;
}

export const DEFAULT_RANKING_SETTINGS: RankingSettings = {
  weights: DEFAULT_WEIGHTS,
  recency: { highDays: 3, mediumDays: 14, lowDays: 30 },
  exchangeRates: USD_PER_UNIT,
};

export interface ScoreResult {
  score: number;
  components: Partial<Record<ScoreComponent, number>>;
  reasons: MatchReason[];
  skills: MatchSkills;
}

const SENIORITY_ORDER = ['intern', 'junior', 'mid', 'senior', 'lead', 'principal', 'executive'];
const MARKET_LEVEL = { entry: 'junior', intermediate: 'mid', expert: 'senior' } as const;
/** The fewest proposals each Upwork tier means. */
const PROPOSALS_AT_LEAST: Record<string, number> = {
  'Less than 5': 0,
  '5 to 10': 5,
  '10 to 15': 10,
  '15 to 20': 15,
  '20 to 50': 20,
  '50+': 50,
};

/** The profile's skill set: listed skills, their keywords and project keywords, canonical. */
export function profileSkills(profile: Profile): Set<string> {
  const names = [
    ...profile.skills.flatMap((s) => [s.name, ...s.keywords]),
    ...profile.projects.flatMap((p) => p.keywords),
  ];
  return new Set(normalizeSkills(names).map((s) => s.toLowerCase()));
}

/** What scoring needs of a profile, computed once per ranking run. */
export interface PreparedProfile {
  profile: Profile;
  settings: RankingSettings;
  skills: Set<string>;
  /** Skill (lower case) -> years of the roles that name it. */
  years: Map<string, number>;
  targetTitles: string[][];
  /** BM25 query: word -> weight. */
  query: Map<string, number>;
  avoid: Set<string>;
  places: string[];
  /** Where the user may work from: their country's regions and regions they listed. */
  regions: Set<Region>;
}

function yearsBetween(start: string | undefined, end: string | undefined, now: Date): number {
  const from = start === undefined ? NaN : Date.parse(start);
  const to = end === undefined ? now.getTime() : Date.parse(end);
  if (Number.isNaN(from) || Number.isNaN(to) || to < from) return 0;
  return (to - from) / (365.25 * 86_400_000);
}

export function prepareProfile(
  profile: Profile,
  settings: Partial<RankingSettings> = {},
  now: Date = new Date(profile.updatedAt),
): PreparedProfile {
  const skills = profileSkills(profile);
  const years = new Map<string, number>();
  for (const role of profile.work) {
    const text = [role.position, role.summary ?? '', ...role.highlights].join('\n');
    const span = yearsBetween(role.startDate, role.endDate, now);
    for (const skill of extractSkills(text)) {
      const key = skill.toLowerCase();
      years.set(key, (years.get(key) ?? 0) + span);
    }
  }
  const query = new Map<string, number>();
  const add = (text: string, weight: number) => {
    for (const w of words(text)) query.set(w, Math.max(query.get(w) ?? 0, weight));
  };
  for (const t of profile.preferences.targetTitles) add(t, 3);
  add(profile.basics.label ?? '', 2);
  for (const s of skills) add(s, 2);
  for (const role of profile.work) add(role.position, 1);
  const pref = profile.preferences;
  return {
    profile,
    settings: { ...DEFAULT_RANKING_SETTINGS, ...settings },
    skills,
    years,
    targetTitles: pref.targetTitles.map((t) => words(t)).filter((t) => t.length > 0),
    query,
    avoid: new Set(pref.avoidCompanies.map((c) => normalizeCompany(c))),
    regions: new Set<Region>([
      ...regionsOfCountry(profile.basics.location?.countryCode),
      ...pref.locations.flatMap((l) => regionsIn(l)),
    ]),
    places: [
      ...pref.locations,
      ...(profile.basics.location?.city === undefined ? [] : [profile.basics.location.city]),
    ].map((p) => p.toLowerCase()),
  };
}

/** Document frequencies of the profile's query words over the ranked postings, for BM25. */
export interface CorpusStats {
  docs: number;
  avgLength: number;
  df: Map<string, number>;
  /** BM25 score at the 90th percentile: relevance is read relative to it. */
  p90: number;
}

const K1 = 1.2;
const B = 0.75;

function bm25(features: JobFeatures, prepared: PreparedProfile, corpus: CorpusStats): number {
  let score = 0;
  const norm = K1 * (1 - B + (B * features.length) / Math.max(1, corpus.avgLength));
  for (const [term, tf] of features.terms) {
    const weight = prepared.query.get(term);
    if (weight === undefined) continue;
    const df = corpus.df.get(term) ?? 0;
    const idf = Math.log(1 + (corpus.docs - df + 0.5) / (df + 0.5));
    score += weight * idf * ((tf * (K1 + 1)) / (tf + norm));
  }
  return score;
}

export function corpusStats(
  features: Iterable<JobFeatures>,
  prepared: PreparedProfile,
): CorpusStats {
  const list = [...features];
  const df = new Map<string, number>();
  let total = 0;
  for (const f of list) {
    total += f.length;
    for (const [term] of f.terms)
      if (prepared.query.has(term)) df.set(term, (df.get(term) ?? 0) + 1);
  }
  const stats: CorpusStats = {
    docs: list.length,
    avgLength: list.length === 0 ? 1 : total / list.length,
    df,
    p90: 1,
  };
  const scores = list.map((f) => bm25(f, prepared, stats)).sort((a, b) => a - b);
  stats.p90 = Math.max(1e-9, scores[Math.floor(scores.length * 0.9)] ?? 1);
  return stats;
}

interface Scored {
  value: number;
  reasons: MatchReason[];
}

const plus = (component: string, text: string): MatchReason => ({ kind: 'plus', component, text });
const minus = (component: string, text: string): MatchReason => ({
  kind: 'minus',
  component,
  text,
});
const info = (component: string, text: string): MatchReason => ({ kind: 'info', component, text });

function relevanceComponent(
  f: JobFeatures,
  p: PreparedProfile,
  corpus: CorpusStats | undefined,
): Scored | null {
  if (corpus === undefined || p.query.size === 0) return null;
  const value = Math.min(1, bm25(f, p, corpus) / corpus.p90);
  const matched = f.terms
    .filter(([t]) => p.query.has(t))
    .slice(0, 4)
    .map(([t]) => t);
  return {
    value,
    reasons:
      value >= 0.6
        ? [plus('relevance', `Reads close to your profile (${matched.join(', ')})`)]
        : value < 0.2
          ? [minus('relevance', 'Little of it matches your titles, skills and experience')]
          : [],
  };
}

function check(skill: AskedSkill, p: PreparedProfile): SkillCheck {
  const key = skill.name.toLowerCase();
  const have = p.skills.has(key) || p.years.has(key);
  const yearsHave = p.years.get(key) ?? null;
  return {
    name: skill.name,
    matched: have,
    yearsAsked: skill.years,
    yearsHave: yearsHave === null ? null : Math.round(yearsHave * 10) / 10,
  };
}

function credit(c: SkillCheck): number {
  if (!c.matched) return 0;
  if (c.yearsAsked !== null && c.yearsHave !== null && c.yearsHave + 0.5 < c.yearsAsked) return 0.6;
  return 1;
}

function skillsComponent(f: JobFeatures, p: PreparedProfile, checks: MatchSkills): Scored | null {
  const { required, niceToHave } = checks;
  if (required.length + niceToHave.length === 0 && f.titleSkills.length === 0) return null;
  const ratio = (list: SkillCheck[]) =>
    list.length === 0 ? null : list.reduce((a, c) => a + credit(c), 0) / list.length;
  const req = ratio(required);
  const nice = ratio(niceToHave);
  let value = req === null ? (nice ?? 0.5) : nice === null ? req : 0.8 * req + 0.2 * nice;
  const reasons: MatchReason[] = [];
  const have = required.filter((c) => c.matched);
  const missing = required.filter((c) => !c.matched);
  if (have.length > 0)
    reasons.push(
      plus(
        'skills',
        `You have ${have.length} of ${required.length} required skills: ${have
          .slice(0, 6)
          .map((c) => c.name)
          .join(', ')}`,
      ),
    );
  if (missing.length > 0)
    reasons.push(
      minus(
        'skills',
        `Missing required: ${missing
          .slice(0, 5)
          .map((c) => c.name)
          .join(', ')}`,
      ),
    );
  const short = required.filter((c) => credit(c) === 0.6);
  if (short.length > 0)
    reasons.push(
      minus(
        'skills',
        short
          .slice(0, 3)
          .map(
            (c) =>
              `asks ${c.yearsAsked}+ years of ${c.name}, you show about ${Math.floor(c.yearsHave ?? 0)}`,
          )
          .join('; '),
      ),
    );
  const niceHave = niceToHave.filter((c) => c.matched);
  if (niceHave.length > 0)
    reasons.push(
      info(
        'skills',
        `Nice to have, and you have: ${niceHave
          .slice(0, 4)
          .map((c) => c.name)
          .join(', ')}`,
      ),
    );
  // The stack in the title is what the job is about: a language or tool you lack there
  // outweighs a good overlap elsewhere.
  const foreign = f.titleSkills.filter(
    (s) => !p.skills.has(s.toLowerCase()) && !p.years.has(s.toLowerCase()),
  );
  if (foreign.length > 0) {
    value *= 0.3;
    reasons.unshift(
      minus('skills', `The title asks for ${foreign.join(', ')}, which your profile does not show`),
    );
  }
  return { value, reasons };
}

function titleComponent(f: JobFeatures, p: PreparedProfile): Scored | null {
  if (p.targetTitles.length === 0) return null;
  const jobWords = new Set(f.titleWords);
  let best = 0;
  let bestTitle = '';
  for (const [i, want] of p.targetTitles.entries()) {
    const overlap = want.filter((t) => jobWords.has(t)).length / want.length;
    if (overlap > best) [best, bestTitle] = [overlap, p.profile.preferences.targetTitles[i] ?? ''];
  }
  return {
    value: best,
    reasons:
      best >= 0.99
        ? [plus('title', `Title matches your target "${bestTitle}"`)]
        : best > 0
          ? [info('title', `Title is close to your target "${bestTitle}"`)]
          : [minus('title', 'Title is not one of your target titles')],
  };
}

function seniorityComponent(f: JobFeatures, p: PreparedProfile): Scored | null {
  const wanted = p.profile.preferences.seniority;
  const level =
    f.seniority !== 'unknown'
      ? f.seniority
      : f.freelance?.experienceLevel === undefined || f.freelance.experienceLevel === null
        ? 'unknown'
        : MARKET_LEVEL[f.freelance.experienceLevel];
  if (wanted.length === 0 || level === 'unknown') return null;
  if ((wanted as string[]).includes(level))
    return { value: 1, reasons: [plus('seniority', `Seniority fits (${level})`)] };
  const at = SENIORITY_ORDER.indexOf(level);
  const distance = Math.min(...wanted.map((w) => Math.abs(SENIORITY_ORDER.indexOf(w) - at)));
  return {
    value: distance === 1 ? 0.4 : 0,
    reasons: [minus('seniority', `Seniority is ${level}, you want ${wanted.join(' or ')}`)],
  };
}

function employmentComponent(f: JobFeatures, p: PreparedProfile): Scored | null {
  const wanted = p.profile.preferences.employmentTypes;
  const kind =
    f.freelance !== null && f.employmentType === 'unknown' ? 'freelance' : f.employmentType;
  if (wanted.length === 0 || kind === 'unknown') return null;
  if (wanted.includes(kind))
    return { value: 1, reasons: [plus('employment', `${kind.replace('_', '-')}, as you want`)] };
  // Freelance and contract work are close kin.
  const near =
    (kind === 'freelance' && wanted.includes('contract')) ||
    (kind === 'contract' && wanted.includes('freelance'));
  return {
    value: near ? 0.7 : 0,
    reasons: [
      minus(
        'employment',
        `It is ${kind.replace('_', '-')}; you want ${wanted.map((w) => w.replace('_', '-')).join(' or ')}`,
      ),
    ],
  };
}

function remoteComponent(f: JobFeatures, p: PreparedProfile): Scored | null {
  const wanted = p.profile.preferences.remote;
  if (wanted.length === 0) return null;
  if (f.remote === 'unknown')
    return { value: 0.5, reasons: [info('remote', 'Does not say whether it is remote')] };
  if (!wanted.includes(f.remote))
    return {
      value: 0,
      reasons: [minus('remote', `It is ${f.remote}; you want ${wanted.join(' or ')}`)],
    };
  const mode = f.remote === 'remote' ? 'Remote' : f.remote === 'hybrid' ? 'Hybrid' : 'On-site';
  if (f.remote === 'remote' && f.regions.length > 0 && p.regions.size > 0) {
    const open = f.regions.some((r) => p.regions.has(r) || (r === 'EMEA' && p.regions.has('EU')));
    if (!open)
      return {
        value: 0,
        reasons: [
          minus('remote', `Remote only from ${f.regions.join(' or ')}, not where you can work`),
        ],
      };
  }
  if (f.remote !== 'remote' && p.places.length > 0) {
    const where = (f.location ?? '').toLowerCase();
    if (where !== '' && !p.places.some((place) => where.includes(place)))
      return {
        value: 0.15,
        reasons: [minus('remote', `${mode} in ${f.location ?? '?'}, not where you are looking`)],
      };
  }
  return {
    value: 1,
    reasons: [
      plus(
        'remote',
        `${mode}, as you prefer${f.remote === 'remote' ? '' : ` (${f.location ?? ''})`}`,
      ),
    ],
  };
}

function payComponent(f: JobFeatures, p: PreparedProfile): Scored | null {
  const prefs = p.profile.preferences;
  const rates = p.settings.exchangeRates;
  const fl = f.freelance;
  if (fl !== null) {
    if (fl.contractType === 'hourly') {
      const floor = prefs.freelance.minHourlyRate;
      const top = fl.hourlyMax ?? fl.hourlyMin;
      if (floor === null || top === null) return null;
      const usd = convertCurrency(top, fl.currency, 'USD', rates) ?? top;
      return usd >= floor
        ? {
            value: 1,
            reasons: [
              plus(
                'pay',
                `Pays up to ${formatMoney(top, fl.currency)}/hr, at or above your $${floor}/hr`,
              ),
            ],
          }
        : {
            value: usd >= floor * 0.85 ? 0.4 : 0,
            reasons: [
              minus(
                'pay',
                `Pays up to ${formatMoney(top, fl.currency)}/hr, below your $${floor}/hr`,
              ),
            ],
          };
    }
    const floor = prefs.freelance.minFixedBudget;
    if (floor === null || fl.budget === null) return null;
    const usd = convertCurrency(fl.budget, fl.currency, 'USD', rates) ?? fl.budget;
    return usd >= floor
      ? {
          value: 1,
          reasons: [
            plus(
              'pay',
              `Fixed budget ${formatMoney(fl.budget, fl.currency)}, at or above your $${floor} minimum`,
            ),
          ],
        }
      : {
          value: 0,
          reasons: [
            minus(
              'pay',
              `Fixed budget ${formatMoney(fl.budget, fl.currency)} is below your $${floor} minimum`,
            ),
          ],
        };
  }
  const floor = prefs.salaryFloor;
  const salary = f.salary;
  if (floor === null) return null;
  if (salary === null) return { value: 0.5, reasons: [info('pay', 'No salary given')] };
  const topRaw = salary.max ?? salary.min ?? 0;
  const top = convertCurrency(
    annualize(topRaw, salary.period),
    salary.currency,
    floor.currency,
    rates,
  );
  const shown = `${formatMoney(salary.min ?? topRaw, salary.currency)}${salary.max !== null && salary.min !== null && salary.max !== salary.min ? `–${formatMoney(salary.max, salary.currency)}` : ''}/${salary.period}`;
  if (top === null)
    return {
      value: 0.5,
      reasons: [info('pay', `Pays ${shown}; no rate to compare with your ${floor.currency} floor`)],
    };
  const want = annualize(floor.amount, floor.period);
  const converted =
    salary.currency === floor.currency ? '' : ` (about ${formatMoney(top, floor.currency)}/year)`;
  if (top >= want)
    return {
      value: 1,
      reasons: [
        plus(
          'pay',
          `Pays ${shown}${converted}, meets your ${formatMoney(floor.amount, floor.currency)}/${floor.period} floor`,
        ),
      ],
    };
  return {
    value: top >= want * 0.9 ? 0.4 : 0,
    reasons: [
      minus(
        'pay',
        `Pays ${shown}${converted}, below your ${formatMoney(floor.amount, floor.currency)}/${floor.period} floor`,
      ),
    ],
  };
}

function recencyComponent(f: JobFeatures, p: PreparedProfile, now: Date): Scored | null {
  if (f.postedAt === null) return null;
  const { highDays, mediumDays, lowDays } = p.settings.recency;
  const days = Math.max(0, (now.getTime() - Date.parse(f.postedAt)) / 86_400_000);
  const value = days <= highDays ? 1 : days <= mediumDays ? 0.7 : days <= lowDays ? 0.4 : 0.05;
  const whole = Math.floor(days);
  const age = days < 1 ? 'today' : `${whole} day${whole === 1 ? '' : 's'} ago`;
  return {
    value,
    reasons: [
      value >= 0.7
        ? plus('recency', `Posted ${age}`)
        : value <= 0.05
          ? minus('recency', `Posted ${age}: likely filled`)
          : info('recency', `Posted ${age}`),
    ],
  };
}

function clientComponent(f: JobFeatures, p: PreparedProfile): Scored | null {
  const client = f.freelance?.client;
  if (client === undefined) return null;
  const want = p.profile.preferences.freelance.client;
  let value = 1;
  const reasons: MatchReason[] = [];
  if (client.paymentVerified !== true) {
    value -= want.paymentVerified ? 0.6 : 0.3;
    reasons.push(minus('client', 'Client payment not verified'));
  }
  const spent = client.totalSpent;
  const minSpent = want.minSpent ?? 1000;
  if (spent !== null && spent < minSpent) {
    value -= 0.25;
    reasons.push(
      minus(
        'client',
        `Client has spent ${formatMoney(spent, 'USD')}, under ${formatMoney(minSpent, 'USD')}`,
      ),
    );
  }
  const minRating = want.minRating ?? 4;
  if (client.rating !== null && client.rating < minRating) {
    value -= 0.25;
    reasons.push(
      minus('client', `Client rated ${client.rating.toFixed(1)}, under ${minRating.toFixed(1)}`),
    );
  }
  const tier = f.freelance?.proposalsTier ?? null;
  const least = tier === null ? undefined : PROPOSALS_AT_LEAST[tier];
  if (tier !== null && least !== undefined) {
    // Over the user's maximum when even the tier's low end reaches it (20 by default).
    if (least >= (want.maxProposals ?? 20)) {
      value -= 0.3;
      reasons.push(minus('client', `${tier} proposals already: crowded`));
    } else if (least < 10)
      reasons.push(plus('client', `Only ${tier.toLowerCase()} proposals so far`));
  }
  if (value >= 0.99)
    reasons.unshift(
      plus(
        'client',
        `Strong client: payment verified, ${formatMoney(spent ?? 0, 'USD')} spent${client.rating === null ? '' : `, rated ${client.rating.toFixed(1)}`}`,
      ),
    );
  return { value: Math.max(0, value), reasons };
}

/** Scores stored features for a prepared profile: 0-100, the parts and the reasons. */
export function scoreFeatures(
  f: JobFeatures,
  p: PreparedProfile,
  now: Date,
  corpus?: CorpusStats,
): ScoreResult {
  const skills: MatchSkills = {
    required: f.required.map((s) => check(s, p)),
    niceToHave: f.niceToHave.map((s) => check(s, p)),
  };
  if (p.avoid.size > 0 && p.avoid.has(normalizeCompany(f.company)))
    return {
      score: 0,
      components: {},
      reasons: [minus('company', `${f.company} is on your avoid list`)],
      skills,
    };
  const weights = p.settings.weights;
  const parts: Record<ScoreComponent, Scored | null> = {
    relevance: relevanceComponent(f, p, corpus),
    skills: skillsComponent(f, p, skills),
    title: titleComponent(f, p),
    seniority: seniorityComponent(f, p),
    employment: employmentComponent(f, p),
    remote: remoteComponent(f, p),
    pay: payComponent(f, p),
    recency: recencyComponent(f, p, now),
    client: clientComponent(f, p),
  };
  let total = 0;
  let weightSum = 0;
  const components: Partial<Record<ScoreComponent, number>> = {};
  const reasons: MatchReason[] = [];
  for (const name of SCORE_COMPONENTS) {
    const part = parts[name];
    const weight = weights[name];
    if (part === null || weight <= 0) continue;
    components[name] = Math.round(part.value * 1000) / 1000;
    total += part.value * weight;
    weightSum += weight;
    reasons.push(...part.reasons);
  }
  let score = weightSum === 0 ? 0 : (total / weightSum) * 100;
  // A deal-breaker caps the score whatever else fits: the wrong kind of contract, a place
  // the user cannot work from, pay well under the floor.
  const breakers = (['employment', 'remote', 'pay'] as const).filter(
    (c) => weights[c] > 0 && parts[c] !== null && (parts[c]?.value ?? 1) <= 0.15,
  );
  if (breakers.length > 0) score = Math.min(score, 70 - 8 * (breakers.length - 1));
  const order = { plus: 0, minus: 1, info: 2 } as const;
  reasons.sort((a, b) => order[a.kind] - order[b.kind]);
  return { score: Math.round(score), components, reasons, skills };
}

/**
 * Scores one posting for a profile (no corpus: relevance is left out). For many postings,
 * extract features once, prepare the profile once and use corpusStats + scoreFeatures.
 */
export function scoreJob(
  job: ScorableJob,
  profile: Profile,
  now: Date,
  weights: ScoreWeights = DEFAULT_WEIGHTS,
): ScoreResult {
  return scoreFeatures(extractJobFeatures(job), prepareProfile(profile, { weights }, now), now);
}

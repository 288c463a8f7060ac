/**
 * The score of one posting for one profile: 0-100, the parts it is made of (each 0-1) and
 * the reasons in plain words. Pure and fast: it reads stored JobFeatures, a PreparedProfile
 * and optional BM25 corpus statistics, never the description or the clock.
 *
 * How the parts combine. Relevance, skills and title say whether the posting is the user's
 * kind of work: their weighted mean is the fit F. The other parts (seniority, employment
 * type, remote mode, location and hours, pay, recency, freelance client) say whether its
 * terms suit the user, and count only as much as the posting fits:
 *
 *   score = 100 × (Σ_fit w·v + F × Σ_terms w·v) / Σ w × 0.75^(deal-breakers)
 *
 * so great terms never float an unrelated posting up. A part with nothing to judge is left
 * out of both sums rather than guessed. A deal-breaker (on-site when the user works remote
 * only, a place or hours they cannot work from, an employment type they do not want, pay
 * well under their floor, a posting likely filled, a client that fails their bar badly)
 * costs a quarter of the score each. A company on the avoid list scores 0.
 */
import type { MatchReason, MatchSkills, SkillCheck } from '../match.js';
import type { Profile } from '../profile.js';
import { convertCurrency } from './currency.js';
import {
  extractJobFeatures,
  type AskedSkill,
  type JobFeatures,
  type ScorableJob,
} from './features.js';
import { annualize, formatMoney } from './pay.js';
import { checkSkill, prepareProfile, type PreparedProfile } from './prepare.js';
import { bm25, type CorpusStats } from './relevance.js';
import {
  DEFAULT_WEIGHTS,
  FIT_COMPONENTS,
  SCORE_COMPONENTS,
  type ScoreComponent,
  type ScoreWeights,
} from './settings.js';
import { formatOffset, hoursApart } from './timezones.js';

export interface ScoreResult {
  score: number;
  components: Partial<Record<ScoreComponent, number>>;
  reasons: MatchReason[];
  skills: MatchSkills;
}

/** A part of the score: its value, the reasons, and whether it breaks the deal. */
interface Part {
  value: number;
  reasons: MatchReason[];
  breaker?: boolean;
}

const BREAKER_FACTOR = 0.75;
const DAY = 86_400_000;

const plus = (component: string, text: string): MatchReason => ({ kind: 'plus', component, text });
const minus = (component: string, text: string): MatchReason => ({
  kind: 'minus',
  component,
  text,
});
const info = (component: string, text: string): MatchReason => ({ kind: 'info', component, text });
const list = (items: readonly string[], max: number): string =>
  items.length <= max
    ? items.join(', ')
    : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;

// ---------------------------------------------------------------------------- fit

function relevancePart(f: JobFeatures, corpus: CorpusStats | undefined): Part | null {
  if (corpus === undefined || corpus.termWeight.size === 0) return null;
  const { score, matched } = bm25(f, corpus);
  const value = Math.min(1, score / corpus.reference);
  return {
    value,
    reasons:
      value >= 0.6
        ? [plus('relevance', `Reads close to your profile (${matched.join(', ')})`)]
        : value < 0.25
          ? [minus('relevance', 'Little of it matches your titles, skills and experience')]
          : [],
  };
}

/** A requirement checked against the profile; for alternatives, the best of them. */
function checkAsked(asked: AskedSkill, p: PreparedProfile): SkillCheck {
  let best = checkSkill(asked.name, p);
  if (asked.alt !== undefined)
    for (const name of asked.alt) {
      const other = checkSkill(name, p);
      if (other.matched && (!best.matched || (other.yearsHave ?? 0) > (best.yearsHave ?? 0)))
        best = other;
    }
  const name =
    asked.alt === undefined
      ? asked.name
      : `${[asked.name, ...asked.alt.slice(0, -1)].join(', ')} or ${asked.alt[asked.alt.length - 1]}`;
  return { name, matched: best.matched, yearsAsked: asked.years, yearsHave: best.yearsHave };
}

/**
 * Credit for one requirement: met (1), missing (0), or met with fewer years than asked: 0.6,
 * or 0.85 when the whole dated work history covers the years and only the roles' own words
 * name the skill for less of it.
 */
function credit(c: SkillCheck, p: PreparedProfile): number {
  if (!c.matched) return 0;
  if (c.yearsAsked !== null && c.yearsHave !== null && c.yearsHave + 0.5 < c.yearsAsked)
    return p.totalYears !== null && p.totalYears + 0.5 >= c.yearsAsked ? 0.85 : 0.6;
  return 1;
}

/** The mean credit of a list of requirements; null for none. */
function creditShare(items: readonly SkillCheck[], p: PreparedProfile): number | null {
  if (items.length === 0) return null;
  let sum = 0;
  for (const c of items) sum += credit(c, p);
  return sum / items.length;
}

function skillsPart(f: JobFeatures, p: PreparedProfile, checks: MatchSkills): Part | null {
  const { required, niceToHave } = checks;
  if (required.length + niceToHave.length === 0 && f.titleSkills.length === 0) return null;
  const req = creditShare(required, p);
  const nice = creditShare(niceToHave, p);
  let value = req === null ? (nice ?? 1) : nice === null ? req : 0.8 * req + 0.2 * nice;
  const reasons: MatchReason[] = [];
  const have = required.filter((c) => c.matched);
  const missing = required.filter((c) => !c.matched);
  if (have.length > 0)
    reasons.push(
      plus(
        'skills',
        `You have ${have.length} of ${required.length} required skills: ${list(
          have.map((c) => c.name),
          6,
        )}`,
      ),
    );
  if (missing.length > 0)
    reasons.push(
      minus(
        'skills',
        `Missing required: ${list(
          missing.map((c) => c.name),
          5,
        )}`,
      ),
    );
  const short = required.filter((c) => c.matched && credit(c, p) < 1);
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
        `Nice to have, and you have: ${list(
          niceHave.map((c) => c.name),
          4,
        )}`,
      ),
    );
  // The stack in the title is what the job is about: a language or tool you lack there
  // outweighs a good overlap elsewhere.
  const foreign = f.titleSkills.filter((s) => !checkSkill(s, p).matched);
  if (foreign.length > 0 && foreign.length === f.titleSkills.length) {
    value *= 0.3;
    reasons.unshift(
      minus('skills', `The title asks for ${foreign.join(', ')}, which your profile does not show`),
    );
  } else if (f.titleSkills.length > 0 && foreign.length === 0 && req === null)
    reasons.push(plus('skills', `The title names your ${list(f.titleSkills, 3)}`));
  return { value, reasons };
}

function titlePart(f: JobFeatures, p: PreparedProfile): Part | null {
  if (p.targets.length === 0) return null;
  const job = new Set(f.titleWords);
  // A marketplace post's title names a task, not a role: naming your tools counts as
  // naming your kind of work ("Dashboard UI kit in Figma").
  const yourTools = f.freelance !== null && f.titleSkills.some((s) => checkSkill(s, p).matched);
  let best = 0;
  let bestTitle = '';
  for (const target of p.targets) {
    const role = f.titleRole === target.role || yourTools;
    const focus =
      target.focus.length === 0
        ? 1
        : target.focus.filter((w) => job.has(w)).length / target.focus.length;
    const value = role ? 0.6 + 0.4 * focus : 0.4 * focus;
    if (value > best) [best, bestTitle] = [value, target.title];
  }
  return {
    value: best,
    reasons:
      best >= 0.99
        ? [plus('title', `Title matches your target "${bestTitle}"`)]
        : best >= 0.6
          ? [info('title', `Title is close to your target "${bestTitle}"`)]
          : [minus('title', 'Title is not one of your target roles')],
  };
}

// -------------------------------------------------------------------------- terms

const SENIORITY_ORDER = ['intern', 'junior', 'mid', 'senior', 'lead', 'principal', 'executive'];
const MARKET_LEVEL = { entry: 'junior', intermediate: 'mid', expert: 'senior' } as const;

function seniorityPart(f: JobFeatures, p: PreparedProfile): Part | null {
  const wanted = p.profile.preferences.seniority;
  const level =
    f.seniority !== 'unknown'
      ? f.seniority
      : f.freelance?.experienceLevel === undefined || f.freelance.experienceLevel === null
        ? 'unknown'
        : MARKET_LEVEL[f.freelance.experienceLevel];
  let part: Part | null = null;
  if (wanted.length > 0 && level !== 'unknown') {
    if ((wanted as string[]).includes(level))
      part = { value: 1, reasons: [plus('seniority', `Seniority fits (${level})`)] };
    else {
      const at = SENIORITY_ORDER.indexOf(level);
      const distance = Math.min(...wanted.map((w) => Math.abs(SENIORITY_ORDER.indexOf(w) - at)));
      part = {
        value: distance === 1 ? 0.4 : 0,
        reasons: [minus('seniority', `Seniority is ${level}, you want ${wanted.join(' or ')}`)],
      };
    }
  }
  // Years of experience asked against the profile's dated work history.
  if (f.yearsAsked !== null && p.totalYears !== null) {
    const short = f.yearsAsked - p.totalYears;
    if (short > 1) {
      const cap = short <= 2.5 ? 0.5 : 0.15;
      const reason = minus(
        'seniority',
        `Asks ${f.yearsAsked}+ years of experience; your work history shows about ${Math.round(p.totalYears)}`,
      );
      part =
        part === null
          ? { value: cap, reasons: [reason] }
          : { value: Math.min(part.value, cap), reasons: [...part.reasons, reason] };
    }
  }
  return part;
}

const typeName = (t: string): string => t.replace('_', '-');

function employmentPart(f: JobFeatures, p: PreparedProfile): Part | null {
  const wanted = p.profile.preferences.employmentTypes;
  const kind =
    f.freelance !== null && f.employmentType === 'unknown' ? 'freelance' : f.employmentType;
  if (wanted.length === 0 || kind === 'unknown') return null;
  if (wanted.includes(kind))
    return { value: 1, reasons: [plus('employment', `${typeName(kind)}, as you want`)] };
  // Freelance, contract and temporary work are close kin.
  const kin = ['freelance', 'contract', 'temporary'];
  const near = kin.includes(kind) && wanted.some((w) => kin.includes(w));
  return {
    value: near ? 0.7 : 0,
    breaker: !near,
    reasons: [
      minus('employment', `It is ${typeName(kind)}; you want ${wanted.map(typeName).join(' or ')}`),
    ],
  };
}

const MODE_NAME = { remote: 'Remote', hybrid: 'Hybrid', onsite: 'On-site' } as const;

function remotePart(f: JobFeatures, p: PreparedProfile): Part | null {
  const wanted = p.profile.preferences.remote;
  if (wanted.length === 0) return null;
  if (f.remote === 'unknown') return null;
  const mode = MODE_NAME[f.remote];
  if (wanted.includes(f.remote))
    return { value: 1, reasons: [plus('remote', `${mode}, as you want`)] };
  const want = wanted.map((w) => MODE_NAME[w].toLowerCase()).join(' or ');
  // How far the posting's mode is from the nearest wanted one.
  const value =
    f.remote === 'onsite'
      ? wanted.includes('hybrid')
        ? 0.6
        : 0
      : f.remote === 'hybrid'
        ? wanted.includes('onsite')
          ? 0.8
          : 0.5
        : 0.6;
  return {
    value,
    breaker: value === 0,
    reasons: [minus('remote', `${mode}; you want ${want}`)],
  };
}

function locationPart(f: JobFeatures, p: PreparedProfile): Part | null {
  const reasons: MatchReason[] = [];
  let value: number | null = null;
  let breaker = false;
  if (f.remote === 'remote') {
    if (f.regions.length > 0 && p.regions.size > 0) {
      const open = f.regions.some((r) => p.regions.has(r) || (r === 'EMEA' && p.regions.has('EU')));
      if (open) {
        value = Math.min(value ?? 1, 1);
        reasons.push(plus('location', `Open to people in ${f.regions.join(' or ')}`));
      } else {
        value = Math.min(value ?? 1, 0);
        breaker = true;
        reasons.push(
          minus('location', `Remote only from ${f.regions.join(' or ')}, not where you can work`),
        );
      }
    }
  } else if (f.city !== null || f.country !== null) {
    const where = f.location ?? f.city ?? f.country ?? '';
    const mode = f.remote === 'hybrid' ? 'Hybrid' : 'On site';
    if (f.city !== null && p.cities.has(f.city)) {
      value = Math.min(value ?? 1, 1);
      reasons.push(plus('location', `In ${where}, where you want to work`));
    } else if (p.cities.size > 0 || p.countries.size > 0) {
      const sameArea =
        f.area !== null && f.country !== null && p.areas.has(`${f.country}:${f.area}`);
      const sameCountry = f.country !== null && p.countries.has(f.country);
      if (sameArea || (sameCountry && f.city === null && f.area === null)) {
        // Near enough to commute, perhaps: worth checking, not a move.
        value = Math.min(value ?? 1, 0.5);
        reasons.push(info('location', `${mode} in ${where}: check the commute`));
      } else {
        // On site elsewhere means moving.
        value = Math.min(value ?? 1, 0);
        breaker = true;
        reasons.push(minus('location', `${mode} in ${where}, not where you want to work`));
      }
    }
  }
  if (f.hours !== null && p.offsets.length > 0) {
    const hours = f.hours;
    const apart = Math.min(...p.offsets.map((o) => hoursApart(o, hours)));
    const asked =
      hours.from === hours.to
        ? formatOffset(hours.from)
        : `${formatOffset(hours.from)} to ${formatOffset(hours.to)}`;
    if (apart === 0) {
      value = Math.min(value ?? 1, 1);
      reasons.push(plus('location', `Working hours (${asked}) suit your time zone`));
    } else {
      value = Math.min(value ?? 1, apart <= 2 ? 0.5 : 0);
      if (apart > 2) breaker = true;
      reasons.push(
        minus(
          'location',
          `Asks for hours around ${asked}, ${Math.round(apart)}h beyond your time zone`,
        ),
      );
    }
  }
  return value === null ? null : { value, reasons, breaker };
}

/** Pay judged against a floor, with the reason in words. */
function judgedPay(ratio: number, what: string, want: string): Part {
  const value = payValue(ratio);
  const how = value >= 0.6 ? 'a little ' : value === 0 ? 'well ' : '';
  return {
    value,
    breaker: value === 0,
    reasons: [
      value === 1
        ? plus('pay', `${what}, meets your ${want}`)
        : minus('pay', `${what}, ${how}below your ${want}`),
    ],
  };
}

/** Graded pay against a floor: at or over 1, a little under 0.6, under 0.3, well under 0. */
function payValue(ratio: number): number {
  return ratio >= 1 ? 1 : ratio >= 0.9 ? 0.6 : ratio >= 0.8 ? 0.3 : 0;
}

function payPart(f: JobFeatures, p: PreparedProfile): Part | null {
  const prefs = p.profile.preferences;
  const rates = p.settings.exchangeRates;
  const floor = prefs.salaryFloor;
  const fl = f.freelance;
  if (fl !== null) {
    if (fl.contractType === 'hourly') {
      const top = fl.hourlyMax ?? fl.hourlyMin;
      let want = prefs.freelance.minHourlyRate;
      let wantCurrency = 'USD';
      if (want === null && floor !== null) {
        want = annualize(floor.amount, floor.period) / annualize(1, 'hour');
        wantCurrency = floor.currency;
      }
      if (want === null || want === 0) return null;
      if (top === null) return null;
      const inWant = convertCurrency(top, fl.currency, wantCurrency, rates);
      if (inWant === null) return null;
      return judgedPay(
        inWant / want,
        `Pays up to ${formatMoney(top, fl.currency)}/hr`,
        `${formatMoney(want, wantCurrency)}/hr`,
      );
    }
    const want = prefs.freelance.minFixedBudget;
    if (want === null || want === 0 || fl.budget === null) return null;
    const usd = convertCurrency(fl.budget, fl.currency, 'USD', rates);
    if (usd === null) return null;
    return judgedPay(
      usd / want,
      `Fixed budget ${formatMoney(fl.budget, fl.currency)}`,
      `${formatMoney(want, 'USD')} minimum`,
    );
  }
  if (floor === null) return null;
  const salary = f.salary;
  if (salary === null) return null;
  const topRaw = salary.max ?? salary.min ?? 0;
  const top = convertCurrency(
    annualize(topRaw, salary.period),
    salary.currency,
    floor.currency,
    rates,
  );
  const range =
    salary.min !== null && salary.max !== null && salary.max !== salary.min
      ? `${formatMoney(salary.min, salary.currency)}–${formatMoney(salary.max, salary.currency)}`
      : formatMoney(topRaw, salary.currency);
  const shown = `${range}/${salary.period}`;
  const wantText = `${formatMoney(floor.amount, floor.currency)}/${floor.period} floor`;
  if (top === null) return null;
  const converted =
    salary.currency === floor.currency && salary.period === floor.period
      ? ''
      : ` (about ${formatMoney(floor.period === 'year' ? top : top / annualize(1, floor.period), floor.currency)}/${floor.period})`;
  return judgedPay(
    top / annualize(floor.amount, floor.period),
    `Pays ${shown}${converted}`,
    wantText,
  );
}

function recencyPart(f: JobFeatures, p: PreparedProfile, now: Date): Part | null {
  if (f.postedAt === null) return null;
  // Marketplace posts are filled within days: their windows are half as long.
  const scale = f.freelance === null ? 1 : 0.5;
  const { highDays, mediumDays, lowDays } = p.settings.recency;
  const days = Math.max(0, (now.getTime() - f.postedAt) / DAY);
  const stale = days > 2 * lowDays * scale;
  const value =
    days <= highDays * scale
      ? 1
      : days <= mediumDays * scale
        ? 0.8
        : days <= lowDays * scale
          ? 0.55
          : stale
            ? 0
            : 0.25;
  const whole = Math.floor(days);
  const age = days < 1 ? 'today' : `${whole} day${whole === 1 ? '' : 's'} ago`;
  return {
    value,
    breaker: stale,
    reasons: [
      value >= 0.8
        ? plus('recency', `Posted ${age}`)
        : stale
          ? minus('recency', `Posted ${age}: likely filled`)
          : value <= 0.25
            ? minus('recency', `Posted ${age}: may be filled soon`)
            : info('recency', `Posted ${age}`),
    ],
  };
}

/** The fewest proposals each Upwork tier (PROPOSAL_TIERS) means. */
const PROPOSALS_AT_LEAST: Readonly<Record<string, number>> = {
  'Less than 5': 0,
  '5 to 10': 5,
  '10 to 15': 10,
  '15 to 20': 15,
  '20 to 50': 20,
  '50+': 50,
};

function clientPart(f: JobFeatures, p: PreparedProfile): Part | null {
  const fl = f.freelance;
  if (fl === null) return null;
  const client = fl.client;
  const want = p.profile.preferences.freelance.client;
  let value = 1;
  let breaker = false;
  const reasons: MatchReason[] = [];
  const good: string[] = [];
  if (client.paymentVerified === true) good.push('payment verified');
  else if (client.paymentVerified === false) {
    value -= want.paymentVerified ? 0.5 : 0.25;
    breaker ||= want.paymentVerified;
    reasons.push(minus('client', 'Client payment not verified'));
  }
  const spent = client.totalSpent;
  const minSpent = want.minSpent ?? 1000;
  if (spent !== null) {
    if (spent >= minSpent) good.push(`${formatMoney(spent, 'USD')} spent`);
    else {
      // Narrowly under (half the minimum or more) is a lesser flaw than a new client.
      value -= spent >= minSpent / 2 ? 0.15 : 0.3;
      reasons.push(
        minus(
          'client',
          `Client has spent ${formatMoney(spent, 'USD')}, under ${formatMoney(minSpent, 'USD')}`,
        ),
      );
    }
  }
  const minRating = want.minRating ?? 4;
  if (client.rating !== null) {
    if (client.rating >= minRating) good.push(`rated ${client.rating.toFixed(1)}`);
    else {
      const far = client.rating < minRating - 0.4;
      value -= far ? 0.4 : 0.15;
      breaker ||= far;
      reasons.push(
        minus('client', `Client rated ${client.rating.toFixed(1)}, under ${minRating.toFixed(1)}`),
      );
    }
  }
  if (client.hires === 0 && (client.jobsPosted ?? 0) > 1) {
    value -= 0.1;
    reasons.push(minus('client', 'Client has posted before but never hired'));
  }
  const tier = fl.proposalsTier;
  const least = tier === null ? undefined : PROPOSALS_AT_LEAST[tier];
  if (tier !== null && least !== undefined) {
    const max = want.maxProposals ?? 20;
    if (least >= max) {
      // Just past the limit is crowded; 50+ is a lottery.
      const far = least >= 50 || least >= 2 * max;
      value -= far ? 0.5 : 0.25;
      breaker ||= far;
      reasons.push(minus('client', `${tier} proposals already: crowded`));
    } else if (least < 10) good.push(`only ${tier.toLowerCase()} proposals`);
  }
  if (good.length > 0) reasons.unshift(plus('client', `Client: ${good.join(', ')}`));
  return { value: Math.max(0, value), reasons, breaker };
}

// ------------------------------------------------------------------------- score

const KIND_ORDER = { plus: 0, minus: 1, info: 2 } as const;
const FIT: ReadonlySet<ScoreComponent> = new Set(FIT_COMPONENTS);

/** Scores stored features for a prepared profile: 0-100, the parts and the reasons. */
export function scoreFeatures(
  f: JobFeatures,
  p: PreparedProfile,
  now: Date,
  corpus?: CorpusStats,
): ScoreResult {
  const skills: MatchSkills = {
    required: f.required.map((s) => checkAsked(s, p)),
    niceToHave: f.niceToHave.map((s) => checkAsked(s, p)),
  };
  if (p.avoid.size > 0 && p.avoid.has(f.companyKey))
    return {
      score: 0,
      components: {},
      reasons: [minus('company', `${f.company} is on your avoid list`)],
      skills,
    };
  const weights = p.settings.weights;
  const parts: Record<ScoreComponent, Part | null> = {
    relevance: weights.relevance > 0 ? relevancePart(f, corpus) : null,
    skills: weights.skills > 0 ? skillsPart(f, p, skills) : null,
    title: weights.title > 0 ? titlePart(f, p) : null,
    seniority: weights.seniority > 0 ? seniorityPart(f, p) : null,
    employment: weights.employment > 0 ? employmentPart(f, p) : null,
    remote: weights.remote > 0 ? remotePart(f, p) : null,
    location: weights.location > 0 ? locationPart(f, p) : null,
    pay: weights.pay > 0 ? payPart(f, p) : null,
    recency: weights.recency > 0 ? recencyPart(f, p, now) : null,
    client: weights.client > 0 ? clientPart(f, p) : null,
  };
  let fitSum = 0;
  let fitWeight = 0;
  let termsSum = 0;
  let termsWeight = 0;
  let breakers = 0;
  const components: Partial<Record<ScoreComponent, number>> = {};
  const reasons: MatchReason[] = [];
  for (const name of SCORE_COMPONENTS) {
    const part = parts[name];
    if (part === null) continue;
    const weight = weights[name];
    components[name] = Math.round(part.value * 1000) / 1000;
    if (FIT.has(name)) {
      fitSum += part.value * weight;
      fitWeight += weight;
    } else {
      termsSum += part.value * weight;
      termsWeight += weight;
    }
    if (part.breaker === true) breakers++;
    for (const r of part.reasons) reasons.push(r);
  }
  if (f.salary === null && f.freelance === null && p.profile.preferences.salaryFloor !== null)
    reasons.push(info('pay', 'No salary given'));
  const fit = fitWeight === 0 ? 1 : fitSum / fitWeight;
  const total = fitWeight + termsWeight;
  const score =
    total === 0 ? 0 : ((fitSum + fit * termsSum) / total) * 100 * BREAKER_FACTOR ** breakers;
  reasons.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
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

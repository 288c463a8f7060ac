import { normalizeCompany } from '../dedupe/normalize.js';
import type { Job, SalaryPeriod, Seniority } from '../job.js';
import { foldText } from '../normalize/fold.js';
import { annualize, formatMoney } from '../ranking/pay.js';
import type { ExperienceLevel, FilterRules, Rejection } from './rules.js';

/** What screening reads of a posting: never the raw payload. */
export type ScreenableJob = Pick<
  Job,
  | 'sourceType'
  | 'title'
  | 'company'
  | 'location'
  | 'remote'
  | 'seniority'
  | 'salary'
  | 'descriptionText'
  | 'skills'
  | 'freelance'
>;

/** Converts an amount between currencies; null when a rate is unknown. */
export type CurrencyConverter = (amount: number, from: string, to: string) => number | null;

const sameCurrencyOnly: CurrencyConverter = (amount, from, to) => (from === to ? amount : null);

/** Marketplace levels read as the seniorities they stand for. */
const LEVEL_SENIORITIES: Record<ExperienceLevel, readonly Seniority[]> = {
  intern: ['intern'],
  junior: ['junior'],
  mid: ['mid'],
  senior: ['senior'],
  lead: ['lead'],
  principal: ['principal'],
  executive: ['executive'],
  entry: ['intern', 'junior'],
  intermediate: ['mid'],
  expert: ['senior', 'lead', 'principal', 'executive'],
};

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A whole-word, case-insensitive matcher: "go" is not found in "good", "c++" is found as is. */
function wordPattern(word: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(foldText(word))}(?![\\p{L}\\p{N}])`, 'u');
}

/** The rules with their matchers built once, to screen many postings. */
export interface ContentScreen {
  (job: ScreenableJob): Rejection | null;
}

/**
 * Builds the screen for the rules that judge a posting's content: platform, location, pay
 * floor, experience level, keywords and excluded companies. The first rule broken is the one
 * reported; a posting that does not say (no location, no salary, no level) is not rejected
 * for it, since the rule cannot tell.
 */
export function contentScreen(
  rules: FilterRules,
  convert: CurrencyConverter = sameCurrencyOnly,
): ContentScreen {
  const platforms = new Set(rules.platforms.map((p) => p.toLowerCase()));
  const places = rules.locations.map((l) => foldText(l)).filter((l) => l !== 'remote');
  const acceptsRemote = rules.locations.some((l) => foldText(l) === 'remote');
  const levels = new Set(rules.experienceLevels.flatMap((l) => LEVEL_SENIORITIES[l]));
  const required = rules.keywordsRequired.map((k) => ({ word: k, pattern: wordPattern(k) }));
  const any = rules.keywordsAny.map((k) => ({ word: k, pattern: wordPattern(k) }));
  const excluded = rules.keywordsExcluded.map((k) => ({ word: k, pattern: wordPattern(k) }));
  const companies = new Map(rules.companiesExcluded.map((c) => [normalizeCompany(c), c]));
  const needsText = required.length + any.length + excluded.length > 0;

  return (job) => {
    if (platforms.size > 0 && !platforms.has(job.sourceType.toLowerCase()))
      return {
        rule: 'platforms',
        reason: `from ${job.sourceType}, not one of your platforms (${rules.platforms.join(', ')})`,
      };
    const company = companies.get(normalizeCompany(job.company));
    if (company !== undefined)
      return { rule: 'companies_excluded', reason: `${job.company} is on your excluded companies` };
    if (rules.locations.length > 0) {
      const where = job.location === null ? '' : foldText(job.location);
      const remoteOk = acceptsRemote && job.remote === 'remote';
      const placeOk = where !== '' && places.some((p) => where.includes(p));
      const unknown = where === '' && job.remote === 'unknown';
      if (!remoteOk && !placeOk && !unknown)
        return {
          rule: 'locations',
          reason: `${job.remote === 'remote' ? 'remote' : (job.location ?? job.remote)} is not in your locations (${rules.locations.join(', ')})`,
        };
    }
    if (levels.size > 0) {
      const level = job.freelance?.experienceLevel ?? null;
      const has = level !== null ? LEVEL_SENIORITIES[level] : [job.seniority];
      const known = has.every((s) => s !== 'unknown');
      if (known && !has.some((s) => levels.has(s)))
        return {
          rule: 'experience_level',
          reason: `${level ?? job.seniority} level, you filter for ${rules.experienceLevels.join(', ')}`,
        };
    }
    const floor = rules.salaryMin;
    if (floor !== null) {
      const pay = payTop(job);
      if (pay !== null) {
        const converted = convert(pay.amount, pay.currency, floor.currency);
        if (
          converted !== null &&
          annualize(converted, pay.period) < annualize(floor.amount, floor.period)
        )
          return {
            rule: 'salary_min',
            reason: `pays up to ${formatMoney(pay.amount, pay.currency)}/${pay.period}, under your ${formatMoney(floor.amount, floor.currency)}/${floor.period} minimum`,
          };
      }
    }
    if (needsText) {
      const text = foldText(`${job.title}\n${job.skills.join(', ')}\n${job.descriptionText}`);
      const found = excluded.find((k) => k.pattern.test(text));
      if (found !== undefined)
        return { rule: 'keywords_excluded', reason: `mentions "${found.word}", which you exclude` };
      const missing = required.filter((k) => !k.pattern.test(text));
      if (missing.length > 0)
        return {
          rule: 'keywords_required',
          reason: `does not mention ${missing.map((k) => `"${k.word}"`).join(', ')}`,
        };
      if (any.length > 0 && !any.some((k) => k.pattern.test(text)))
        return {
          rule: 'keywords_any',
          reason: `mentions none of ${any.map((k) => `"${k.word}"`).join(', ')}`,
        };
    }
    return null;
  };
}

/** The most a posting pays, in its own currency and period; null when it does not say. */
function payTop(
  job: ScreenableJob,
): { amount: number; currency: string; period: SalaryPeriod } | null {
  const f = job.freelance;
  if (f !== null) {
    if (f.contractType === 'hourly') {
      const top = f.hourlyMax ?? f.hourlyMin;
      return top === null ? null : { amount: top, currency: f.currency, period: 'hour' };
    }
    // A fixed budget is not a rate: it says nothing of pay per period.
    return null;
  }
  const s = job.salary;
  if (s === null) return null;
  const top = s.max ?? s.min;
  return top === null ? null : { amount: top, currency: s.currency, period: s.period };
}

/** What the time- and history-dependent rules read, as of one moment. */
export interface TimingContext {
  now: Date;
  /** Normalized company (companyKey) -> when the user last applied there. */
  appliedCompanies: ReadonlyMap<string, string>;
}

/** The key the once-per-company rule compares companies by. */
export function companyKey(company: string): string {
  return normalizeCompany(company);
}

/**
 * The rules that change with time and the user's history: posting age and a recent
 * application to the same company. Checked again at every ranking, unlike content rules.
 */
export function screenTiming(
  job: { company: string; postedAt: string | null },
  rules: FilterRules,
  context: TimingContext,
): Rejection | null {
  const within = rules.postedWithinDays;
  if (within !== null && job.postedAt !== null) {
    const days = (context.now.getTime() - Date.parse(job.postedAt)) / 86_400_000;
    if (days > within)
      return {
        rule: 'posted_within_days',
        reason: `posted ${Math.floor(days)} days ago, older than your ${within} days`,
      };
  }
  const recent = rules.appliedCompanyWithinDays;
  if (recent !== null) {
    const applied = context.appliedCompanies.get(companyKey(job.company));
    if (applied !== undefined) {
      const days = (context.now.getTime() - Date.parse(applied)) / 86_400_000;
      if (days <= recent)
        return {
          rule: 'applied_company_within_days',
          reason: `you applied to ${job.company} ${Math.max(0, Math.floor(days))} days ago (rule: once per ${recent} days)`,
        };
    }
  }
  return null;
}

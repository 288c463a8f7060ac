import type { Job } from '../job.js';
import type { MatchReason } from '../match.js';
import type { Profile } from '../profile.js';
import { normalizeSkills } from '../skills.js';
import { annualize, formatMoney } from './pay.js';

export const SCORE_COMPONENTS = [
  'skills',
  'title',
  'seniority',
  'remote',
  'pay',
  'recency',
  'client',
] as const;
export type ScoreComponent = (typeof SCORE_COMPONENTS)[number];
export type ScoreWeights = Record<ScoreComponent, number>;

export const DEFAULT_WEIGHTS: ScoreWeights = {
  skills: 0.35,
  title: 0.2,
  seniority: 0.1,
  remote: 0.1,
  pay: 0.15,
  recency: 0.1,
  client: 0.1,
};

/** Scoring never needs the raw payload, so listings can be scored as they are. */
export type ScorableJob = Omit<Job, 'raw'>;

export interface ScoreResult {
  score: number;
  components: Partial<Record<ScoreComponent, number>>;
  reasons: MatchReason[];
}

const SENIORITY_ORDER = ['intern', 'junior', 'mid', 'senior', 'lead', 'principal', 'executive'];
const STOPWORDS = new Set([
  'and',
  'or',
  'the',
  'a',
  'of',
  'for',
  'to',
  'in',
  'with',
  'remote',
  '-',
  '/',
  '&',
]);

function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9+#.]+/)
    .filter((t) => t.length > 1 && !STOPWORDS.has(t));
}

/** The profile's skill set: listed skills, their keywords and project keywords, canonical. */
export function profileSkills(profile: Profile): Set<string> {
  const names = [
    ...profile.skills.flatMap((s) => [s.name, ...s.keywords]),
    ...profile.projects.flatMap((p) => p.keywords),
  ];
  return new Set(normalizeSkills(names).map((s) => s.toLowerCase()));
}

interface Scored {
  value: number;
  reasons: MatchReason[];
}

function skillsComponent(job: ScorableJob, have: Set<string>): Scored | null {
  if (job.skills.length === 0) return null;
  const matched = job.skills.filter((s) => have.has(s.toLowerCase()));
  const missing = job.skills.filter((s) => !have.has(s.toLowerCase()));
  const reasons: MatchReason[] = [];
  if (matched.length > 0)
    reasons.push({
      kind: 'plus',
      component: 'skills',
      text: `You have ${matched.length} of ${job.skills.length} skills it names: ${matched.slice(0, 6).join(', ')}`,
    });
  if (missing.length > 0)
    reasons.push({
      kind: 'minus',
      component: 'skills',
      text: `Missing: ${missing.slice(0, 5).join(', ')}`,
    });
  return { value: matched.length / job.skills.length, reasons };
}

function titleComponent(job: ScorableJob, profile: Profile): Scored | null {
  const targets = profile.preferences.targetTitles;
  if (targets.length === 0) return null;
  const jobTokens = new Set(tokens(job.title));
  let best = 0;
  let bestTitle = '';
  for (const target of targets) {
    const want = tokens(target);
    if (want.length === 0) continue;
    const overlap = want.filter((t) => jobTokens.has(t)).length / want.length;
    if (overlap > best) [best, bestTitle] = [overlap, target];
  }
  const reasons: MatchReason[] =
    best >= 0.99
      ? [{ kind: 'plus', component: 'title', text: `Title matches your target "${bestTitle}"` }]
      : best > 0
        ? [
            {
              kind: 'info',
              component: 'title',
              text: `Title is close to your target "${bestTitle}"`,
            },
          ]
        : [{ kind: 'minus', component: 'title', text: 'Title is not one of your target titles' }];
  return { value: best, reasons };
}

function seniorityComponent(job: ScorableJob, profile: Profile): Scored | null {
  const wanted = profile.preferences.seniority;
  if (wanted.length === 0 || job.seniority === 'unknown') return null;
  if (wanted.includes(job.seniority))
    return {
      value: 1,
      reasons: [
        { kind: 'plus', component: 'seniority', text: `Seniority fits (${job.seniority})` },
      ],
    };
  const at = SENIORITY_ORDER.indexOf(job.seniority);
  const distance = Math.min(...wanted.map((w) => Math.abs(SENIORITY_ORDER.indexOf(w) - at)));
  return {
    value: distance === 1 ? 0.5 : 0,
    reasons: [
      {
        kind: 'minus',
        component: 'seniority',
        text: `Seniority is ${job.seniority}, you want ${wanted.join(' or ')}`,
      },
    ],
  };
}

function remoteComponent(job: ScorableJob, profile: Profile): Scored | null {
  const wanted = profile.preferences.remote;
  if (wanted.length === 0) return null;
  if (job.remote === 'unknown')
    return {
      value: 0.5,
      reasons: [{ kind: 'info', component: 'remote', text: 'Does not say whether it is remote' }],
    };
  if (wanted.includes(job.remote))
    return {
      value: 1,
      reasons: [
        {
          kind: 'plus',
          component: 'remote',
          text: `${job.remote === 'remote' ? 'Remote' : job.remote === 'hybrid' ? 'Hybrid' : 'On-site'}, as you prefer`,
        },
      ],
    };
  return {
    value: 0,
    reasons: [
      {
        kind: 'minus',
        component: 'remote',
        text: `It is ${job.remote}; you want ${wanted.join(' or ')}`,
      },
    ],
  };
}

function payComponent(job: ScorableJob, profile: Profile): Scored | null {
  const prefs = profile.preferences;
  const f = job.freelance;
  if (f !== null) {
    if (f.contractType === 'hourly') {
      const floor = prefs.freelance.minHourlyRate;
      const top = f.hourlyMax ?? f.hourlyMin;
      if (floor === null || top === null) return null;
      const range =
        f.hourlyMin === null || f.hourlyMin === top
          ? `${formatMoney(top, f.currency)}/hr`
          : `${formatMoney(f.hourlyMin, f.currency)}–${formatMoney(top, f.currency)}/hr`;
      return top >= floor
        ? {
            value: 1,
            reasons: [
              {
                kind: 'plus',
                component: 'pay',
                text: `Pays ${range}, at or above your ${formatMoney(floor, f.currency)}/hr`,
              },
            ],
          }
        : {
            value: top >= floor * 0.8 ? 0.4 : 0,
            reasons: [
              {
                kind: 'minus',
                component: 'pay',
                text: `Pays up to ${formatMoney(top, f.currency)}/hr, below your ${formatMoney(floor, f.currency)}/hr`,
              },
            ],
          };
    }
    const floor = prefs.freelance.minFixedBudget;
    if (floor === null || f.budget === null) return null;
    return f.budget >= floor
      ? {
          value: 1,
          reasons: [
            {
              kind: 'plus',
              component: 'pay',
              text: `Fixed budget ${formatMoney(f.budget, f.currency)}, at or above your ${formatMoney(floor, f.currency)} minimum`,
            },
          ],
        }
      : {
          value: 0,
          reasons: [
            {
              kind: 'minus',
              component: 'pay',
              text: `Fixed budget ${formatMoney(f.budget, f.currency)} is below your ${formatMoney(floor, f.currency)} minimum`,
            },
          ],
        };
  }
  const floor = prefs.salaryFloor;
  const salary = job.salary;
  if (floor === null) return null;
  if (salary === null)
    return { value: 0.5, reasons: [{ kind: 'info', component: 'pay', text: 'No salary given' }] };
  if (salary.currency !== floor.currency)
    return {
      value: 0.5,
      reasons: [
        {
          kind: 'info',
          component: 'pay',
          text: `Pays in ${salary.currency}, your floor is in ${floor.currency}`,
        },
      ],
    };
  const top = annualize(salary.max ?? salary.min ?? 0, salary.period);
  const want = annualize(floor.amount, floor.period);
  const shown = `${formatMoney(salary.min ?? salary.max ?? 0, salary.currency)}${salary.max !== null && salary.min !== null ? `–${formatMoney(salary.max, salary.currency)}` : ''}/${salary.period}`;
  if (top >= want)
    return {
      value: 1,
      reasons: [
        {
          kind: 'plus',
          component: 'pay',
          text: `Pays ${shown}, meets your ${formatMoney(floor.amount, floor.currency)}/${floor.period} floor`,
        },
      ],
    };
  return {
    value: top >= want * 0.85 ? 0.4 : 0,
    reasons: [
      {
        kind: 'minus',
        component: 'pay',
        text: `Pays ${shown}, below your ${formatMoney(floor.amount, floor.currency)}/${floor.period} floor`,
      },
    ],
  };
}

function recencyComponent(job: ScorableJob, now: Date): Scored | null {
  if (job.postedAt === null) return null;
  const days = Math.max(0, (now.getTime() - Date.parse(job.postedAt)) / 86_400_000);
  const value = days <= 3 ? 1 : days <= 14 ? 0.7 : days <= 30 ? 0.4 : 0.1;
  const age =
    days < 1 ? 'today' : `${Math.floor(days)} day${Math.floor(days) === 1 ? '' : 's'} ago`;
  return {
    value,
    reasons: [
      { kind: value >= 0.7 ? 'plus' : 'info', component: 'recency', text: `Posted ${age}` },
    ],
  };
}

function clientComponent(job: ScorableJob): Scored | null {
  const client = job.freelance?.client;
  if (client === undefined) return null;
  let value = 0;
  const reasons: MatchReason[] = [];
  if (client.paymentVerified === true) value += 0.4;
  else reasons.push({ kind: 'minus', component: 'client', text: 'Client payment not verified' });
  if ((client.totalSpent ?? 0) >= 10_000) value += 0.3;
  else if ((client.totalSpent ?? 0) >= 1_000) value += 0.15;
  if ((client.rating ?? 0) >= 4.5) value += 0.3;
  else if ((client.rating ?? 0) >= 4) value += 0.15;
  if (value >= 0.7)
    reasons.push({
      kind: 'plus',
      component: 'client',
      text: `Strong client: ${client.paymentVerified === true ? 'payment verified, ' : ''}${formatMoney(client.totalSpent ?? 0, 'USD')} spent${client.rating === null ? '' : `, rated ${client.rating.toFixed(1)}`}`,
    });
  return { value, reasons };
}

/**
 * Scores a posting for a profile from 0 to 100 as a weighted mean of the components that
 * apply (a component with nothing to judge is left out rather than guessed), and says why.
 */
export function scoreJob(
  job: ScorableJob,
  profile: Profile,
  now: Date,
  weights: ScoreWeights = DEFAULT_WEIGHTS,
): ScoreResult {
  const avoid = profile.preferences.avoidCompanies.map((c) => c.trim().toLowerCase());
  if (avoid.includes(job.company.trim().toLowerCase())) {
    return {
      score: 0,
      components: {},
      reasons: [
        { kind: 'minus', component: 'company', text: `${job.company} is on your avoid list` },
      ],
    };
  }
  const parts: Record<ScoreComponent, Scored | null> = {
    skills: skillsComponent(job, profileSkills(profile)),
    title: titleComponent(job, profile),
    seniority: seniorityComponent(job, profile),
    remote: remoteComponent(job, profile),
    pay: payComponent(job, profile),
    recency: recencyComponent(job, now),
    client: clientComponent(job),
  };
  let total = 0;
  let weightSum = 0;
  const components: Partial<Record<ScoreComponent, number>> = {};
  const reasons: MatchReason[] = [];
  for (const name of SCORE_COMPONENTS) {
    const part = parts[name];
    if (part === null || weights[name] <= 0) continue;
    components[name] = Math.round(part.value * 1000) / 1000;
    total += part.value * weights[name];
    weightSum += weights[name];
    reasons.push(...part.reasons);
  }
  const score = weightSum === 0 ? 0 : Math.round((total / weightSum) * 100);
  // Strongest arguments first: pluses, then minuses, then notes.
  const order = { plus: 0, minus: 1, info: 2 } as const;
  reasons.sort((a, b) => order[a.kind] - order[b.kind]);
  return { score, components, reasons };
}

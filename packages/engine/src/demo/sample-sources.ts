import type { JobInputDraft } from '@applydesk/domain';
import { HN_USERS } from './sample-companies.js';
import { money, type RoleSpec, type UpworkSpec } from './sample-compose.js';
import { uniqueHex, type Rng } from './sample-random.js';

/**
 * Renders source-neutral specs as each source sends them: the URL and ids it uses, a `raw`
 * payload shaped like its API, and the draft an adapter would make of that payload.
 * Ids embed the slot number, so (sourceType, externalId) never repeats within one set.
 */

export interface RenderContext {
  now: Date;
  nowIso: string;
}

export type RoleSourceType =
  'greenhouse' | 'lever' | 'ashby' | 'workable' | 'remotive' | 'remoteok' | 'hn';
export type RoleRenderer = (
  spec: RoleSpec,
  slot: number,
  rng: Rng,
  ctx: RenderContext,
) => JobInputDraft;

// --- text helpers -------------------------------------------------------------------------

const NEEDS_ESCAPE = /[&<>"]/;

/** Escapes text for HTML (fast path: most catalog text needs nothing). */
function esc(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Greenhouse's `content` is the HTML escaped once more. */
function greenhouseEscape(html: string): string {
  return html
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;');
}

/** HN item text escapes quotes and slashes too. */
function hnEscape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#x27;')
    .replace(/\//g, '&#x2F;');
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A stable small number for a name, for ids that only need to look plausible. */
function hash32(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) >>> 0;
  return h;
}

function pushList(out: string[], items: readonly string[]): void {
  out.push('<ul>');
  for (const item of items) out.push('<li>', esc(item), '</li>');
  out.push('</ul>');
}

function listItems(items: readonly string[]): string {
  const out: string[] = [];
  for (const item of items) out.push('<li>', esc(item), '</li>');
  return out.join('');
}

function pushParagraphs(out: string[], items: readonly (string | null)[]): void {
  for (const item of items) if (item !== null) out.push('<p>', esc(item), '</p>');
}

type HeadingStyle = 'h2' | 'h3' | 'strong';

function pushHeading(out: string[], text: string, style: HeadingStyle): void {
  if (style === 'strong') out.push('<p><strong>', esc(text), '</strong></p>');
  else out.push(`<${style}>`, esc(text), `</${style}>`);
}

const DUTIES = "What you'll do";
const REQUIREMENTS = 'Requirements';
const NICE = 'Nice to have';
const BENEFITS = 'Benefits';

function pushIntro(out: string[], spec: RoleSpec): void {
  pushParagraphs(out, spec.intro);
  if (spec.injectHtml !== null) out.push(spec.injectHtml);
}

function closing(spec: RoleSpec): (string | null)[] {
  return [spec.workplace, spec.compensation, spec.process];
}

/** The whole description as one HTML document, headings in the given style. */
function descriptionHtml(spec: RoleSpec, style: HeadingStyle): string {
  // Parts joined once: a flat string rather than a long chain of concatenations.
  const out: string[] = [];
  pushIntro(out, spec);
  pushHeading(out, DUTIES, style);
  pushList(out, spec.duties);
  pushHeading(out, REQUIREMENTS, style);
  pushList(out, spec.requirements);
  pushHeading(out, NICE, style);
  pushList(out, spec.niceToHave);
  pushHeading(out, BENEFITS, style);
  pushList(out, spec.benefits);
  pushParagraphs(out, closing(spec));
  return out.join('');
}

function bullets(items: readonly string[]): string {
  return items.map((item) => `- ${item}`).join('\n');
}

/** The plain-text version some sources send alongside the HTML. */
function descriptionPlain(spec: RoleSpec): string {
  return [
    spec.intro.join('\n\n'),
    `${DUTIES}\n${bullets(spec.duties)}`,
    `${REQUIREMENTS}\n${bullets(spec.requirements)}`,
    `${NICE}\n${bullets(spec.niceToHave)}`,
    `${BENEFITS}\n${bullets(spec.benefits)}`,
    closing(spec)
      .filter((s) => s !== null)
      .join('\n\n'),
  ].join('\n\n');
}

// --- shared draft fields --------------------------------------------------------------------

const COMMITMENT: Record<RoleSpec['employmentType'], string> = {
  full_time: 'Full-time',
  contract: 'Contract',
  part_time: 'Part-time',
};

function uuid(rng: Rng, slot: number, salt: number): string {
  return `${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-${'89ab'[rng.int(0, 3)] ?? '8'}${rng.hex(3)}-${uniqueHex(slot, salt, 12)}`;
}

/** City and, in the US, state of the office ("Austin, TX"); elsewhere the second part is the country. */
function officeParts(spec: RoleSpec): { city: string; region: string } {
  const [city = spec.office, second = ''] = spec.office.split(', ');
  return { city, region: spec.company.region === 'US' ? second : '' };
}

/** An ISO timestamp written with a fixed UTC offset, as some APIs send it. */
function isoWithOffset(date: Date, offsetHours: number): string {
  const shifted = new Date(date.getTime() + offsetHours * 3_600_000).toISOString().slice(0, 19);
  const sign = offsetHours < 0 ? '-' : '+';
  return `${shifted}${sign}${String(Math.abs(offsetHours)).padStart(2, '0')}:00`;
}

/** Some time after posting, never after now. */
function updatedAfter(rng: Rng, posted: Date, now: Date): Date {
  return new Date(Math.min(now.getTime(), posted.getTime() + rng.int(0, 72) * 3_600_000));
}

function common(
  spec: RoleSpec,
  ctx: RenderContext,
): Omit<
  JobInputDraft,
  'sourceType' | 'sourceId' | 'externalId' | 'url' | 'descriptionHtml' | 'descriptionText' | 'raw'
> {
  return {
    title: spec.title,
    company: spec.company.name,
    location: spec.location,
    remote: spec.remote,
    employmentType: spec.employmentType,
    seniority: spec.seniority,
    salary: spec.salary,
    skills: spec.skills,
    postedAt: spec.postedAt.toISOString(),
    fetchedAt: ctx.nowIso,
    expiresAt: spec.expiresAt === null ? null : spec.expiresAt.toISOString(),
  };
}

// --- employers' applicant tracking systems --------------------------------------------------

const OFFSET: Record<string, number> = { US: -5, EU: 1, UK: 0 };

export const renderGreenhouse: RoleRenderer = (spec, slot, rng, ctx) => {
  const id = 4_000_000_000 + slot * 1000 + rng.int(0, 999);
  const slug = spec.company.slug;
  const url = `https://boards.greenhouse.io/${slug}/jobs/${id}`;
  const content = greenhouseEscape(descriptionHtml(spec, rng.chance(0.5) ? 'h3' : 'strong'));
  const offset = OFFSET[spec.company.region] ?? 0;
  const raw = {
    id,
    internal_job_id: 2_000_000 + slot * 10 + rng.int(0, 9),
    title: spec.title,
    updated_at: isoWithOffset(updatedAfter(rng, spec.postedAt, ctx.now), offset),
    requisition_id: `${spec.family.department.slice(0, 3).toUpperCase()}-${1000 + (slot % 9000)}`,
    location: { name: spec.location },
    absolute_url: url,
    language: 'en',
    metadata: [
      {
        id: 4_106_281,
        name: 'Employment Type',
        value: COMMITMENT[spec.employmentType],
        value_type: 'single_select',
      },
      {
        id: 4_106_282,
        name: 'Workplace',
        value:
          spec.remote === 'onsite'
            ? 'On-site'
            : spec.remote === 'unknown'
              ? null
              : spec.remote === 'remote'
                ? 'Remote'
                : 'Hybrid',
        value_type: 'single_select',
      },
    ],
    content,
    departments: [
      {
        id: 80_000 + (hash32(spec.family.department) % 10_000),
        name: spec.family.department,
        child_ids: [],
        parent_id: null,
      },
    ],
    offices: [
      {
        id: 60_000 + (hash32(spec.office) % 10_000),
        name: spec.office,
        location: spec.office,
        child_ids: [],
        parent_id: null,
      },
    ],
    first_published: isoWithOffset(spec.postedAt, offset),
    ...(spec.salary === null
      ? {}
      : {
          pay_input_ranges: [
            {
              min_cents: spec.salary.min * 100,
              max_cents: spec.salary.max * 100,
              currency_type: spec.salary.currency,
              title:
                spec.salary.period === 'hour'
                  ? 'Hourly rate'
                  : `${spec.company.region} base salary`,
              blurb: spec.compensation ?? '',
            },
          ],
        }),
  };
  return {
    sourceType: 'greenhouse',
    sourceId: `greenhouse:${slug}`,
    externalId: String(id),
    url,
    ...common(spec, ctx),
    // Passed through as Greenhouse sends it (entity-escaped); prepareJob decodes it.
    descriptionHtml: content,
    descriptionText: '',
    raw,
  };
};

const LEVER_WORKPLACE: Record<RoleSpec['remote'], string> = {
  remote: 'remote',
  hybrid: 'hybrid',
  onsite: 'on-site',
  unknown: 'unspecified',
};

export const renderLever: RoleRenderer = (spec, slot, rng, ctx) => {
  const id = uuid(rng, slot, 0x1e7e5);
  const site = spec.company.slug;
  const hostedUrl = `https://jobs.lever.co/${site}/${id}`;
  const intro: string[] = ['<div>'];
  pushIntro(intro, spec);
  intro.push('</div>');
  const description = intro.join('');
  const lists = [
    { text: DUTIES, content: listItems(spec.duties) },
    { text: REQUIREMENTS, content: listItems(spec.requirements) },
    { text: NICE, content: listItems(spec.niceToHave) },
    { text: BENEFITS, content: listItems(spec.benefits) },
  ];
  const outro: string[] = ['<div>'];
  pushParagraphs(outro, closing(spec));
  outro.push('</div>');
  const additional = outro.join('');
  const raw = {
    id,
    text: spec.title,
    categories: {
      commitment: COMMITMENT[spec.employmentType],
      department: spec.family.department,
      location: spec.location,
      team: spec.team,
      allLocations: [spec.location],
    },
    country: spec.company.country,
    createdAt: spec.postedAt.getTime(),
    description,
    descriptionPlain: spec.intro.join('\n\n'),
    lists,
    additional,
    additionalPlain: closing(spec)
      .filter((s) => s !== null)
      .join('\n\n'),
    hostedUrl,
    applyUrl: `${hostedUrl}/apply`,
    workplaceType: LEVER_WORKPLACE[spec.remote],
    ...(spec.salary === null
      ? {}
      : {
          salaryRange: {
            min: spec.salary.min,
            max: spec.salary.max,
            currency: spec.salary.currency,
            interval: spec.salary.period === 'hour' ? 'per-hour-wage' : 'per-year-salary',
          },
          salaryDescriptionPlain: spec.compensation ?? '',
        }),
  };
  const html = [
    description,
    ...lists.map((list) => `<h3>${esc(list.text)}</h3><ul>${list.content}</ul>`),
    additional,
  ].join('');
  return {
    sourceType: 'lever',
    sourceId: `lever:${site}`,
    externalId: id,
    url: hostedUrl,
    ...common(spec, ctx),
    descriptionHtml: html,
    descriptionText: '',
    raw,
  };
};

const ASHBY_EMPLOYMENT: Record<RoleSpec['employmentType'], string> = {
  full_time: 'FullTime',
  contract: 'Contract',
  part_time: 'PartTime',
};
const ASHBY_WORKPLACE: Record<RoleSpec['remote'], string | null> = {
  remote: 'Remote',
  hybrid: 'Hybrid',
  onsite: 'OnSite',
  unknown: null,
};

export const renderAshby: RoleRenderer = (spec, slot, rng, ctx) => {
  const id = uuid(rng, slot, 0xa5b1);
  const org = spec.company.slug;
  const jobUrl = `https://jobs.ashbyhq.com/${org}/${id}`;
  const html = descriptionHtml(spec, 'h2');
  const plain = spec.injectHtml === null ? descriptionPlain(spec) : '';
  const { city, region } = officeParts(spec);
  const raw = {
    id,
    title: spec.title,
    department: spec.family.department,
    team: spec.team,
    employmentType: ASHBY_EMPLOYMENT[spec.employmentType],
    location: spec.location,
    secondaryLocations: [],
    publishedAt: spec.postedAt.toISOString(),
    isListed: true,
    isRemote: spec.remote === 'remote',
    workplaceType: ASHBY_WORKPLACE[spec.remote],
    address: {
      postalAddress: {
        addressLocality: city,
        addressRegion: region,
        addressCountry: spec.company.country,
      },
    },
    jobUrl,
    applyUrl: `${jobUrl}/application`,
    descriptionHtml: html,
    descriptionPlain: plain,
    ...(spec.salary === null
      ? {}
      : {
          compensation: {
            compensationTierSummary: `${money(spec.salary.min, spec.salary.currency)} - ${money(spec.salary.max, spec.salary.currency)}`,
            scrapeableCompensationSalarySummary: `${money(spec.salary.min, spec.salary.currency)} - ${money(spec.salary.max, spec.salary.currency)}`,
            summaryComponents: [
              {
                compensationType: 'Salary',
                interval: spec.salary.period === 'hour' ? '1 HOUR' : '1 YEAR',
                currencyCode: spec.salary.currency,
                minValue: spec.salary.min,
                maxValue: spec.salary.max,
              },
            ],
          },
        }),
  };
  // Ashby sends a plain-text version too; an adapter can pass it on as is.
  return {
    sourceType: 'ashby',
    sourceId: `ashby:${org}`,
    externalId: id,
    url: jobUrl,
    ...common(spec, ctx),
    descriptionHtml: html,
    descriptionText: plain,
    raw,
  };
};

const WORKABLE_EXPERIENCE: Record<RoleSpec['seniority'], string> = {
  junior: 'Entry level',
  mid: 'Associate',
  senior: 'Mid-Senior level',
  lead: 'Mid-Senior level',
  principal: 'Director',
};

export const renderWorkable: RoleRenderer = (spec, slot, rng, ctx) => {
  const shortcode = uniqueHex(slot, 0x30ab1e, 10).toUpperCase();
  const account = spec.company.slug;
  const url = `https://apply.workable.com/${account}/j/${shortcode}/`;
  const html = descriptionHtml(spec, 'strong');
  const { city, region } = officeParts(spec);
  const raw = {
    shortcode,
    code: `${spec.family.department.slice(0, 2).toUpperCase()}-${String(slot % 1000).padStart(3, '0')}`,
    title: spec.title,
    employment_type: COMMITMENT[spec.employmentType],
    telecommuting: spec.remote === 'remote',
    workplace:
      spec.remote === 'onsite' ? 'on_site' : spec.remote === 'unknown' ? null : spec.remote,
    department: spec.family.department,
    url,
    shortlink: `https://apply.workable.com/j/${shortcode}`,
    application_url: `${url}apply`,
    published_on: spec.postedAt.toISOString().slice(0, 10),
    created_at: spec.postedAt.toISOString().slice(0, 10),
    country: spec.company.country,
    city,
    state: region,
    education: '',
    experience: WORKABLE_EXPERIENCE[spec.seniority],
    function: spec.family.department,
    industry: spec.company.industry,
    locations: [
      {
        country: spec.company.country,
        countryCode: spec.company.country,
        city,
        region,
        hidden: false,
      },
    ],
    description: html,
    ...(spec.salary === null
      ? {}
      : {
          salary: {
            salary_from: spec.salary.min,
            salary_to: spec.salary.max,
            salary_currency: spec.salary.currency,
          },
        }),
  };
  return {
    sourceType: 'workable',
    sourceId: `workable:${account}`,
    externalId: shortcode,
    url,
    ...common(spec, ctx),
    descriptionHtml: html,
    descriptionText: '',
    raw,
  };
};

// --- job boards and aggregators ------------------------------------------------------------

const REMOTIVE_AREA: Record<string, string> = {
  US: 'USA',
  EU: 'Europe',
  UK: 'UK',
  Worldwide: 'Worldwide',
};
const JOB_TYPE: Record<RoleSpec['employmentType'], string> = {
  full_time: 'full_time',
  contract: 'contract',
  part_time: 'part_time',
};

function salaryText(spec: RoleSpec): string {
  if (spec.salary === null) return '';
  const unit = spec.salary.period === 'hour' ? ' /hour' : '';
  return `${money(spec.salary.min, spec.salary.currency)} - ${money(spec.salary.max, spec.salary.currency)}${unit}`;
}

export const renderRemotive: RoleRenderer = (spec, slot, rng, ctx) => {
  const id = 1_900_000 + slot * 3 + rng.int(0, 2);
  const category = spec.family.category;
  const url = `https://remotive.com/remote-jobs/${slugify(category)}/${slugify(spec.title)}-${id}`;
  const html = descriptionHtml(spec, 'strong');
  const area = REMOTIVE_AREA[spec.remoteArea ?? 'Worldwide'] ?? 'Worldwide';
  const raw = {
    id,
    url,
    title: spec.title,
    company_name: spec.company.name,
    company_logo: `https://remotive.com/job/${id}/logo`,
    category,
    tags: spec.skills.map((s) => s.toLowerCase()),
    job_type: JOB_TYPE[spec.employmentType],
    publication_date: spec.postedAt.toISOString().slice(0, 19),
    candidate_required_location: area,
    salary: salaryText(spec),
    description: html,
  };
  return {
    sourceType: 'remotive',
    sourceId: 'remotive:all',
    externalId: String(id),
    url,
    ...common(spec, ctx),
    location: area,
    descriptionHtml: html,
    descriptionText: '',
    raw,
  };
};

/** RemoteOK shows yearly USD; a rough conversion, good enough for sample data. */
const TO_USD: Record<string, number> = { USD: 1, EUR: 1.08, GBP: 1.27 };

export const renderRemoteOk: RoleRenderer = (spec, slot, rng, ctx) => {
  const id = 1_090_000 + slot * 2 + rng.int(0, 1);
  const slug = `remote-${slugify(spec.title)}-${spec.company.slug}-${id}`;
  const url = `https://remoteok.com/remote-jobs/${slug}`;
  const html = descriptionHtml(spec, 'h3');
  const yearly = spec.salary !== null && spec.salary.period === 'year' ? spec.salary : null;
  const rate = yearly === null ? 0 : (TO_USD[yearly.currency] ?? 1);
  const salaryMin = yearly === null ? 0 : Math.round((yearly.min * rate) / 1000) * 1000;
  const salaryMax = yearly === null ? 0 : Math.round((yearly.max * rate) / 1000) * 1000;
  const location =
    spec.remoteArea === 'Worldwide' || spec.remoteArea === null ? 'Worldwide' : spec.location;
  const raw = {
    slug,
    id: String(id),
    epoch: Math.floor(spec.postedAt.getTime() / 1000),
    date: `${spec.postedAt.toISOString().slice(0, 19)}+00:00`,
    company: spec.company.name,
    company_logo: '',
    position: spec.title,
    tags: [
      spec.family.category.toLowerCase().split(' ')[0] ?? 'dev',
      ...spec.skills.map((s) => s.toLowerCase().replace(/\.js$/, '')),
      spec.seniority,
    ],
    logo: '',
    description: html,
    location,
    salary_min: salaryMin,
    salary_max: salaryMax,
    apply_url: `https://remoteok.com/l/${id}`,
    url,
  };
  return {
    sourceType: 'remoteok',
    sourceId: 'remoteok:all',
    externalId: String(id),
    url,
    ...common(spec, ctx),
    location,
    salary:
      yearly === null ? null : { min: salaryMin, max: salaryMax, currency: 'USD', period: 'year' },
    descriptionHtml: html,
    descriptionText: '',
    raw,
  };
};

function hnSalary(spec: RoleSpec): string | null {
  if (spec.salary === null) return null;
  const symbol = spec.salary.currency === 'EUR' ? '€' : spec.salary.currency === 'GBP' ? '£' : '$';
  if (spec.salary.period === 'hour') return `${symbol}${spec.salary.min}-${spec.salary.max}/hr`;
  return `${symbol}${Math.round(spec.salary.min / 1000)}k-${symbol}${Math.round(spec.salary.max / 1000)}k`;
}

function hnLocation(spec: RoleSpec): string {
  const city = spec.office === 'Remote' ? null : spec.office;
  switch (spec.remote) {
    case 'remote':
      return spec.remoteArea === 'Worldwide' || spec.remoteArea === null
        ? 'REMOTE'
        : `Remote (${spec.remoteArea})`;
    case 'hybrid':
      return `${city ?? 'Remote'} (Hybrid)`;
    case 'onsite':
      return `ONSITE ${city ?? ''}`.trim();
    case 'unknown':
      return city ?? 'Remote';
  }
}

/** "Ask HN: Who is hiring?" comment: a one-line header, then a few short paragraphs. */
export const renderHn: RoleRenderer = (spec, slot, rng, ctx) => {
  const id = 44_000_000 + slot * 5 + rng.int(0, 4);
  const careers = `https://${spec.company.slug}.example.com/careers`;
  const salary = hnSalary(spec);
  const header = [
    spec.company.name,
    spec.title,
    hnLocation(spec),
    COMMITMENT[spec.employmentType],
    salary === null ? null : `${salary}${rng.chance(0.4) ? ' + equity' : ''}`,
    careers,
  ]
    .filter((part) => part !== null)
    .join(' | ');
  const stack = spec.skills.length > 0 ? `Stack: ${spec.skills.join(', ')}.` : null;
  const paras = [
    header,
    `${spec.intro[0] ?? ''} ${spec.intro[1] ?? ''}`.trim(),
    `What we need: ${spec.requirements.slice(0, 3).join('; ')}.`,
    stack,
  ].filter((p): p is string => p !== null);
  const text =
    paras.map(hnEscape).join('<p>') +
    (spec.injectHtml ?? '') +
    `<p>Apply: <a href="${hnEscape(careers)}" rel="nofollow">${hnEscape(careers)}</a> (mention HN)`;
  const nowMonth = ctx.now.getUTCFullYear() * 12 + ctx.now.getUTCMonth();
  const raw = {
    by: rng.pick(HN_USERS),
    id,
    parent: 43_000_000 + (nowMonth % 1000) * 97,
    text,
    time: Math.floor(spec.postedAt.getTime() / 1000),
    type: 'comment',
  };
  return {
    sourceType: 'hn',
    sourceId: 'hn:whoishiring',
    externalId: String(id),
    url: `https://news.ycombinator.com/item?id=${id}`,
    ...common(spec, ctx),
    location: hnLocation(spec),
    // An HN comment names neither seniority nor skills; prepareJob finds skills in the text.
    seniority: 'unknown',
    salary: spec.salary,
    skills: [],
    expiresAt: null,
    descriptionHtml: text,
    descriptionText: '',
    raw,
  };
};

export const ROLE_RENDERERS: Record<RoleSourceType, RoleRenderer> = {
  greenhouse: renderGreenhouse,
  lever: renderLever,
  ashby: renderAshby,
  workable: renderWorkable,
  remotive: renderRemotive,
  remoteok: renderRemoteOk,
  hn: renderHn,
};

// --- Upwork ------------------------------------------------------------------------------

const UPWORK_LEVEL = {
  entry: 'ENTRY_LEVEL',
  intermediate: 'INTERMEDIATE',
  expert: 'EXPERT',
} as const;
const LEVEL_SENIORITY = { entry: 'junior', intermediate: 'mid', expert: 'senior' } as const;

function upworkMoney(amount: number): { rawValue: string; currency: string; displayValue: string } {
  return {
    rawValue: amount.toFixed(1),
    currency: 'USD',
    displayValue: `$${amount.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`,
  };
}

function skillSlug(skill: string): string {
  return slugify(skill.replace('.', '-'));
}

/** A post as the marketplaceJobPostingsSearch GraphQL node carries it (see fixtures/upwork/UPWORK.md). */
export function renderUpwork(
  spec: UpworkSpec,
  slot: number,
  rng: Rng,
  ctx: RenderContext,
): JobInputDraft {
  const ciphertext = `~01${rng.hex(6)}${uniqueHex(slot, 0x0b0e, 12)}`;
  const url = `https://www.upwork.com/jobs/${ciphertext}`;
  const { stats, client } = spec;
  const raw = {
    id: `1${rng.int(80_000, 89_999)}${String(parseInt(uniqueHex(slot, 0x1d, 10), 16)).padStart(13, '0')}`,
    ciphertext,
    title: spec.title,
    description: spec.description,
    publishedDateTime: spec.postedAt.toISOString(),
    createdDateTime: new Date(spec.postedAt.getTime() - rng.int(5, 90) * 60_000).toISOString(),
    experienceLevel: UPWORK_LEVEL[spec.level],
    duration: spec.duration?.enum ?? null,
    durationLabel: spec.duration?.label ?? null,
    engagement: spec.workload,
    amount: upworkMoney(spec.budget ?? 0),
    hourlyBudgetMin: spec.hourlyMin === null ? null : upworkMoney(spec.hourlyMin),
    hourlyBudgetMax: spec.hourlyMax === null ? null : upworkMoney(spec.hourlyMax),
    skills: spec.skills.map((s) => ({ name: skillSlug(s), prettyName: s, highlighted: false })),
    client: {
      totalHires: stats.hires,
      totalReviews: stats.reviews,
      totalFeedback: stats.rating ?? 0,
      totalPostedJobs: stats.jobsPosted,
      totalSpent: upworkMoney(stats.totalSpent),
      verificationStatus: stats.paymentVerified ? 'VERIFIED' : 'NOT_VERIFIED',
      location: {
        city: client.city,
        country: client.country,
        timezone: client.timezone,
        state: null,
        offsetToUTC: null,
      },
    },
    occupations: {
      category: {
        id: `5317702825806684${String(hash32(spec.project.category) % 100).padStart(2, '0')}`,
        prefLabel: spec.project.category,
      },
    },
    totalApplicants: spec.totalApplicants,
    applied: false,
  };
  return {
    sourceType: 'upwork',
    sourceId: 'upwork:search',
    externalId: ciphertext,
    url,
    title: spec.title,
    company: client.name,
    location: 'Worldwide',
    remote: 'remote',
    employmentType: 'freelance',
    seniority: LEVEL_SENIORITY[spec.level],
    salary: null,
    // Upwork descriptions are plain text; prepareJob turns them into paragraphs.
    descriptionHtml: '',
    descriptionText: spec.description,
    skills: spec.skills,
    postedAt: spec.postedAt.toISOString(),
    fetchedAt: ctx.nowIso,
    expiresAt: null,
    freelance: {
      contractType: spec.contractType,
      budget: spec.budget,
      hourlyMin: spec.hourlyMin,
      hourlyMax: spec.hourlyMax,
      currency: 'USD',
      duration: spec.duration?.label ?? null,
      workload: spec.workload,
      experienceLevel: spec.level,
      client: {
        country: client.country,
        paymentVerified: stats.paymentVerified,
        totalSpent: stats.totalSpent,
        rating: stats.rating,
        reviews: stats.reviews,
        hires: stats.hires,
        jobsPosted: stats.jobsPosted,
      },
      proposalsTier: spec.proposalsTier,
      screeningQuestions: spec.screeningQuestions,
    },
    raw,
  };
}

import { splitMix32 } from '../hash32.js';

/**
 * Labelled near-duplicate sets for evaluating dedupe: take distinct postings, add reposts of
 * some of them as another source would publish them (title decorated, company written with a
 * legal form, a paragraph reworded, boilerplate added, bullets reordered, a section dropped),
 * and hard negatives that must stay apart (the same posting text under another company; the
 * same company with another role or another level). Pure and seeded: the same input and seed
 * give the same set.
 */

export interface CorpusPosting {
  id: string;
  company: string;
  title: string;
  descriptionText: string;
  url?: string | null;
}

export type VariantKind = 'original' | 'repost' | 'other-company' | 'other-role' | 'other-level';

export interface LabelledPosting extends CorpusPosting {
  /** Postings of one cluster are one role; different clusters are different roles. */
  cluster: string;
  kind: VariantKind;
  /** What was done to make a repost or negative, for reading failures. */
  edits: string[];
}

export interface CorpusOptions {
  seed?: number;
  /** Share of the result that is reposts of another posting in it (default 0.2). */
  duplicateShare?: number;
  /** Share of the result that is hard negatives (default 0.05). */
  negativeShare?: number;
}

export interface Rng {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  shuffle<T>(items: T[]): T[];
}

export function createRng(seed: number): Rng {
  const next32 = splitMix32(seed);
  const next = (): number => next32() / 4294967296;
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    chance: (p) => next() < p,
    shuffle: (items) => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [items[i], items[j]] = [items[j]!, items[i]!];
      }
      return items;
    },
  };
  return rng;
}

// --- title and company decorations a source adds ------------------------------------------

const LOCATION_SUFFIXES = [
  ' - Remote',
  ' - Berlin, Germany',
  ' | Remote (EU)',
  ' - London',
  ' | New York, NY',
  ' - Remote, US',
  ' – Amsterdam',
];
const GENDER_MARKERS = [' (m/w/d)', ' (f/m/x)', ' (w/m/d)', ' (all genders)'];
const LEGAL_FORMS = [', Inc.', ' Inc', ' LLC', ' Ltd.', ' GmbH', ' B.V.', ' SAS', ' Co.'];

export function decorateTitle(rng: Rng, title: string, edits: string[]): string {
  let out = title;
  if (/\bSenior\b/.test(out) && rng.chance(0.5)) {
    out = out.replace(/\bSenior\b/, rng.pick(['Sr.', 'Sr', 'SENIOR']));
    edits.push('title: senior abbreviated');
  } else if (/\bSr\.? /.test(out) && rng.chance(0.5)) {
    out = out.replace(/\bSr\.? /, 'Senior ');
    edits.push('title: sr spelled out');
  } else if (/\bJunior\b/.test(out) && rng.chance(0.5)) {
    out = out.replace(/\bJunior\b/, 'Jr.');
    edits.push('title: junior abbreviated');
  }
  // Boards shorten titles: a team after a comma or a specialty in parentheses goes.
  const shortened = out.replace(/,[^,]+$/, '').replace(/\s*\((?!remote)[^)]*\)$/i, '');
  if (shortened !== out && shortened.trim() !== '' && rng.chance(0.2)) {
    out = shortened;
    edits.push('title: shortened');
  }
  const roll = rng.next();
  if (roll < 0.3) {
    out += ' (Remote)';
    edits.push('title: (Remote)');
  } else if (roll < 0.5) {
    out += rng.pick(LOCATION_SUFFIXES);
    edits.push('title: location suffix');
  } else if (roll < 0.65) {
    out += rng.pick(GENDER_MARKERS);
    edits.push('title: gender marker');
  } else if (roll < 0.72) {
    out = out.toUpperCase();
    edits.push('title: upper case');
  }
  return out;
}

export function decorateCompany(rng: Rng, company: string, edits: string[]): string {
  const roll = rng.next();
  if (roll < 0.25) {
    edits.push('company: legal form');
    return company.replace(/[.,]?\s*(Inc|LLC|Ltd|GmbH|Co)\.?$/i, '') + rng.pick(LEGAL_FORMS);
  }
  if (roll < 0.35 && company.includes('&')) {
    edits.push('company: & as and');
    return company.replace(/&/g, 'and');
  }
  if (roll < 0.42) {
    edits.push('company: upper case');
    return company.toUpperCase();
  }
  if (roll < 0.47) {
    edits.push('company: The');
    return `The ${company}`;
  }
  return company;
}

// --- description edits -------------------------------------------------------------------

const BOILERPLATE = [
  'This job was posted on our board on behalf of the employer. Please apply through the link below and mention where you found the listing; we never ask candidates for payment.',
  'We are an equal opportunity employer. We celebrate diversity and are committed to creating an inclusive environment for all employees, regardless of race, religion, colour, national origin, gender, sexual orientation, age, marital status, veteran status or disability.',
  'Remote job board tip: set up an alert for similar roles and be the first to hear about new openings. Listings are refreshed every hour from company career pages.',
  'Please note: applications are reviewed on a rolling basis and the role may close early. Only shortlisted candidates will be contacted. Visa sponsorship is not available for this position.',
  'Benefits snapshot from the employer profile: flexible hours, home office allowance, learning budget, health insurance, and a yearly team retreat.',
];

/** Words an aggregator's rewrite tends to swap; lower case, matched whole. */
const SYNONYMS: Record<string, string[]> = {
  we: ['our team'],
  our: ['the'],
  you: ['the candidate'],
  "you'll": ['you will'],
  will: ['are going to'],
  build: ['create', 'develop'],
  work: ['collaborate'],
  team: ['group', 'squad'],
  people: ['colleagues'],
  customers: ['clients'],
  help: ['assist'],
  need: ['require'],
  want: ['would like'],
  looking: ['searching'],
  company: ['business'],
  and: ['as well as'],
  with: ['alongside'],
  new: ['fresh'],
  every: ['each'],
  today: ['currently'],
  first: ['initial'],
  is: ['remains'],
  are: ['remain'],
  a: ['one'],
  the: ['this'],
};

function isBullet(line: string): boolean {
  return /^\s*(?:[•*·-]|\d+\.)\s+/.test(line);
}

/** Paragraphs: runs of lines separated by blank lines. */
function paragraphs(text: string): string[] {
  return text.split(/\n\s*\n/);
}

export function reorderBullets(rng: Rng, text: string, edits: string[]): string {
  const lines = text.split('\n');
  let changed = false;
  for (let i = 0; i < lines.length;) {
    if (!isBullet(lines[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && isBullet(lines[j]!)) j++;
    if (j - i > 1) {
      const block = rng.shuffle(lines.slice(i, j));
      lines.splice(i, j - i, ...block);
      changed = true;
    }
    i = j;
  }
  if (changed) edits.push('description: bullets reordered');
  return lines.join('\n');
}

/** Rewrites one prose paragraph of 8+ words: about a third of its words swapped or dropped. */
export function rewordParagraph(rng: Rng, text: string, edits: string[]): string {
  const parts = paragraphs(text);
  const prose = parts
    .map((part, index) => ({ part, index }))
    .filter(({ part }) => !isBullet(part) && part.split(/\s+/).length >= 8);
  if (prose.length === 0) return text;
  const { part, index } = rng.pick(prose);
  const words = part.split(/\s+/).filter((word) => word !== '');
  const out: string[] = [];
  for (const word of words) {
    const bare = word.toLowerCase().replace(/[^a-z']/g, '');
    const swap = SYNONYMS[bare];
    if (swap !== undefined && rng.chance(0.8)) out.push(rng.pick(swap));
    else if (rng.chance(0.12)) continue;
    else out.push(word);
  }
  if (rng.chance(0.5)) out.unshift(rng.pick(['In short:', 'About the role:', 'Overview:']));
  parts[index] = out.join(' ');
  edits.push('description: paragraph reworded');
  return parts.join('\n\n');
}

export function addBoilerplate(rng: Rng, text: string, edits: string[]): string {
  const extra = rng.pick(BOILERPLATE);
  edits.push('description: boilerplate added');
  return rng.chance(0.5) ? `${extra}\n\n${text}` : `${text}\n\n${extra}`;
}

/** Drops the last paragraph, or one bullet. */
export function dropPart(rng: Rng, text: string, edits: string[]): string {
  const parts = paragraphs(text);
  if (parts.length > 3 && rng.chance(0.5)) {
    edits.push('description: last paragraph dropped');
    return parts.slice(0, -1).join('\n\n');
  }
  const lines = text.split('\n');
  const bullets = lines
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => isBullet(line));
  if (bullets.length < 4) return text;
  const { index } = rng.pick(bullets);
  lines.splice(index, 1);
  edits.push('description: bullet dropped');
  return lines.join('\n');
}

/** Another source's rendering: bullet glyphs, spacing. Changes no word. */
export function reformat(rng: Rng, text: string, edits: string[]): string {
  edits.push('description: reformatted');
  const glyph = rng.pick(['-', '*', '·']);
  return text
    .replace(/^\s*•\s*/gm, `${glyph} `)
    .replace(/\n{2,}/g, rng.chance(0.5) ? '\n' : '\n\n');
}

const DESCRIPTION_EDITS = [reorderBullets, rewordParagraph, addBoilerplate, dropPart];

/** A repost of the posting as another source would publish it: 1 to 3 edits, plus decorations. */
export function repostOf(rng: Rng, posting: CorpusPosting, id: string): LabelledPosting {
  const edits: string[] = [];
  let text = posting.descriptionText;
  const chosen = rng.shuffle([...DESCRIPTION_EDITS]).slice(0, rng.int(1, 3));
  for (const edit of chosen) text = edit(rng, text, edits);
  if (rng.chance(0.5)) text = reformat(rng, text, edits);
  return {
    id,
    company: decorateCompany(rng, posting.company, edits),
    title: decorateTitle(rng, posting.title, edits),
    descriptionText: text,
    url: null,
    cluster: posting.id,
    kind: 'repost',
    edits,
  };
}

// --- hard negatives ----------------------------------------------------------------------

/** Swaps of a role's function word that make it another role. */
const ROLE_SWAPS: [RegExp, string][] = [
  [/\bBackend\b/, 'Frontend'],
  [/\bFrontend\b/, 'Backend'],
  [/\bFull[- ]?Stack\b/i, 'Mobile'],
  [/\bEngineer\b/, 'Engineering Manager'],
  [/\bDesigner\b/, 'Researcher'],
  [/\bAnalyst\b/, 'Scientist'],
  [/\bManager\b/, 'Director'],
  [/\bDeveloper\b/, 'Tester'],
  [/\bWriter\b/, 'Editor'],
  [/\bSpecialist\b/, 'Coordinator'],
];

const LEVEL_SWAPS: [RegExp, string][] = [
  [/^(?:Senior|Sr\.?) /, 'Staff '],
  [/^(?:Junior|Jr\.?|Associate) /, ''],
  [/^(?:Lead|Staff) /, 'Senior '],
  [/^Principal /, 'Senior '],
];

/** The same company and (nearly) the same text for another role: a function word swapped. */
export function otherRoleOf(rng: Rng, posting: CorpusPosting, id: string): LabelledPosting | null {
  const swap = ROLE_SWAPS.find(([pattern]) => pattern.test(posting.title));
  if (swap === undefined) return null;
  const edits = [`title: ${String(swap[0])} → ${swap[1]}`];
  const text = rng.chance(0.5)
    ? reorderBullets(rng, posting.descriptionText, edits)
    : posting.descriptionText;
  return {
    id,
    company: posting.company,
    title: posting.title.replace(swap[0], swap[1]),
    descriptionText: text,
    url: null,
    cluster: id,
    kind: 'other-role',
    edits,
  };
}

/** The same company and text one level up or down (a team hiring at two levels). */
export function otherLevelOf(rng: Rng, posting: CorpusPosting, id: string): LabelledPosting {
  const edits: string[] = [];
  const swap = LEVEL_SWAPS.find(([pattern]) => pattern.test(posting.title));
  const title =
    swap === undefined
      ? `${rng.pick(['Senior', 'Junior', 'Lead'])} ${posting.title}`
      : posting.title.replace(swap[0], swap[1]);
  edits.push(`title: level changed to "${title}"`);
  return {
    id,
    company: posting.company,
    title,
    descriptionText: posting.descriptionText,
    url: null,
    cluster: id,
    kind: 'other-level',
    edits,
  };
}

/** The same title and text under another company (its name swapped in the text too). */
export function otherCompanyOf(
  rng: Rng,
  posting: CorpusPosting,
  company: string,
  id: string,
): LabelledPosting {
  const edits = [`company: ${posting.company} → ${company}`];
  const text = posting.descriptionText.split(posting.company).join(company);
  return {
    id,
    company,
    title: posting.title,
    descriptionText: rng.chance(0.5) ? reorderBullets(rng, text, edits) : text,
    url: null,
    cluster: id,
    kind: 'other-company',
    edits,
  };
}

/**
 * A labelled set from distinct base postings: every base posting, reposts of a random subset
 * (so that reposts are `duplicateShare` of the result) and hard negatives (`negativeShare`),
 * shuffled. Base postings are taken as distinct roles: pass a set without duplicates among
 * them, or label them yourself.
 */
export function buildCorpus(
  base: readonly CorpusPosting[],
  options: CorpusOptions = {},
): LabelledPosting[] {
  const rng = createRng(options.seed ?? 1);
  const duplicateShare = options.duplicateShare ?? 0.2;
  const negativeShare = options.negativeShare ?? 0.05;
  // base + d + n = total, d = share·total, n = negShare·total.
  const total = Math.round(base.length / (1 - duplicateShare - negativeShare));
  const reposts = Math.round(total * duplicateShare);
  const negatives = Math.round(total * negativeShare);
  const out: LabelledPosting[] = base.map((posting) => ({
    ...posting,
    cluster: posting.id,
    kind: 'original',
    edits: [],
  }));
  const companies = [...new Set(base.map((posting) => posting.company))];
  for (let i = 0; i < reposts; i++) out.push(repostOf(rng, rng.pick(base), `repost-${i}`));
  // Each negative from a base posting of its own: two identical derivations of one posting
  // would be duplicates of each other.
  const sources = rng.shuffle([...base]).slice(0, negatives);
  sources.forEach((posting, i) => {
    const id = `negative-${i}`;
    const roll = rng.next();
    if (roll < 0.4 && companies.length > 1) {
      let company = rng.pick(companies);
      while (company === posting.company) company = rng.pick(companies);
      out.push(otherCompanyOf(rng, posting, company, id));
    } else if (roll < 0.7) {
      out.push(otherRoleOf(rng, posting, id) ?? otherLevelOf(rng, posting, id));
    } else {
      out.push(otherLevelOf(rng, posting, id));
    }
  });
  return rng.shuffle(out);
}

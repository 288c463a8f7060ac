import type { RankedEvidence } from './evidence.js';
import { asSentence, lowerFirst } from './text.js';

/** Past-tense verbs resumes start highlights with that do not end in "-ed". */
const IRREGULAR_PAST = new Set(
  (
    'led built ran wrote cut grew made set drove won took brought kept taught spoke sold began ' +
    'rebuilt rewrote put held chose found gave got oversaw undertook sped spun became stood split ' +
    'shut met co-led co-wrote co-built hired'
  ).split(' '),
);

/** True when a highlight starts with a past-tense verb ("Cut …", "Designed …"), so "I …" can lead it. */
function startsWithPastVerb(text: string): boolean {
  const first = (text.split(/\s/)[0] ?? '').toLowerCase();
  return /^[a-z-]{3,}ed$/.test(first) || IRREGULAR_PAST.has(first);
}

function withoutFinalStop(text: string): string {
  return text.trim().replace(/[.;]+$/, '');
}

/**
 * The evidence as a clause the writer can put after a requirement, using the profile's
 * words unchanged except for a lowercased first letter and a dropped final full stop:
 * "as Senior Engineer at Acme (2019–2023), I cut p95 latency from 2.1s to 380ms".
 */
export function evidenceClause(evidence: RankedEvidence): string {
  const text = withoutFinalStop(evidence.text);
  const fact = evidence.fact;
  switch (fact.source) {
    case 'work':
      return startsWithPastVerb(text)
        ? `as ${fact.where}, I ${lowerFirst(text)}`
        : `as ${fact.where}: ${text}`;
    case 'project':
      return `my project ${fact.entry}: ${text}`;
    case 'certificate':
      return `I hold the ${fact.where}`;
    case 'education':
      return `my degree: ${fact.where}`;
    case 'skill':
      return fact.where === 'Skills'
        ? `${text} is among the skills I list`
        : `${text} is among the skills I list (${fact.entry})`;
  }
}

/** Pronouns a client uses of themselves, swapped for the ones a reply uses. */
const PRONOUNS: Record<string, string> = {
  "i'm": "you're",
  'i am': 'you are',
  'i was': 'you were',
  "i've": "you've",
  "i'd": "you'd",
  "i'll": "you'll",
  i: 'you',
  "we're": "you're",
  "we've": "you've",
  "we'd": "you'd",
  "we'll": "you'll",
  we: 'you',
  my: 'your',
  our: 'your',
  ours: 'yours',
  mine: 'yours',
  me: 'you',
  us: 'you',
  myself: 'yourself',
  ourselves: 'yourselves',
};
const PRONOUN_PATTERN =
  /\b(I['’]m|I am|I was|I['’]ve|I['’]d|I['’]ll|I|we['’]re|we['’]ve|we['’]d|we['’]ll|we|my|our|ours|mine|me|us|myself|ourselves)\b/gi;

/**
 * The client's problem sentence said back to them: "I need a developer to fix my store"
 * becomes "You need a developer to fix your store". Sentences that already address the
 * reader are quoted instead, since swapping both ways would put words in the user's mouth.
 */
export function restateProblem(problem: string): string {
  if (/\byou(r|rs|['’]re|['’]ll|['’]ve)?\b/i.test(problem))
    return `Your post says: "${withoutFinalStop(problem)}."`;
  const swapped = problem.replace(
    PRONOUN_PATTERN,
    (match: string, _group: string, offset: number) => {
      if (match === 'US') return match; // the country
      const replacement = PRONOUNS[match.toLowerCase().replace('’', "'")] ?? match;
      return offset === 0
        ? replacement.charAt(0).toUpperCase() + replacement.slice(1)
        : replacement;
    },
  );
  return asSentence(swapped);
}

/** "3.5" or "4": years rounded down to the half year, so the number never overstates. */
export function formatYears(years: number): string {
  const half = Math.floor(years * 2) / 2;
  return Number.isInteger(half) ? String(half) : half.toFixed(1);
}

/** Phrasing that changes with the tone the user chose. */
export interface TonePhrases {
  greeting: string;
  bridge: string;
  noMatchBridge: string;
  /** Last line of a cover letter before the sign-off. */
  letterClose: string;
  signOff: string;
}

export type Tone = 'warm' | 'direct';

export const TONES: Record<Tone, TonePhrases> = {
  warm: {
    greeting: 'Hi there,',
    bridge: 'Here is what I have done that lines up with what you listed:',
    noMatchBridge:
      'I read your list carefully and would rather be straight with you than stretch my background to fit it.',
    letterClose: 'Thank you for your time and consideration.',
    signOff: 'Best regards,',
  },
  direct: {
    greeting: 'Hello,',
    bridge: 'Relevant work, against your list:',
    noMatchBridge:
      "My background doesn't map directly onto your list, and I won't pretend it does.",
    letterClose: 'Thank you for your time.',
    signOff: 'Best,',
  },
};

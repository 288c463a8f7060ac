import type { DraftKind, DraftQuality, GroundingReport } from '@applydesk/domain';
import { contentTerms, sharedTerms, splitSentences, wordCount } from '../offline/text.js';
import { TARGET_WORDS } from './prompt.js';

/**
 * Requirements a draft addresses: quoted outright, or sharing most of their content words
 * (at least two) with one sentence of the draft.
 */
export function citedRequirements(text: string, requirements: readonly string[]): string[] {
  const lower = text.toLowerCase();
  const sentences = splitSentences(text).map((s) => contentTerms(s));
  return requirements.filter((requirement) => {
    if (lower.includes(requirement.toLowerCase().slice(0, 60))) return true;
    const terms = contentTerms(requirement);
    if (terms.size === 0) return false;
    const needed = Math.max(Math.min(2, terms.size), Math.ceil(terms.size * 0.5));
    return sentences.some((s) => sharedTerms(terms, s).length >= needed);
  });
}

/** Vowel groups, less a silent final e: close enough for a reading-level estimate. */
function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length <= 3) return 1;
  const groups = w.replace(/e$/, '').match(/[aeiouy]+/g);
  return Math.max(1, groups?.length ?? 1);
}

/** Flesch-Kincaid grade level of plain text. */
export function readingGrade(text: string): number {
  const words = text.split(/\s+/).filter((w) => /[A-Za-z]/.test(w));
  const sentences = Math.max(1, splitSentences(text).length);
  if (words.length === 0) return 0;
  const syl = words.reduce((n, w) => n + syllables(w), 0);
  return 0.39 * (words.length / sentences) + 11.8 * (syl / words.length) - 15.59;
}

/** 1 inside [low, high], falling linearly to 0 at `span` outside it. */
function band(value: number, low: number, high: number, span: number): number {
  if (value >= low && value <= high) return 1;
  const off = value < low ? low - value : value - high;
  return Math.max(0, 1 - off / span);
}

const WEIGHTS = { grounding: 0.4, specificity: 0.3, length: 0.15, readability: 0.15 };

export interface QualityInput {
  text: string;
  kind: DraftKind;
  grounding: GroundingReport;
  /** The requirements the prompt asked the draft to address. */
  requirements: readonly string[];
  /** The posting's problem sentence, when it states one. */
  problem: string | null;
}

/**
 * Scores a candidate on what a reviewer cares about: a draft that invents anything loses
 * most of its grounding part, one that ignores the posting its specificity.
 */
export function scoreDraft(input: QualityInput): DraftQuality & { cited: string[] } {
  const { grounding } = input;
  const claims = grounding.claims.length;
  const unsupported = grounding.claims.filter((c) => !c.supported && !c.confirmedByUser).length;
  const groundingPart = claims === 0 ? 0.7 : Math.max(0, 1 - (2 * unsupported) / claims);
  const cited = citedRequirements(input.text, input.requirements);
  const coverage =
    input.requirements.length === 0 ? 0.5 : cited.length / Math.min(4, input.requirements.length);
  const opening = splitSentences(input.text).slice(0, 2).join(' ');
  const problemTerms = input.problem === null ? new Set<string>() : contentTerms(input.problem);
  const opensOnProblem =
    problemTerms.size > 0 && sharedTerms(problemTerms, contentTerms(opening)).length >= 2;
  const specificity = Math.min(1, 0.85 * Math.min(1, coverage) + (opensOnProblem ? 0.15 : 0));
  const words = wordCount(input.text);
  const target = TARGET_WORDS[input.kind];
  const length = band(words, target.min, target.max, target.max);
  const grade = readingGrade(input.text);
  const readability = band(grade, 7, 11, 8);
  const total =
    100 *
    (WEIGHTS.grounding * groundingPart +
      WEIGHTS.specificity * specificity +
      WEIGHTS.length * length +
      WEIGHTS.readability * readability);
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    grounding: round(groundingPart),
    specificity: round(specificity),
    length: round(length),
    readability: round(readability),
    words,
    readingGrade: Math.round(grade * 10) / 10,
    total: Math.round(total * 10) / 10,
    cited,
  };
}

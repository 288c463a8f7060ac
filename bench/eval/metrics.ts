/**
 * Ranking metrics over graded relevance (0-3).
 *
 * A ranking is a list of items in rank order, best first. Items may carry the score they were
 * ranked by; adjacent items with equal scores are a tie, and since the order inside a tie is
 * arbitrary each metric is its expected value over every order of the tied items (McSherry &
 * Najork, "Computing information retrieval performance measures efficiently in the presence
 * of tied scores", ECIR 2008): every position a tie occupies gets the tie's mean value.
 */

export interface RankedItem {
  grade: number;
  /** The ranker's score; equal adjacent scores are ties. Without one, an item ties with nothing. */
  score?: number | undefined;
}

/** Graded gain 2^grade - 1: a 3 is worth 7, a 2 is worth 3, a 1 is worth 1, a 0 nothing. */
export function gain(grade: number): number {
  return 2 ** grade - 1;
}

/** Log discount of the position (0-based): 1 / log2(position + 2). */
export function discount(position: number): number {
  return 1 / Math.log2(position + 2);
}

function checkK(k: number): void {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
}

/** [start, end) of each run of adjacent items with equal scores. */
export function tieGroups(items: readonly RankedItem[]): [number, number][] {
  const groups: [number, number][] = [];
  let start = 0;
  for (let i = 1; i <= items.length; i++) {
    const prev = items[i - 1]!.score;
    const next = items[i]?.score;
    if (i === items.length || prev === undefined || next === undefined || next !== prev) {
      groups.push([start, i]);
      start = i;
    }
  }
  return groups;
}

/** Expected sum over the top k of value(item) * weight(position), ties averaged. */
function expectedSum(
  items: readonly RankedItem[],
  k: number,
  value: (item: RankedItem) => number,
  weight: (position: number) => number,
): number {
  let total = 0;
  for (const [start, end] of tieGroups(items)) {
    if (start >= k) break;
    let sum = 0;
    for (let i = start; i < end; i++) sum += value(items[i]!);
    const mean = sum / (end - start);
    for (let i = start; i < Math.min(end, k); i++) total += mean * weight(i);
  }
  return total;
}

/** Discounted cumulative gain of the top k. */
export function dcgAtK(items: readonly RankedItem[], k: number): number {
  checkK(k);
  return expectedSum(items, k, (item) => gain(item.grade), discount);
}

/** The best DCG@k any ordering of these grades could reach. */
export function idealDcgAtK(grades: readonly number[], k: number): number {
  checkK(k);
  return [...grades]
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((sum, grade, position) => sum + gain(grade) * discount(position), 0);
}

/**
 * DCG@k over the ideal DCG@k of `allGrades`: every labelled posting of the profile, whether the
 * ranking returned it or not (default: the ranked items' own grades). Null when nothing is
 * relevant at all (ideal DCG 0), where NDCG is undefined rather than 0 or 1.
 */
export function ndcgAtK(
  items: readonly RankedItem[],
  k: number,
  allGrades: readonly number[] = items.map((item) => item.grade),
): number | null {
  const ideal = idealDcgAtK(allGrades, k);
  if (ideal === 0) return null;
  return dcgAtK(items, k) / ideal;
}

/**
 * Share of the top k that is relevant (grade >= `relevant`, 2 by default). Always divided by
 * k: a ranking shorter than k cannot score full marks.
 */
export function precisionAtK(items: readonly RankedItem[], k: number, relevant = 2): number {
  checkK(k);
  return (
    expectedSum(
      items,
      k,
      (item) => (item.grade >= relevant ? 1 : 0),
      () => 1,
    ) / k
  );
}

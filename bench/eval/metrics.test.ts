import { describe, expect, it } from 'vitest';
import {
  dcgAtK,
  gain,
  idealDcgAtK,
  ndcgAtK,
  precisionAtK,
  tieGroups,
  type RankedItem,
} from './metrics.js';

/** Items in rank order with no scores, so nothing ties. */
const ranked = (...grades: number[]): RankedItem[] => grades.map((grade) => ({ grade }));
const log2of3 = Math.log2(3); // 1.5849625...

describe('gain and DCG', () => {
  it('uses graded gains 2^rel - 1', () => {
    expect([0, 1, 2, 3].map(gain)).toEqual([0, 1, 3, 7]);
  });

  it('discounts by log2(position + 1), 1-based', () => {
    // [0, 3, 2]: 0/log2(2) + 7/log2(3) + 3/log2(4) = 0 + 4.41650 + 1.5 = 5.91651
    expect(dcgAtK(ranked(0, 3, 2), 3)).toBeCloseTo(5.916508, 6);
    // Cut at k = 2 drops the third item: 7/log2(3) = 4.41650
    expect(dcgAtK(ranked(0, 3, 2), 2)).toBeCloseTo(4.416508, 6);
  });

  it('sorts grades for the ideal', () => {
    // [2, 0, 3] ideally [3, 2, 0]: 7 + 3/log2(3) = 8.89279
    expect(idealDcgAtK([2, 0, 3], 3)).toBeCloseTo(8.892789, 6);
  });
});

describe('ndcgAtK', () => {
  it('is 1 for a perfect ranking at every k', () => {
    for (const k of [1, 2, 3, 4, 10]) expect(ndcgAtK(ranked(3, 2, 1, 0), k)).toBeCloseTo(1, 12);
  });

  it('matches a hand computation', () => {
    // DCG 5.91651 / IDCG (7 + 3/log2(3) = 8.89279) = 0.66532
    expect(ndcgAtK(ranked(0, 3, 2), 3)).toBeCloseTo(0.665315, 6);
    // [3, 2, 3, 0] at k = 3: (7 + 3/log2(3) + 7/2) / (7 + 7/log2(3) + 3/2) = 12.39279 / 12.91651
    expect(ndcgAtK(ranked(3, 2, 3, 0), 3)).toBeCloseTo(0.959454, 6);
  });

  it('cuts at k: a 3 just below the cut does not count', () => {
    // [1, 3] at k = 1: DCG 1, ideal 7.
    expect(ndcgAtK(ranked(1, 3), 1)).toBeCloseTo(1 / 7, 12);
  });

  it('takes the ideal over every labelled posting, not only those ranked', () => {
    // Only one of two grade-3 postings was returned: 7 / (7 + 7/log2(3)) = 0.61315
    expect(ndcgAtK(ranked(3), 2, [3, 3])).toBeCloseTo(0.613147, 6);
  });

  it('averages over the orders of tied scores', () => {
    const tie: RankedItem[] = [
      { grade: 3, score: 50 },
      { grade: 0, score: 50 },
    ];
    // k = 1: each position of the tie is worth the tie's mean gain 3.5, so 3.5 / 7 = 0.5
    expect(ndcgAtK(tie, 1)).toBeCloseTo(0.5, 12);
    // k = 2: (3.5 + 3.5/log2(3)) / 7 = 0.81546, the mean of [3,0] (1.0) and [0,3] (1/log2(3))
    expect(ndcgAtK(tie, 2)).toBeCloseTo(0.815465, 6);
    expect(ndcgAtK(tie, 2)).toBeCloseTo((1 + 1 / log2of3) / 2, 12);
  });

  it('does not let input order inside a tie change the result', () => {
    const a: RankedItem[] = [
      { grade: 2, score: 90 },
      { grade: 0, score: 70 },
      { grade: 3, score: 70 },
      { grade: 1, score: 70 },
      { grade: 0, score: 10 },
    ];
    const b: RankedItem[] = [a[0]!, a[3]!, a[1]!, a[2]!, a[4]!];
    for (const k of [1, 2, 3, 5]) expect(ndcgAtK(a, k)).toBeCloseTo(ndcgAtK(b, k)!, 12);
  });

  it('equals the mean over every order of the tied items (brute force)', () => {
    const head = { grade: 1, score: 9 };
    const tied = [3, 0, 2, 0].map((grade) => ({ grade, score: 5 }));
    const tail = { grade: 3, score: 1 };
    const permutations = (xs: RankedItem[]): RankedItem[][] =>
      xs.length <= 1
        ? [xs]
        : xs.flatMap((x, i) =>
            permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]),
          );
    const all = [head, ...tied, tail].map((item) => item.grade);
    for (const k of [1, 2, 3, 4, 6]) {
      const orders = permutations(tied).map((order) => [head, ...order, tail]);
      // Without scores nothing ties, so each order is scored as it stands.
      const mean =
        orders
          .map((order) => ndcgAtK(ranked(...order.map((item) => item.grade)), k, all)!)
          .reduce((sum, x) => sum + x, 0) / orders.length;
      expect(ndcgAtK([head, ...tied, tail], k, all)).toBeCloseTo(mean, 12);
    }
  });

  it('is undefined (null) for a profile with nothing relevant', () => {
    expect(ndcgAtK(ranked(0, 0, 0), 10)).toBeNull();
    expect(ndcgAtK([], 10)).toBeNull();
  });

  it('rejects a k that is not a positive integer', () => {
    expect(() => ndcgAtK(ranked(3), 0)).toThrow(RangeError);
    expect(() => precisionAtK(ranked(3), 2.5)).toThrow(RangeError);
  });
});

describe('precisionAtK', () => {
  it('counts grade >= 2 as relevant', () => {
    // [3, 1, 2, 0, 2] at 5: 3 relevant of 5.
    expect(precisionAtK(ranked(3, 1, 2, 0, 2), 5)).toBeCloseTo(0.6, 12);
    expect(precisionAtK(ranked(3, 1, 2, 0, 2), 2)).toBeCloseTo(0.5, 12);
    expect(precisionAtK(ranked(1, 1, 1), 3)).toBe(0);
  });

  it('divides by k even when fewer items were ranked', () => {
    expect(precisionAtK(ranked(3, 2), 5)).toBeCloseTo(0.4, 12);
  });

  it('averages over tied scores', () => {
    // Top item relevant; then a three-way tie with one relevant item: (1 + 1/3) / 2 = 0.6667
    const items: RankedItem[] = [
      { grade: 3, score: 9 },
      { grade: 2, score: 5 },
      { grade: 0, score: 5 },
      { grade: 1, score: 5 },
    ];
    expect(precisionAtK(items, 2)).toBeCloseTo(2 / 3, 12);
    expect(precisionAtK(items, 4)).toBeCloseTo(0.5, 12);
  });

  it('is 0 for a profile with nothing relevant', () => {
    expect(precisionAtK(ranked(0, 1, 0), 5)).toBe(0);
  });
});

describe('tieGroups', () => {
  it('groups adjacent equal scores and leaves unscored items alone', () => {
    expect(
      tieGroups([
        { grade: 0, score: 3 },
        { grade: 0, score: 3 },
        { grade: 0, score: 2 },
        { grade: 0 },
        { grade: 0 },
      ]),
    ).toEqual([
      [0, 2],
      [2, 3],
      [3, 4],
      [4, 5],
    ]);
    expect(tieGroups([])).toEqual([]);
  });
});

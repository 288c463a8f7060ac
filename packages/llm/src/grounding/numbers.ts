/** Numbers in running text, with their value, so "$3M" and "3 million dollars" compare equal. */

export interface NumberMention {
  start: number;
  end: number;
  text: string;
  value: number;
  percent: boolean;
  /** "3x": a ratio. */
  ratio: boolean;
}

const WORDS: Readonly<Record<string, number>> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  fifty: 50,
  hundred: 100,
  dozen: 12,
};

const SCALE: Readonly<Record<string, number>> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mm: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
};

const DIGITS =
  /(?<![\w.,/-])([$€£]\s?)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s?(k|K|M|MM|B|bn|thousand|million|billion)\b)?(\s?(?:%|percent\b|pct\b)|[x×](?![\w]))?(\+)?(?!\d)(?![.,]\d)/g;

/** Words that count things people claim: "a team of four", "four engineers". */
const COUNTED =
  /\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|thirty|fifty|a dozen|dozens of|hundreds of)\b(?=\s+(?:\w+\s+)?(?:engineers?|developers?|designers?|analysts?|people|reports?|clients?|customers?|services?|apps?|countries|products?|teams?|markets?|languages?|projects?|stores?|storefronts?|sites?|websites?|hires?|interns?|contracts?|studios?|companies|agencies|startups?|brands?|organi[sz]ations?|hospitals?|users?|merchants?|couriers?|clusters?|databases?)\b)|(?<=\b(?:team of|group of|squad of|led|managed|mentored|hired|grew the team to)\s+)(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|a dozen)\b/gi;

/** True for a number that is a calendar year rather than a quantity. */
export function isYear(mention: NumberMention): boolean {
  return (
    !mention.percent &&
    Number.isInteger(mention.value) &&
    mention.value >= 1950 &&
    mention.value <= 2045 &&
    /^\d{4}$/.test(mention.text)
  );
}

/** Every number in the text, digits and counted words alike, in order. */
export function numbersIn(text: string): NumberMention[] {
  const found: NumberMention[] = [];
  for (const m of text.matchAll(DIGITS)) {
    const whole = Number(m[2]!.replace(/,/g, ''));
    const fraction = m[3] === undefined ? 0 : Number(`0.${m[3]}`);
    const scale = m[4] === undefined ? 1 : (SCALE[m[4].toLowerCase()] ?? 1);
    const value = Math.round((whole + fraction) * scale * 1000) / 1000;
    const text0 = m[0].trimEnd();
    found.push({
      start: m.index,
      end: m.index + text0.length,
      text: text0,
      value,
      percent: m[5] !== undefined && !/[x×]/.test(m[5]),
      ratio: m[5] !== undefined && /[x×]/.test(m[5]),
    });
  }
  for (const m of text.matchAll(COUNTED)) {
    const word = (m[1] ?? m[2] ?? '').toLowerCase();
    const value = word === 'a dozen' ? 12 : word.endsWith(' of') ? NaN : (WORDS[word] ?? NaN);
    if (Number.isNaN(value)) continue;
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      value,
      percent: false,
      ratio: false,
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Percent changes and ratios a "from A to B" pair implies: "4.2s to 1.1s" backs "74%" and "3.8x". */
export function derivedValues(text: string): { percent: number[]; ratio: number[] } {
  const percent: number[] = [];
  const ratio: number[] = [];
  for (const m of text.matchAll(
    /\bfrom\s+\$?(\d[\d,]*(?:\.\d+)?)\s*([a-z%]*)\s+(?:\w+\s+){0,2}?(?:to|down to|up to)\s+(?:under\s+|about\s+)?\$?(\d[\d,]*(?:\.\d+)?)\s*([a-z%]*)/gi,
  )) {
    const unit = (u: string): number => (u === 'ms' ? 0.001 : u === 'minutes' ? 60 : 1);
    const a = Number(m[1]!.replace(/,/g, '')) * unit(m[2] ?? '');
    const b = Number(m[3]!.replace(/,/g, '')) * unit(m[4] ?? '');
    if (a <= 0 || b <= 0) continue;
    percent.push(Math.abs((a - b) / a) * 100, Math.abs((b - a) / a) * 100);
    ratio.push(Math.max(a, b) / Math.min(a, b));
  }
  if (/\bhalved\b|\bby half\b|\bcut .{0,30} in half\b/i.test(text)) {
    percent.push(50);
    ratio.push(2);
  }
  if (/\bdoubled\b/i.test(text)) {
    percent.push(100);
    ratio.push(2);
  }
  return { percent, ratio };
}

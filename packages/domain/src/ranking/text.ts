/**
 * Words as ranking reads them: lower case, ASCII letters and digits with + and # kept
 * ("c++", "c#"), inner dots kept ("node.js"), a plural "s" dropped so "payments" meets
 * "payment", and the words that say nothing about a job left out.
 */

/** Words that carry no sense of the job. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be by for from has have in is it its of on or our that the this to we ' +
    'will with you your who what when where how all any can do not us they their them more ' +
    'work team teams role job experience years year strong good great new help across build ' +
    'building including other such using use well within into about also both each than very ' +
    'etc must should would may like make ensure part plus based per day days week weeks ' +
    'remote hour hours month months looking join company working able ability want need ' +
    'one two three four five some most over out up if so but just been being was were which ' +
    'while via get able time full skills skill knowledge understanding familiarity ' +
    'preferred required requirements qualifications responsibilities nice bonus benefits'
  ).split(' '),
);

/** "payments" → "payment", "analyses" kept whole enough: a light, symmetric plural fold. */
export function stem(word: string): string {
  const n = word.length;
  if (n > 3 && word.charCodeAt(n - 1) === 115 /* s */) {
    const before = word.charCodeAt(n - 2);
    // -ss, -us, -is stay ("access", "status", "analysis").
    if (before !== 115 && before !== 117 && before !== 105) return word.slice(0, -1);
  }
  return word;
}

function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 /* + */ || c === 35; /* # */
}

/**
 * Calls `take` with each word of `text` (lower-cased, stemmed, stopwords and one-letter
 * words left out), in order. One pass, no regular expressions: extraction reads every
 * description once and this is most of that time.
 */
export function eachWord(text: string, take: (word: string) => void): void {
  const lower = text.toLowerCase();
  const n = lower.length;
  let i = 0;
  while (i < n) {
    let c = lower.charCodeAt(i);
    if (!isWordCode(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    // A dot joins two word parts ("node.js", "asp.net"), not a sentence end.
    while (j < n) {
      c = lower.charCodeAt(j);
      if (isWordCode(c)) j++;
      else if (c === 46 && j + 1 < n && isWordCode(lower.charCodeAt(j + 1))) j++;
      else break;
    }
    if (j - i > 1) {
      const word = lower.slice(i, j);
      if (!STOPWORDS.has(word)) take(stem(word));
    }
    i = j;
  }
}

/** The words of a text, in order, as eachWord gives them. */
export function words(text: string): string[] {
  const out: string[] = [];
  eachWord(text, (w) => out.push(w));
  return out;
}

/**
 * Words that say a level, not a kind of job: left to the seniority component, so
 * "Senior Backend Engineer" and "Backend Engineer II" name the same kind of work.
 */
const LEVEL_WORDS = new Set(
  'senior sr snr junior jr jnr staff principal lead head chief entry level mid intermediate associate expert i ii iii iv v 1 2 3 graduate trainee'.split(
    ' ',
  ),
);

/** Role nouns that mean the same kind of work, folded to one. */
const ROLE_FAMILY: Readonly<Record<string, string>> = {
  engineer: 'engineer',
  developer: 'engineer',
  dev: 'engineer',
  programmer: 'engineer',
  swe: 'engineer',
  designer: 'design',
  design: 'design',
  redesign: 'design',
  analyst: 'analyst',
  analytic: 'analyst',
  scientist: 'scientist',
  manager: 'manager',
};

/**
 * The words of a title that say what the work is: level words dropped, role nouns folded
 * ("Developer" is an "Engineer"), "Tech Lead" read as an engineer.
 */
export function titleWords(title: string): string[] {
  const out: string[] = [];
  const raw = words(title.replace(/\btech(?:nical)?\s+lead\b/gi, 'engineer'));
  for (const w of raw) {
    if (LEVEL_WORDS.has(w)) continue;
    const folded = ROLE_FAMILY[w] ?? w;
    if (!out.includes(folded)) out.push(folded);
  }
  return out;
}

/** A title's words without level words, unfolded: what a description would say. */
export function titleTerms(title: string): string[] {
  return words(title).filter((w) => !LEVEL_WORDS.has(w));
}

/** Whether a folded title word is a role noun ("engineer", "design", "analyst", …). */
export function isRoleWord(word: string): boolean {
  return ROLE_FAMILY[word] === word;
}

/** Where a title's head ends: "Technical Recruiter – Engineering", "Engineer, Platform (Go)". */
const HEAD_END = /\s[-–—|:/]\s|[,([]|\s(?:for|at|in|to|with)\s/i;

/**
 * The kind of work a title names: the last role noun of its head ("Analytics Engineer" is an
 * engineer, "Technical Recruiter – Engineering" a recruiter), folded; else the head's last
 * word. Null for a title with no words.
 */
export function titleRole(title: string): string | null {
  const head = title.replace(/\btech(?:nical)?\s+lead\b/gi, 'engineer').split(HEAD_END)[0] ?? '';
  const ws = words(head).filter((w) => !LEVEL_WORDS.has(w));
  for (let i = ws.length - 1; i >= 0; i--) {
    const folded = ROLE_FAMILY[ws[i]!];
    if (folded !== undefined) return folded;
  }
  return ws[ws.length - 1] ?? null;
}

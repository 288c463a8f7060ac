/**
 * Splits a draft into clauses with their offsets and decides which clauses speak about the
 * user. Text that reports the posting ("you need Terraform"), asks a question, or names
 * something the user wants to learn is blanked out, so no claim is read from it.
 */

/** A clause of the draft: `masked` has the same length as the original, with the parts that are not claims blanked. */
export interface Clause {
  /** Offset of the clause in the draft. */
  start: number;
  text: string;
  masked: string;
  /** The whole line is a list item. */
  bullet: boolean;
  /** The line reads as a heading of a resume entry ("Staff Engineer, Acme (2020–2023)"). */
  header: boolean;
  /** The whole sentence, for context words a short clause lacks ("— a 66% reduction"). */
  sentence: string;
  /** Where the clause starts within `sentence`. */
  inSentence: number;
}

const BULLET = /^\s*(?:[•·▪●◦■□*+\-–—]|\d{1,2}[.)])\s+/;
const FIRST_PERSON =
  /\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll|[Mm]y|[Mm]e|[Mm]yself|[Mm]ine|[Ww]e|[Ww]e've|[Ww]e’ve|[Oo]ur|us)\b/;
const SINGULAR_FIRST_PERSON = /\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll|[Mm]y|[Mm]e|[Mm]yself)\b/;
const ABOUT_POSTING =
  /\b(?:you|your|you're|you’re|you've|you’ve|yours|the (?:role|position|posting|job|listing|ad|client|ideal candidate|successful candidate|hiring manager)|this (?:role|position|job|project|posting|opening)|requirements?|candidates?|posting|job ad|listing)\b/i;

/** Posting-reporting phrases: everything from here to the end of the clause is the posting's word. */
const REPORTS_POSTING =
  /\b(?:you|your (?:team|company|posting|role|job|ad|listing|description|stack|client|project)|the (?:role|posting|job|position|listing|ad|description|team|company|client|project)|this (?:role|job|position|project)|they)(?:'re|’re| are| is)?\s+(?:\w+\s+)?(?:needs?|wants?|requires?|required|asked for|asks? for|mentions?|mentioned|lists?|listed|(?:are |is )?looking for|calls? for|expects?|prefers?|seeks?|seeking|emphasi[sz]es?|uses?|using|runs?|running|moving to|migrating to|plans?|planning|builds? on|relies on|works? with)\b.*$/i;

/** What the user hopes to learn or has not done is not a claim of having it. */
const NOT_A_CLAIM =
  /\b(?:learn(?:ing)?|to pick up|picking up|explor(?:e|ing)|get(?:ting)? into|curious about|excited to (?:try|learn)|interested in learning|haven['’]t (?:\w+ )?(?:used|worked with|touched|done)|have not (?:\w+ )?(?:used|worked with|touched|done)|never (?:used|worked with|touched)|no (?:professional |hands-on )?(?:experience|background) (?:with|in)|not (?:yet )?(?:used|worked with)|new to|would (?:love|like) to (?:learn|try)|eager to learn|willing to learn|happy to learn|ramp(?:ing)? up on)\b[^,;]*/gi;

/** Contact details are not claims: their digits are not metrics. */
const CONTACT = /[\w.+-]+@[\w-]+\.[\w.]+|\bhttps?:\/\/\S+|\b(?:www\.)\S+|\+?\d[\d ()-]{7,}\d/g;

/** Quoted text is the posting's or someone else's words. */
const QUOTED =
  /"[^"\n]*"|“[^”\n]*”|(?<=^|[\s(])['‘](?=\S)[^'‘’\n]{3,80}?(?<=\S)['’](?=[\s.,;:!?)]|$)/g;

const CLAUSE_BREAK =
  /;\s+|\s[—–]\s|\s-\s|:\s+|,\s+(?=(?:and|but|so|while|whereas|although|though|because|I)\b)|\s+(?:but|while|whereas|although)\s+/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function blank(text: string, from: number, to: number): string {
  return text.slice(0, from) + ' '.repeat(to - from) + text.slice(to);
}

/** Sentence spans of one line, offsets relative to the line. */
function sentenceSpans(line: string): [number, number][] {
  const spans: [number, number][] = [];
  let start = 0;
  for (const match of line.matchAll(/[.!?]+["”’')\]]*(?=\s|$)/g)) {
    const end = match.index + match[0].length;
    const before = line.slice(start, end);
    // "e.g.", "Inc.", "approx." and decimals do not end a sentence.
    if (
      /(?:^|[\s(])(?:e\.g|i\.e|etc|vs|inc|ltd|co|corp|approx|no|jr|sr|st|dr|mr|ms|mrs)\.$/i.test(
        before,
      )
    )
      continue;
    // "1. Describe…": a list number, not a sentence.
    if (/^\s*\d{1,2}[.)]$/.test(before)) continue;
    const next = line.slice(end).trimStart().charAt(0);
    if (next !== '' && !/[A-Za-z0-9"“'(•€$£]/.test(next)) continue;
    spans.push([start, end]);
    start = end;
  }
  if (start < line.length) spans.push([start, line.length]);
  return spans;
}

function clauseSpans(sentence: string): [number, number][] {
  const spans: [number, number][] = [];
  let start = 0;
  for (const match of sentence.matchAll(CLAUSE_BREAK)) {
    spans.push([start, match.index]);
    start = match.index + match[0].length;
  }
  spans.push([start, sentence.length]);
  return spans.filter(([a, b]) => sentence.slice(a, b).trim() !== '');
}

const HEADER =
  /^\s*[A-Z][\w/&.,' -]{2,80}\b(?:engineer|developer|designer|analyst|manager|lead|architect|scientist|consultant|intern|director|officer|specialist|administrator|programmer|researcher)\b.{0,80}$/i;

/** Who a clause speaks about: the user, the posting, or nobody in particular. */
function speaker(clause: string, bullet: boolean): 'user' | 'posting' | 'none' {
  const firstPerson = FIRST_PERSON.exec(clause);
  const posting = ABOUT_POSTING.exec(clause);
  if (firstPerson !== null && (posting === null || firstPerson.index < posting.index))
    return 'user';
  if (posting !== null) return firstPerson !== null ? 'user' : 'posting';
  if (firstPerson !== null) return 'user';
  return bullet ? 'user' : 'none';
}

const GRAM = 4;

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .split(/[^a-z0-9+#'%]+/)
    .filter((w) => w !== '');
}

function wordGrams(text: string): Set<string> {
  const list = words(text);
  const grams = new Set<string>();
  for (let i = 0; i + GRAM <= list.length; i++) grams.add(list.slice(i, i + GRAM).join(' '));
  return grams;
}

/** Share of the clause's words inside a run of GRAM words that the posting also has. */
function copiedShare(clause: string, grams: ReadonlySet<string>): number {
  const list = words(clause);
  if (list.length < GRAM) return 0;
  const covered = new Array<boolean>(list.length).fill(false);
  for (let i = 0; i + GRAM <= list.length; i++) {
    if (grams.has(list.slice(i, i + GRAM).join(' '))) covered.fill(true, i, i + GRAM);
  }
  return covered.filter(Boolean).length / list.length;
}

/**
 * The clauses of a draft that may carry claims about the user, masked where they do not.
 * `company` (the posting's employer) is blanked too: naming it is not a claim.
 */
export function userClauses(
  text: string,
  company?: string,
  posting?: string,
  jobTitle?: string,
): Clause[] {
  const clauses: Clause[] = [];
  const postingGrams = posting === undefined || posting.trim() === '' ? null : wordGrams(posting);
  const postingWords = postingGrams === null ? null : words(posting ?? '').join(' ');
  const title = jobTitle?.trim() ?? '';
  const titlePattern =
    title.length < 2
      ? null
      : new RegExp(
          `\\b(?:the|your|this)\\s+${escapeRegExp(title)}|${escapeRegExp(title)}(?=\\s+(?:role|position|posting|opening|job)\\b)`,
          'gi',
        );
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const offset = lineStart;
    lineStart += line.length + 1;
    if (line.trim() === '') continue;
    const bullet = BULLET.test(line);
    const header =
      !bullet && HEADER.test(line) && !/[.!?]\s*$/.test(line.trim()) && line.length < 140;
    // A line's leading label ("**Terraform:** …", "Skills: …") names a topic, often the
    // posting's requirement; what follows the colon is what the line claims.
    const label =
      /^\s*(?:[•·▪●◦■□*+\-–—]\s+|\d{1,2}[.)]\s+)?(?:\*\*|__)?[^:.!?\n]{1,60}?(?:\*\*|__)?:(?:\*\*|__)?(?=\s|$)/.exec(
        line,
      );
    const labelEnd = label === null || /\b(?:I|my|I'm|I've)\b/.test(label[0]) ? 0 : label[0].length;
    for (const [sa, sb] of sentenceSpans(line)) {
      const sentence = line.slice(sa, sb);
      // Questions ask; they do not claim.
      if (/\?["”’')]*\s*$/.test(sentence)) continue;
      let inherited: 'user' | 'posting' | 'none' = bullet || header ? 'user' : 'none';
      // A resume heading ("Staff Engineer — Acme (2020–2023)") stays whole: title and employer belong together.
      // Quoted text never splits into clauses: "Manager – must know Figma" stays one quote.
      // So does the job's title where the draft names the job ("the Backend Engineer –
      // Payments role"): naming the job applied for is not a claim.
      const quotes = [
        ...sentence.matchAll(QUOTED),
        ...(titlePattern === null ? [] : sentence.matchAll(titlePattern)),
      ].map((m): [number, number] => [m.index, m.index + m[0].length]);
      let unquoted = sentence;
      for (const [qa, qb] of quotes)
        unquoted = unquoted.slice(0, qa) + '_'.repeat(qb - qa) + unquoted.slice(qb);
      const spans: [number, number][] = header ? [[0, sentence.length]] : clauseSpans(unquoted);
      for (const [ca, cb] of spans) {
        const raw = sentence.slice(ca, cb);
        let who = speaker(raw, bullet || header);
        // "our"/"we" in a clause copied from a posting is the client speaking, so only the
        // singular first person marks the user's own sentence here.
        const ownSubject = SINGULAR_FIRST_PERSON.test(raw);
        // A clause without its own subject ("which cut costs by 20%") continues the last one;
        // after "…the first item on your list —" it continues the posting.
        if (who === 'none') who = inherited;
        inherited =
          who === 'user' &&
          /\b(?:you|your)\b[^.]*$/i.test(raw) &&
          !/\bI\b[^.]*$/.test(raw.slice(raw.search(/\b(?:you|your)\b/i)))
            ? 'posting'
            : who;
        // Prose with no subject at all reads as a summary of the user ("Backend engineer with 9 years").
        if (who === 'none') who = 'user';
        if (who !== 'user') continue;
        let masked = raw;
        const report = REPORTS_POSTING.exec(masked);
        if (report !== null) masked = blank(masked, report.index, masked.length);
        if (sa + ca < labelEnd)
          masked = blank(masked, 0, Math.min(masked.length, labelEnd - sa - ca));
        for (const m of masked.matchAll(NOT_A_CLAIM))
          masked = blank(masked, m.index, m.index + m[0].length);
        for (const [qa, qb] of quotes) {
          const from = Math.max(qa, ca) - ca;
          const to = Math.min(qb, cb) - ca;
          if (from < to) masked = blank(masked, from, to);
        }
        for (const m of raw.matchAll(CONTACT))
          masked = blank(masked, m.index, m.index + m[0].length);
        // A prose clause with no subject of its own that repeats the posting is the posting's
        // task. Resume lines are kept: a bullet copied from the posting is still a claim.
        if (postingGrams !== null && postingWords !== null && !header && !ownSubject) {
          if (copiedShare(raw, postingGrams) >= (bullet ? 0.8 : 0.5)) continue;
          const own = words(raw).join(' ');
          if (own !== '' && words(raw).length < GRAM && ` ${postingWords} `.includes(` ${own} `))
            continue;
        }
        if (company !== undefined && company.trim().length > 1) {
          const lower = masked.toLowerCase();
          const name = company.trim().toLowerCase();
          for (let at = lower.indexOf(name); at >= 0; at = lower.indexOf(name, at + 1))
            masked = blank(masked, at, at + name.length);
        }
        if (masked.trim() === '') continue;
        clauses.push({
          start: offset + sa + ca,
          text: raw,
          masked,
          bullet,
          header,
          sentence,
          inSentence: ca,
        });
      }
    }
  }
  return clauses;
}

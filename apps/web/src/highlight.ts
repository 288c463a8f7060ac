import type { GroundingClaim } from './types.ts';

export interface Segment {
  text: string;
  /** The unsupported claim this piece of text makes, when it makes one. */
  claim: GroundingClaim | null;
}

/** A claim that still blocks approval: not backed by the profile, not vouched for. */
export const isOpen = (claim: GroundingClaim): boolean =>
  !claim.supported && !claim.confirmedByUser;

/**
 * Cuts a draft into plain and flagged pieces. A claim's own offsets are used when they fit
 * the text (the checker gives them for this very text); otherwise its words are searched
 * for, since older drafts carry no offsets. Overlapping claims keep the earlier one.
 */
export function segments(text: string, claims: readonly GroundingClaim[]): Segment[] {
  const spans: { start: number; end: number; claim: GroundingClaim }[] = [];
  for (const claim of claims) {
    if (!isOpen(claim)) continue;
    let { start, end } = claim;
    const fits =
      start !== undefined &&
      end !== undefined &&
      start < end &&
      end <= text.length &&
      text.slice(start, end).trim() !== '';
    if (!fits) {
      const at = claim.text === '' ? -1 : text.indexOf(claim.text);
      if (at < 0) continue;
      start = at;
      end = at + claim.text.length;
    }
    spans.push({ start: start ?? 0, end: end ?? 0, claim });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Segment[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    if (span.start > at) out.push({ text: text.slice(at, span.start), claim: null });
    out.push({ text: text.slice(span.start, span.end), claim: span.claim });
    at = span.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), claim: null });
  return out;
}

/**
 * Reading the loose text fields of a source's JSON: a value may be a string, a number or
 * missing, lists repeat the primary entry, and enum labels differ only in case and
 * punctuation ("on_site", "On-site", "ONSITE").
 */

/** A string trimmed, a number written out; anything else is "". */
export function text(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** The non-empty values, trimmed, each once, in their first order. */
export function distinctTexts(values: readonly (string | null | undefined)[]): string[] {
  const out: string[] = [];
  for (const value of values) {
    const t = value?.trim() ?? '';
    if (t !== '' && !out.includes(t)) out.push(t);
  }
  return out;
}

/** The places a posting names, primary first, as one location ("A; B"); null for none. */
export function placesText(
  places: readonly (string | null | undefined)[],
  separator = '; ',
): string | null {
  const all = distinctTexts(places);
  return all.length === 0 ? null : all.join(separator);
}

/** An enum label as a lookup key: lower-case letters only ("On-site" and "on_site" are "onsite"). */
export function labelKey(value: string | null | undefined): string {
  return (value ?? '').toLowerCase().replace(/[^a-z]/g, '');
}

import { DomainError } from '@applydesk/domain';

/** The sort value and id of the last row of a page; the next page starts after it. */
export type CursorValue = string | number | null;
export interface Cursor {
  value: CursorValue;
  id: string;
}

/** Opaque to callers: base64url of the JSON array [sortValue, id]. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id]), 'utf8').toString('base64url');
}

function invalid(): DomainError {
  return new DomainError('INVALID_INPUT', 'the cursor is not valid', {
    hint: "pass a page's nextCursor unchanged, with the same sort, or start again without a cursor",
  });
}

/** Decodes a cursor, checking that its value has the type the sort produces. */
export function decodeCursor(text: string, kind: 'integer' | 'number' | 'time'): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw invalid();
  const [value, id] = parsed as [unknown, unknown];
  if (typeof id !== 'string' || id === '') throw invalid();
  if (value === null) return { value, id };
  if (kind === 'integer' && Number.isSafeInteger(value)) return { value: value as number, id };
  if (kind === 'number' && typeof value === 'number' && Number.isFinite(value))
    return { value, id };
  if (kind === 'time' && typeof value === 'string' && !Number.isNaN(Date.parse(value)))
    return { value, id };
  throw invalid();
}

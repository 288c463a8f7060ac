import { refuse } from './refuse.js';

/**
 * A description is stored as sent (prepareJob sanitizes it), but within bounds: inline images
 * (data: URIs) are dropped first, since sanitizing drops them anyway and they only make a
 * description huge, and what is still too long is refused by id rather than stored.
 */

/** Longest description a posting may carry once inline images are dropped; longer ones are refused. */
export const MAX_DESCRIPTION_CHARS = 1_000_000;

const DATA_URI = /data:[\w.+-]+\/[\w.+-]+;base64,[A-Za-z0-9+/=\s]*/g;

/** The description without inline images; INVALID_INPUT naming the posting when still too long. */
export function boundedDescription(source: string, id: string, html: string): string {
  const description = html.replace(DATA_URI, '');
  if (description.length > MAX_DESCRIPTION_CHARS) {
    throw refuse(
      source,
      id,
      `description is ${description.length} characters, over the ${MAX_DESCRIPTION_CHARS}-character limit (not stored)`,
    );
  }
  return description;
}

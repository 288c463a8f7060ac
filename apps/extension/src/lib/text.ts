/**
 * Small readers for page content. Everything on a job page was written by strangers, so
 * each value is checked for its type and cut to a sane length before it goes anywhere.
 */

export const MAX_SHORT = 300;
export const MAX_TITLE = 1_000;
export const MAX_URL = 2_048;
export const MAX_DESCRIPTION = 50_000;

/** Collapses whitespace and trims; null for empty or non-strings; cut at `max`. */
export function clean(value: unknown, max = MAX_SHORT): string | null {
  if (typeof value !== 'string') return null;
  const text = value.replace(/\s+/g, ' ').trim();
  if (text === '') return null;
  return text.length > max ? text.slice(0, max) : text;
}

/** Multi-line text kept as lines (descriptions), cut at `max`. */
export function cleanBlock(value: unknown, max = MAX_DESCRIPTION): string | null {
  if (typeof value !== 'string') return null;
  const text = value
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (text === '') return null;
  return text.length > max ? text.slice(0, max) : text;
}

/** The element's visible text (textContent, since extraction runs without layout). */
export function textOf(el: Element | null | undefined, max = MAX_SHORT): string | null {
  return el === null || el === undefined ? null : clean(el.textContent, max);
}

/** Block text of an element, with line breaks at block boundaries kept. */
export function blockTextOf(el: Element | null | undefined, max = MAX_DESCRIPTION): string | null {
  if (el === null || el === undefined) return null;
  const parts: string[] = [];
  const walk = (node: Node): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) parts.push(child.textContent ?? '');
      else if (child.nodeType === 1) {
        const tag = (child as Element).tagName.toLowerCase();
        if (tag === 'script' || tag === 'style' || tag === 'template') continue;
        const block = /^(p|div|li|ul|ol|h[1-6]|br|section|article|tr)$/.test(tag);
        if (block) parts.push('\n');
        walk(child);
        if (block) parts.push('\n');
      }
    }
  };
  walk(el);
  return cleanBlock(parts.join(''), max);
}

/** The text of the first element matching any selector, in order. */
export function firstText(root: ParentNode, selectors: string[], max = MAX_SHORT): string | null {
  for (const selector of selectors) {
    const text = textOf(root.querySelector(selector), max);
    if (text !== null) return text;
  }
  return null;
}

/** An absolute http(s) URL resolved against `base`, or null. */
export function safeUrl(value: unknown, base?: string): string | null {
  if (typeof value !== 'string' || value.length > MAX_URL) return null;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** An ISO 8601 timestamp for a date-like string, or null. */
export function isoDate(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 64) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** JSON.parse that answers undefined instead of throwing. */
export function parseJson(text: string | null | undefined): unknown {
  if (typeof text !== 'string' || text.length > 5_000_000) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `obj.a.b.c` for untyped data, or undefined at the first missing step. */
export function pick(value: unknown, ...path: (string | number)[]): unknown {
  let at: unknown = value;
  for (const key of path) {
    if (typeof key === 'number') {
      if (!Array.isArray(at)) return undefined;
      at = at[key];
    } else {
      if (!isRecord(at)) return undefined;
      at = at[key];
    }
  }
  return at;
}

/**
 * The JSON object assigned in a `<script>` such as `window.__appData = {...};`, when the
 * page writes it as a JSON literal. Nothing is ever evaluated.
 */
export function assignedJson(doc: Document, name: string): unknown {
  const marker = new RegExp(`${name.replace(/[.$]/g, '\\$&')}\\s*=\\s*`);
  for (const script of Array.from(doc.querySelectorAll('script:not([src])'))) {
    const text = script.textContent ?? '';
    const found = marker.exec(text);
    if (found === null) continue;
    const start = found.index + found[0].length;
    const body = text
      .slice(start)
      .trim()
      .replace(/;?\s*$/, '');
    const parsed = parseJson(body);
    if (parsed !== undefined) return parsed;
    // A statement may follow the literal: cut at the last `}` before a `;` and a newline.
    const end = body.lastIndexOf('}');
    if (end > 0) {
      const again = parseJson(body.slice(0, end + 1));
      if (again !== undefined) return again;
    }
  }
  return undefined;
}

import { DomUtils, parseDocument } from 'htmlparser2';
import { decodeEntities } from '@applydesk/domain';

/**
 * Pure extraction of schema.org JobPostings from an HTML page, and of a best-effort posting
 * from its OpenGraph and HTML when there is none. Nothing here throws on any input: a block
 * that cannot be read is skipped and reported, never fatal for the others.
 */

export type JsonNode = Record<string, unknown>;

/** A JSON-LD block that could not be read, by its position among the page's blocks (from 1). */
export interface SkippedBlock {
  block: number;
  reason: string;
}

/** What the page says of itself outside JSON-LD, for the fallback and for missing fields. */
export interface PageMeta {
  title: string | null;
  ogTitle: string | null;
  ogDescription: string | null;
  ogSiteName: string | null;
  ogUrl: string | null;
  metaDescription: string | null;
  h1: string | null;
  canonical: string | null;
  /** Inner HTML of `<main>`, `<article>` or `[role=main]`, when the page has one. */
  mainHtml: string | null;
}

export interface ExtractedPage {
  /** Every node typed JobPosting, in page order, with `{"@id": …}` references resolved. */
  postings: JsonNode[];
  blocks: number;
  skipped: SkippedBlock[];
  meta: PageMeta;
}

const MAX_DEPTH = 12;
const MAX_MAIN_HTML = 200_000;

function clean(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = decodeEntities(value).replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

/** Drops the wrappers CMSs put around inline scripts: HTML comments and CDATA markers. */
function unwrap(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/^<!--/, '')
    .replace(/-->$/, '')
    .replace(/^\s*(\/\/|\/\*)?\s*<!\[CDATA\[\s*(\*\/)?/, '')
    .replace(/(\/\/|\/\*)?\s*\]\]>\s*(\*\/)?\s*$/, '')
    .trim()
    .replace(/;\s*$/, '');
}

const VALID_ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't', 'u']);

/**
 * Repairs the mistakes hand-written and templated JSON-LD makes most: raw line breaks and
 * tabs inside strings, escapes JSON does not know (`\'`), stray control characters, and
 * commas before a closing bracket.
 */
export function repairJson(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const code = ch.charCodeAt(0);
    if (inString) {
      if (ch === '\\') {
        const next = text[i + 1];
        if (next !== undefined && VALID_ESCAPES.has(next)) {
          out += ch + next;
          i++;
        } else if (next !== undefined) {
          // `\'` and friends: keep the character, drop the backslash.
          out += next === '\n' ? '\\n' : next;
          i++;
        }
        continue;
      }
      if (ch === '"') inString = false;
      if (code < 0x20) {
        out += ch === '\n' ? '\\n' : ch === '\r' ? '\\r' : ch === '\t' ? '\\t' : '';
        continue;
      }
      out += ch;
      continue;
    }
    if (ch === '"') {
      inString = true;
      out += ch;
      continue;
    }
    if (ch === ',') {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j]!)) j++;
      if (text[j] === '}' || text[j] === ']') continue;
    }
    if (code < 0x20 && !/\s/.test(ch)) continue;
    out += ch;
  }
  return out;
}

/** JSON.parse, then the same after repairs, then after decoding entities; undefined when all fail. */
export function parseLenientJson(text: string): { value: unknown } | { error: string } {
  const body = unwrap(text);
  if (body === '') return { error: 'empty block' };
  let first = '';
  const attempts = [body, repairJson(body)];
  if (/&quot;|&#34;|&#x22;/i.test(body)) attempts.push(repairJson(decodeEntities(body)));
  for (const attempt of attempts) {
    try {
      return { value: JSON.parse(attempt) as unknown };
    } catch (error) {
      if (first === '') first = error instanceof Error ? error.message : String(error);
    }
  }
  return { error: `not JSON (${first})` };
}

function isObject(value: unknown): value is JsonNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when a node's `@type` (a string or a list, maybe prefixed) names the type. */
export function hasType(node: JsonNode, type: string): boolean {
  const types = Array.isArray(node['@type']) ? (node['@type'] as unknown[]) : [node['@type']];
  const wanted = type.toLowerCase();
  return types.some(
    (t) =>
      typeof t === 'string' &&
      t
        .trim()
        .toLowerCase()
        .replace(/^(https?:\/\/schema\.org\/|schema:)/, '') === wanted,
  );
}

function indexIds(value: unknown, index: Map<string, JsonNode>, depth = 0): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    for (const v of value) indexIds(v, index, depth + 1);
    return;
  }
  if (!isObject(value)) return;
  const id = value['@id'];
  // A bare reference (`{"@id": "#org"}`) does not replace the full node it points to.
  if (typeof id === 'string' && Object.keys(value).length > 1 && !index.has(id))
    index.set(id, value);
  for (const v of Object.values(value)) indexIds(v, index, depth + 1);
}

function collectPostings(value: unknown, into: JsonNode[], depth = 0): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    for (const v of value) collectPostings(v, into, depth + 1);
    return;
  }
  if (!isObject(value)) return;
  if (hasType(value, 'JobPosting')) {
    into.push(value);
    return;
  }
  for (const v of Object.values(value)) collectPostings(v, into, depth + 1);
}

/** Replaces `{"@id": …}` references by the nodes they name (a few levels deep, cycles cut). */
function resolve(
  value: unknown,
  index: Map<string, JsonNode>,
  depth = 0,
  trail: ReadonlySet<string> = new Set(),
): unknown {
  if (depth > 4) return value;
  if (Array.isArray(value)) return value.map((v) => resolve(v, index, depth + 1, trail));
  if (!isObject(value)) return value;
  const id = value['@id'];
  let node = value;
  if (typeof id === 'string' && Object.keys(value).length === 1) {
    const target = index.get(id);
    if (target === undefined || trail.has(id)) return value;
    node = target;
    trail = new Set([...trail, id]);
  }
  const out: JsonNode = {};
  for (const [k, v] of Object.entries(node)) out[k] = resolve(v, index, depth + 1, trail);
  return out;
}

function attr(el: unknown, name: string): string | null {
  const attribs = (el as { attribs?: Record<string, string> }).attribs;
  const value = attribs?.[name];
  return typeof value === 'string' ? value : null;
}

function pageMeta(doc: ReturnType<typeof parseDocument>): PageMeta {
  const metas = new Map<string, string>();
  for (const meta of DomUtils.getElementsByTagName('meta', doc)) {
    const key = (attr(meta, 'property') ?? attr(meta, 'name') ?? '').toLowerCase().trim();
    const content = attr(meta, 'content');
    if (key !== '' && content !== null && !metas.has(key)) metas.set(key, content);
  }
  let canonical: string | null = null;
  for (const link of DomUtils.getElementsByTagName('link', doc)) {
    const rel = (attr(link, 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attr(link, 'href');
    if (rel.includes('canonical') && href !== null && href.trim() !== '') {
      canonical = href.trim();
      break;
    }
  }
  const title = DomUtils.getElementsByTagName('title', doc, true, 1)[0];
  const h1 = DomUtils.getElementsByTagName('h1', doc, true, 1)[0];
  const main =
    DomUtils.getElementsByTagName('main', doc, true, 1)[0] ??
    DomUtils.getElementsByTagName('article', doc, true, 1)[0] ??
    DomUtils.findOne(
      (el) => (attr(el, 'role') ?? '').toLowerCase() === 'main',
      doc.children,
      true,
    ) ??
    undefined;
  let mainHtml: string | null = null;
  if (main !== undefined) {
    const html = DomUtils.getInnerHTML(main).trim();
    if (clean(DomUtils.textContent(main)) !== null) mainHtml = html.slice(0, MAX_MAIN_HTML);
  }
  return {
    title: title === undefined ? null : clean(DomUtils.textContent(title)),
    ogTitle: clean(metas.get('og:title')),
    ogDescription: clean(metas.get('og:description')),
    ogSiteName: clean(metas.get('og:site_name')),
    ogUrl: clean(metas.get('og:url')),
    metaDescription: clean(metas.get('description')),
    h1: h1 === undefined ? null : clean(DomUtils.textContent(h1)),
    canonical,
    mainHtml,
  };
}

const EMPTY_META: PageMeta = {
  title: null,
  ogTitle: null,
  ogDescription: null,
  ogSiteName: null,
  ogUrl: null,
  metaDescription: null,
  h1: null,
  canonical: null,
  mainHtml: null,
};

/** Every JobPosting on a page (from all its JSON-LD blocks), the blocks skipped, and the page's own metadata. */
export function extractPage(html: string): ExtractedPage {
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(typeof html === 'string' ? html : '', { decodeEntities: true });
  } catch {
    return { postings: [], blocks: 0, skipped: [], meta: EMPTY_META };
  }
  const scripts = DomUtils.getElementsByTagName('script', doc).filter((s) =>
    /^\s*application\/ld\+json\s*(;.*)?$/i.test(attr(s, 'type') ?? ''),
  );
  const values: unknown[] = [];
  const skipped: SkippedBlock[] = [];
  scripts.forEach((script, i) => {
    const parsed = parseLenientJson(DomUtils.textContent(script));
    if ('value' in parsed) values.push(parsed.value);
    else skipped.push({ block: i + 1, reason: parsed.error });
  });
  const index = new Map<string, JsonNode>();
  for (const value of values) indexIds(value, index);
  const found: JsonNode[] = [];
  for (const value of values) collectPostings(value, found);
  const postings = found.map((p) => resolve(p, index) as JsonNode);
  let meta = EMPTY_META;
  try {
    meta = pageMeta(doc);
  } catch {
    // Metadata is a convenience; a page whose markup defeats it still yields its postings.
  }
  return { postings, blocks: scripts.length, skipped, meta };
}

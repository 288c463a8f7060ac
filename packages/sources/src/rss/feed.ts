import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { decodeEntities } from '@applydesk/domain';

/**
 * Pure reading of RSS 2.0, RSS 1.0 (RDF) and Atom feeds into entries. Description-like
 * elements are kept as the feed wrote them (CDATA unwrapped, entities decoded once) so HTML
 * escaped in the XML comes back as HTML.
 */

export type FeedFormat = 'rss' | 'rdf' | 'atom';

export interface FeedEntry {
  format: FeedFormat;
  /** guid / id, else the link. */
  id: string | null;
  title: string;
  link: string | null;
  /** pubDate / published / updated / dc:date, as written. */
  date: string | null;
  html: string;
  /** True when the feed declared the content as plain text (Atom `type="text"`). */
  isText: boolean;
  author: string | null;
  categories: string[];
  /** Job-board extras some feeds carry (region, type, skills, company, expires_at…). */
  extras: Record<string, string>;
  feed: { title: string | null; link: string | null };
  /** The item or entry as parsed, for raw. */
  item: Record<string, unknown>;
}

export type FeedResult =
  { ok: true; format: FeedFormat; entries: FeedEntry[] } | { ok: false; reason: string };

const STOP_NODES = ['*.description', '*.content:encoded', '*.summary', '*.content'];
const ITEM_PATHS = new Set(['rss.channel.item', 'rdf:RDF.item', 'feed.entry', 'rss.item']);
const EXTRA_FIELDS = [
  'region',
  'country',
  'state',
  'location',
  'type',
  'job_type',
  'skills',
  'company',
  'expires_at',
  'salary',
];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: true,
  stopNodes: STOP_NODES,
  isArray: (name, jpath) =>
    ITEM_PATHS.has(String(jpath)) || name === 'category' || name === 'link' || name === 'author',
});

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

/** The text of an element: a string, or an element with attributes (`#text`). */
function textOf(value: unknown): string {
  const first = list(value)[0];
  if (typeof first === 'string') return first.trim();
  if (typeof first === 'number' || typeof first === 'boolean') return String(first);
  if (isNode(first)) return textOf(first['#text']);
  return '';
}

/** Raw inner XML of a stop node: CDATA kept verbatim, the rest entity-decoded once. */
function innerHtml(raw: string, decode: boolean): string {
  let out = '';
  let last = 0;
  const cdata = /<!\[CDATA\[([\s\S]*?)\]\]>/g;
  for (let m = cdata.exec(raw); m !== null; m = cdata.exec(raw)) {
    const before = raw.slice(last, m.index);
    out += decode ? decodeEntities(before) : before;
    out += m[1] ?? '';
    last = cdata.lastIndex;
  }
  const rest = raw.slice(last);
  out += decode ? decodeEntities(rest) : rest;
  return out.trim();
}

function contentOf(value: unknown): { html: string; isText: boolean } | null {
  const first = list(value)[0];
  if (first === undefined || first === null) return null;
  const raw = isNode(first) ? first['#text'] : first;
  const type =
    isNode(first) && typeof first['@_type'] === 'string' ? first['@_type'].toLowerCase() : '';
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  // Atom xhtml content is markup already; html and RSS descriptions are escaped HTML.
  if (type === 'xhtml') return { html: innerHtml(raw, false), isText: false };
  return { html: innerHtml(raw, true), isText: type === 'text' };
}

function atomLink(value: unknown): string | null {
  const links = list(value).filter(isNode);
  const alternate =
    links.find((l) => l['@_rel'] === undefined || l['@_rel'] === 'alternate') ??
    links.find((l) => typeof l['@_href'] === 'string');
  const href = alternate?.['@_href'];
  return typeof href === 'string' && href.trim() !== '' ? href.trim() : null;
}

function rssLink(value: unknown): string | null {
  for (const link of list(value)) {
    const text = textOf(link);
    if (text !== '') return text;
    // An atom:link inside RSS (`<atom:link href=… rel="self"/>`) is not the item's page.
    if (isNode(link) && typeof link['@_href'] === 'string' && link['@_rel'] !== 'self')
      return link['@_href'].trim();
  }
  return null;
}

function authorOf(item: Node, format: FeedFormat): string | null {
  if (format === 'atom') {
    for (const author of list(item.author)) {
      const name = isNode(author) ? textOf(author.name) : textOf(author);
      if (name !== '') return name;
    }
  }
  for (const key of ['dc:creator', 'author', 'creator']) {
    const name = textOf(item[key]);
    if (name !== '') return name;
  }
  return null;
}

function categoriesOf(item: Node): string[] {
  return list(item.category)
    .map((c) => (isNode(c) && typeof c['@_term'] === 'string' ? c['@_term'].trim() : textOf(c)))
    .filter((c) => c !== '');
}

function extrasOf(item: Node): Record<string, string> {
  const extras: Record<string, string> = {};
  for (const [key, value] of Object.entries(item)) {
    const local = key.includes(':') ? key.slice(key.indexOf(':') + 1) : key;
    if (!EXTRA_FIELDS.includes(local) || extras[local] !== undefined) continue;
    const text = textOf(value);
    if (text !== '') extras[local] = text;
  }
  return extras;
}

function entryOf(item: Node, format: FeedFormat, feed: FeedEntry['feed']): FeedEntry {
  const link = format === 'atom' ? atomLink(item.link) : rssLink(item.link);
  const guid =
    format === 'atom' ? textOf(item.id) : textOf(item.guid) || textOf(item['@_rdf:about']);
  const content =
    contentOf(item['content:encoded']) ??
    (format === 'atom'
      ? (contentOf(item.content) ?? contentOf(item.summary))
      : contentOf(item.description)) ??
    contentOf(item.summary);
  const date =
    (format === 'atom' ? textOf(item.published) || textOf(item.updated) : textOf(item.pubDate)) ||
    textOf(item['dc:date']) ||
    textOf(item.updated) ||
    null;
  return {
    format,
    id: guid || link,
    title: textOf(item.title),
    link,
    date,
    html: content?.html ?? '',
    isText: content?.isText ?? false,
    author: authorOf(item, format),
    categories: categoriesOf(item),
    extras: extrasOf(item),
    feed,
    item,
  };
}

/** Bare `&` in URLs is the commonest reason a real feed is not well-formed XML. */
function escapeBareAmpersands(xml: string): string {
  return xml.replace(/&(?!(?:[a-zA-Z][\w.-]*|#\d+|#x[0-9a-fA-F]+);)/g, '&amp;');
}

function problem(result: ReturnType<typeof XMLValidator.validate>): string | null {
  if (result === true) return null;
  const { msg, line, col } = result.err;
  return `${msg} (line ${line}, column ${col})`;
}

/** Reads a feed; a document that is not well-formed XML, or not a feed, is `{ ok: false }`. */
export function parseFeed(xml: string): FeedResult {
  const text = xml.replace(/^\uFEFF/, '').trim();
  if (text === '') return { ok: false, reason: 'the feed is empty' };
  let source = text;
  let invalid = problem(XMLValidator.validate(source));
  if (invalid !== null) {
    const repaired = escapeBareAmpersands(source);
    if (problem(XMLValidator.validate(repaired)) === null) {
      source = repaired;
      invalid = null;
    }
  }
  if (invalid !== null) return { ok: false, reason: `not well-formed XML: ${invalid}` };
  let doc: unknown;
  try {
    doc = parser.parse(source);
  } catch (error) {
    return {
      ok: false,
      reason: `not well-formed XML: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  if (!isNode(doc)) return { ok: false, reason: 'not an RSS or Atom feed' };
  if (isNode(doc.rss)) {
    const channel = isNode(doc.rss.channel) ? doc.rss.channel : {};
    const feed = { title: textOf(channel.title) || null, link: rssLink(channel.link) };
    const items = [...list(channel.item), ...list(doc.rss.item)].filter(isNode);
    return { ok: true, format: 'rss', entries: items.map((i) => entryOf(i, 'rss', feed)) };
  }
  const rdf = doc['rdf:RDF'];
  if (isNode(rdf)) {
    const channel = isNode(rdf.channel) ? rdf.channel : {};
    const feed = { title: textOf(channel.title) || null, link: rssLink(channel.link) };
    return {
      ok: true,
      format: 'rdf',
      entries: list(rdf.item)
        .filter(isNode)
        .map((i) => entryOf(i, 'rdf', feed)),
    };
  }
  if (isNode(doc.feed)) {
    const feed = { title: textOf(doc.feed.title) || null, link: atomLink(doc.feed.link) };
    return {
      ok: true,
      format: 'atom',
      entries: list(doc.feed.entry)
        .filter(isNode)
        .map((e) => entryOf(e, 'atom', feed)),
    };
  }
  const root = Object.keys(doc).find((k) => !k.startsWith('?')) ?? 'nothing';
  return { ok: false, reason: `not an RSS or Atom feed (the document is <${root}>)` };
}

/** "Title at Company", "Company: Title", "Company is hiring (a) Title". */
export function splitJobTitle(title: string): { title: string; company: string } | null {
  const t = title.replace(/\s+/g, ' ').trim();
  const hiring = /^(.{1,80}?) is hiring(?: an?)?[:\s]+(.+)$/i.exec(t);
  if (hiring !== null) return { company: hiring[1]!.trim(), title: hiring[2]!.trim() };
  const colon = /^([^:]{1,60}):\s+(.+)$/.exec(t);
  if (
    colon !== null &&
    !/^(re|fwd|update|updated|new|urgent|hiring|remote|job|jobs)$/i.test(colon[1]!.trim())
  ) {
    return { company: colon[1]!.trim(), title: colon[2]!.trim() };
  }
  const at = /^(.+?)\s+(?:at|@)\s+([^@]{1,80})$/i.exec(t);
  if (at !== null) return { title: at[1]!.trim(), company: at[2]!.trim() };
  return null;
}

/** Query parameters that track a click rather than name a posting. */
const TRACKING_PARAMS =
  /^(utm_[a-z]+|gh_src|gh_jid_src|ref|refid|source|src|lever-source|lever-origin|trk|trackingid|fbclid|gclid|mc_[a-z]+)$/i;

/**
 * The canonical form of a posting URL, so the same posting reached from two links compares
 * equal: lower-cased host without `www.`, https, no fragment, no tracking parameters, sorted
 * query, no trailing slash. Returns null for something that is not an http(s) URL.
 */
export function canonicalUrl(raw: string): string | null {
  const plain = PLAIN_URL.exec(raw);
  if (plain === null || DOT_SEGMENT.test(plain[2] ?? '')) return canonicalUrlFully(raw);
  const path = (plain[2] ?? '').replace(/\/+$/, '');
  return `https://${plain[1] ?? ''}${path}`;
}

/**
 * A URL already in canonical form but for the scheme and trailing slashes, which most
 * postings' links are: lower-case ASCII host not starting with "www." whose last label
 * starts with a letter (so the URL parser reads no IPv4 number into it) and holds no
 * punycode ("xn--", which it would check), no user, port, query or fragment, and a path of
 * characters the parser keeps as they are. Dot segments ("/./", "/../") are left to the
 * parser; so is everything else, through canonicalUrlFully.
 */
const PLAIN_URL =
  /^https?:\/\/(?!www\.)(?![a-z0-9.-]*xn--)((?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*)((?:\/[A-Za-z0-9._~-]*)*)$/;
const DOT_SEGMENT = /\/\.\.?(?:\/|$)/;

/**
 * canonicalUrl through the URL parser every time, without the fast path for plain links:
 * what canonicalUrl must always agree with (tests compare the two).
 */
export function canonicalUrlFully(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.protocol = 'https:';
  url.hostname = url.hostname.toLowerCase().replace(/^www\./, '');
  url.hash = '';
  url.username = '';
  url.password = '';
  if (url.port === '443' || url.port === '80') url.port = '';
  const kept = [...url.searchParams.entries()]
    .filter(([key]) => !TRACKING_PARAMS.test(key))
    .sort(([a], [b]) => a.localeCompare(b));
  url.search = new URLSearchParams(kept).toString();
  const path = url.pathname.replace(/\/+$/, '');
  url.pathname = path === '' ? '/' : path;
  const text = url.toString();
  return url.pathname === '/' && url.search === '' ? text.replace(/\/$/, '') : text;
}

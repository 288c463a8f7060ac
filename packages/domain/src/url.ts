/** Query parameters that track a click rather than name a posting. */
const TRACKING_PARAMS =
  /^(utm_[a-z]+|gh_src|gh_jid_src|ref|refid|source|src|lever-source|lever-origin|trk|trackingid|fbclid|gclid|mc_[a-z]+)$/i;

/**
 * The canonical form of a posting URL, so the same posting reached from two links compares
 * equal: lower-cased host without `www.`, https, no fragment, no tracking parameters, sorted
 * query, no trailing slash. Returns null for something that is not an http(s) URL.
 */
export function canonicalUrl(raw: string): string | null {
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

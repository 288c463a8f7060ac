/**
 * Addresses as adapters meet them. A posting's link is shown to the user and opened, so only
 * web addresses count (no `javascript:` or `mailto:`), and every adapter builds its request
 * URLs on the configured `baseUrl` the same way, so a mirror or the replay server in tests
 * takes the place of the real host.
 */

/** `href` read against `base` (or alone), as the URL parser writes it; null unless http(s). */
export function absoluteHttpUrl(href: string | null | undefined, base?: string): string | null {
  if (href === null || href === undefined || href === '') return null;
  try {
    const url = base === undefined ? new URL(href) : new URL(href, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** An absolute http(s) address, trimmed and written as the URL parser writes it; else null. */
export function httpUrl(value: string | null | undefined): string | null {
  return value === null || value === undefined ? null : absoluteHttpUrl(value.trim());
}

/**
 * Whether a link (already trimmed) starts like a web address. The aggregators (Adzuna,
 * Jooble, Google Jobs, USAJOBS) pass their tracking links on exactly as sent.
 */
export function looksLikeHttpUrl(text: string | null | undefined): text is string {
  return typeof text === 'string' && /^https?:\/\//i.test(text);
}

/** The API root: the configured `baseUrl` when set, else the source's own host; no trailing slash. */
export function apiBase(baseUrl: string | undefined, fallback: string): string {
  return (baseUrl ?? fallback).replace(/\/+$/, '');
}

/** Where a page the user named is fetched from: itself, or the same path and query on `baseUrl`. */
export function onBaseUrl(pageUrl: string, baseUrl: string | undefined): string {
  if (baseUrl === undefined) return pageUrl;
  const page = new URL(pageUrl);
  return `${apiBase(baseUrl, pageUrl)}${page.pathname}${page.search}`;
}

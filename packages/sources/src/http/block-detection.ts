import { CHALLENGE_MARKUP } from './create-http-client.js';

/**
 * Markup of pages that bot walls and WAFs serve with HTTP 200 in place of the API's JSON:
 * Cloudflare and Akamai interstitials, "We'll be right back" holding pages, Incapsula,
 * PerimeterX and DataDome challenges.
 */
export const SOFT_BLOCK_MARKUP =
  /we(?:'|’|&#39;|&#x27;|&rsquo;)?ll be right back|access denied|are you a (?:robot|human)|unusual traffic|pardon our interruption|request unsuccessful\. incapsula|px-captcha|datadome|ddos protection by/i;

/**
 * True when a body the caller expected to be JSON is instead an HTML page that a bot wall
 * serves (a soft block). Only HTML counts, so a JSON body that mentions "captcha" is fine.
 */
export function looksLikeBlockPage(text: string, contentType: string | null): boolean {
  const html = /html/i.test(contentType ?? '') || /^\s*</.test(text);
  if (!html) return false;
  const head = text.slice(0, 256 * 1024);
  return SOFT_BLOCK_MARKUP.test(head) || CHALLENGE_MARKUP.test(head);
}

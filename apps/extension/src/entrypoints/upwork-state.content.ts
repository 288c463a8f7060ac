import { defineContentScript } from 'wxt/utils/define-content-script';
import { UPWORK_SEARCH_MATCHES } from '../lib/content-matches.js';
import { STATE_ELEMENT_ID } from '../lib/sites/upwork.js';

/**
 * Runs in the page's own world, the only place `window.__NUXT__` can be read, and copies
 * the search state as JSON into an inert element for the isolated content script. It
 * carries the page's own data (as untrusted as the rest of the page) and takes no input.
 */
export default defineContentScript({
  matches: UPWORK_SEARCH_MATCHES,
  world: 'MAIN',
  runAt: 'document_idle',
  main() {
    const copy = (): void => {
      let json: string | undefined;
      try {
        const state = (window as unknown as { __NUXT__?: { state?: { jobsSearch?: unknown } } })
          .__NUXT__?.state?.jobsSearch;
        json = state === undefined ? undefined : JSON.stringify(state);
      } catch {
        json = undefined;
      }
      if (json === undefined || json.length > 5_000_000) return;
      let holder = document.getElementById(STATE_ELEMENT_ID);
      if (holder === null) {
        holder = document.createElement('script');
        holder.setAttribute('type', 'application/json');
        holder.id = STATE_ELEMENT_ID;
        document.documentElement.appendChild(holder);
      }
      // Unchanged state is left alone, so the page's observers (and ours) see no churn.
      if (holder.textContent !== json) holder.textContent = json;
    };
    copy();
    // Search pages load more results in place.
    setInterval(copy, 3_000);
  },
});

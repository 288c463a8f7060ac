import { browser } from 'wxt/browser';

/** Where ApplyDesk listens when nothing else is configured (`applydesk serve`). */
export const DEFAULT_SERVER = 'http://127.0.0.1:7070';

export interface Settings {
  server: string;
  token: string | null;
}

/** The server address as an origin (scheme, host, port), or null when it is not http(s). */
export function serverOrigin(value: string): string | null {
  try {
    const url = new URL(value.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(['server', 'token']);
  const server = typeof stored.server === 'string' ? serverOrigin(stored.server) : null;
  const token = typeof stored.token === 'string' && stored.token !== '' ? stored.token : null;
  return { server: server ?? DEFAULT_SERVER, token };
}

export async function saveSettings(settings: Partial<Settings>): Promise<void> {
  await browser.storage.local.set(settings);
}

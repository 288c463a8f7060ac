import { DomainError } from '@applydesk/domain';
import type * as Undici from 'undici';
import type { Dispatcher } from 'undici';

export const DEFAULT_PROXY_COOLDOWN_MS = 5 * 60_000;

/** A proxy URL fit for logs: user name and password replaced. */
export function redactProxyUrl(proxy: string): string {
  try {
    const url = new URL(proxy);
    if (url.username === '' && url.password === '') return url.origin;
    return `${url.protocol}//***@${url.host}`;
  } catch {
    return '(invalid proxy URL)';
  }
}

/** One proxy picked for one attempt. */
export interface ProxyChoice {
  /** The proxy's URL without credentials. */
  label: string;
  dispatcher: Dispatcher;
}

interface ProxyEntry {
  url: string;
  label: string;
  coolingUntil: number;
  dispatcher?: Dispatcher;
}

export interface ProxyPoolOptions {
  /** How long a proxy that failed at the network level is skipped. */
  cooldownMs?: number;
  now: () => number;
}

/**
 * HTTP(S) forward proxies taken in turn, one per attempt. A proxy that fails at the network
 * level is skipped for a cool-down; when all are cooling, the one whose cool-down ends first
 * is used, so requests never silently leave through the direct route the user configured
 * proxies to avoid.
 *
 * Dispatchers are undici 6 ProxyAgents: Node 20's global fetch is undici 6 and accepts their
 * `dispatcher` (undici 7's handler API differs). `proxyTunnel: false` forwards plain-HTTP
 * targets as absolute-URI requests, which every forward proxy understands; HTTPS targets go
 * through a CONNECT tunnel.
 */
export class ProxyPool {
  readonly #entries: ProxyEntry[];
  readonly #cooldownMs: number;
  readonly #now: () => number;
  #cursor = 0;
  #undici: Promise<typeof Undici> | undefined;

  constructor(proxies: readonly string[], options: ProxyPoolOptions) {
    this.#entries = proxies.map((proxy) => {
      let url: URL;
      try {
        url = new URL(proxy);
      } catch {
        throw new DomainError('CONFIG_INVALID', `proxy ${redactProxyUrl(proxy)} is not a URL`, {
          hint: 'write proxies as http://host:port or http://user:password@host:port',
        });
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new DomainError(
          'CONFIG_INVALID',
          `proxy ${redactProxyUrl(proxy)} is not an HTTP(S) proxy`,
          {
            hint: 'only http:// and https:// forward proxies are supported',
          },
        );
      }
      return { url: proxy, label: redactProxyUrl(proxy), coolingUntil: Number.NEGATIVE_INFINITY };
    });
    this.#cooldownMs = options.cooldownMs ?? DEFAULT_PROXY_COOLDOWN_MS;
    this.#now = options.now;
  }

  get size(): number {
    return this.#entries.length;
  }

  /** The next proxy in turn that is not cooling down, or undefined when none are configured. */
  async next(): Promise<ProxyChoice | undefined> {
    const count = this.#entries.length;
    if (count === 0) return undefined;
    const now = this.#now();
    let chosen: number | undefined;
    for (let i = 0; i < count; i++) {
      const index = (this.#cursor + i) % count;
      if ((this.#entries[index]?.coolingUntil ?? 0) <= now) {
        chosen = index;
        break;
      }
    }
    if (chosen === undefined) {
      // All cooling: the one that recovers first.
      let first = 0;
      for (let index = 1; index < count; index++) {
        if ((this.#entries[index]?.coolingUntil ?? 0) < (this.#entries[first]?.coolingUntil ?? 0))
          first = index;
      }
      chosen = first;
    }
    this.#cursor = (chosen + 1) % count;
    const entry = this.#entries[chosen];
    if (entry === undefined) return undefined;
    if (entry.dispatcher === undefined) {
      this.#undici ??= import('undici');
      const { ProxyAgent } = await this.#undici;
      entry.dispatcher ??= new ProxyAgent({ uri: entry.url, proxyTunnel: false });
    }
    return { label: entry.label, dispatcher: entry.dispatcher };
  }

  /** Skips the proxy for the cool-down; returns when it will be tried again. */
  markFailed(choice: ProxyChoice): Date {
    const entry = this.#entries.find((e) => e.dispatcher === choice.dispatcher);
    const until = this.#now() + this.#cooldownMs;
    if (entry !== undefined) entry.coolingUntil = until;
    return new Date(until);
  }

  /** Closes the proxies' pooled connections. */
  async close(): Promise<void> {
    const dispatchers = this.#entries.flatMap((e) =>
      e.dispatcher === undefined ? [] : [e.dispatcher],
    );
    for (const entry of this.#entries) delete entry.dispatcher;
    await Promise.all(dispatchers.map((d) => d.close()));
  }
}

import { DomainError } from '@applydesk/domain';

/** Why a request to a source failed, so health and retries can act on it. */
export type HttpFailureKind =
  | 'blocked'
  | 'rate_limited'
  | 'not_found'
  | 'auth'
  | 'server'
  | 'timeout'
  | 'malformed'
  | 'network'
  | 'too_large';

export interface HttpRequest {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface HttpResponse {
  url: string;
  status: number;
  headers: Headers;
  /** The body decoded as UTF-8 (invalid bytes become U+FFFD). */
  text: string;
  /** True when a conditional request answered 304: the caller's last copy is current. */
  notModified: boolean;
}

/** What adapters use to talk to a source: every adapter gets one, tests point it at loopback. */
export interface HttpClient {
  request(request: HttpRequest): Promise<HttpResponse>;
  /** GET and parse JSON; malformed JSON is an UPSTREAM_FAILED error of kind `malformed`. */
  getJson<T = unknown>(url: string, init?: Omit<HttpRequest, 'url'>): Promise<T>;
  getText(url: string, init?: Omit<HttpRequest, 'url'>): Promise<string>;
}

export function httpFailure(
  kind: HttpFailureKind,
  url: string,
  message: string,
  extra: { status?: number; retryAt?: Date; cause?: unknown } = {},
): DomainError {
  return new DomainError('UPSTREAM_FAILED', message, {
    details: {
      kind,
      url,
      ...(extra.status === undefined ? {} : { status: extra.status }),
      ...(extra.retryAt === undefined ? {} : { retryAt: extra.retryAt.toISOString() }),
    },
    ...(extra.cause === undefined ? {} : { cause: extra.cause }),
  });
}

/** The failure kind of an error thrown by an HttpClient, if it is one. */
export function failureKind(error: unknown): HttpFailureKind | null {
  if (!(error instanceof DomainError) || error.code !== 'UPSTREAM_FAILED') return null;
  const kind = error.details?.kind;
  return typeof kind === 'string' ? (kind as HttpFailureKind) : null;
}

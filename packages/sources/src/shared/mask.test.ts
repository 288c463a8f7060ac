import { describe, expect, it } from 'vitest';
import { DomainError } from '@applydesk/domain';
import { httpFailure } from '../http/http-client.js';
import { maskSecrets, refusedKey, rethrowKeyed, withoutSecrets } from './mask.js';

const KEY = 'k3y/secret+value';
const URL_WITH_KEY = `https://api.example/search?app_key=${encodeURIComponent(KEY)}`;
const REFUSED = {
  source: 'Adzuna',
  what: 'the credentials',
  check: 'ADZUNA_APP_KEY',
  hint: 'set ADZUNA_APP_KEY',
};

function thrown(run: () => never): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('mask', () => {
  it('maskSecrets hides every secret, as written and URL-encoded', () => {
    expect(maskSecrets(`${KEY} ${URL_WITH_KEY}`, [KEY, undefined, ''])).toBe(
      '*** https://api.example/search?app_key=***',
    );
    expect(maskSecrets('nothing to hide', [null])).toBe('nothing to hide');
  });

  it('withoutSecrets masks message and details, keeps code, hint and cause', () => {
    const cause = new Error('socket hang up');
    const error = new DomainError('UPSTREAM_FAILED', `${URL_WITH_KEY} answered HTTP 500`, {
      hint: 'try later',
      details: { kind: 'server', url: URL_WITH_KEY },
      cause,
    });
    const masked = withoutSecrets(error, [KEY]) as DomainError;
    expect(masked.code).toBe('UPSTREAM_FAILED');
    expect(masked.message).toBe('https://api.example/search?app_key=*** answered HTTP 500');
    expect(masked.details).toEqual({
      kind: 'server',
      url: 'https://api.example/search?app_key=***',
    });
    expect(masked.hint).toBe('try later');
    expect(masked.cause).toBe(cause);
    const plain = new Error(KEY);
    expect(withoutSecrets(plain, [KEY])).toBe(plain);
  });

  it('refusedKey names what to check, with the status, the key masked', () => {
    const error = refusedKey(REFUSED, { kind: 'auth', url: URL_WITH_KEY, status: 401 }, [KEY]);
    expect(error.message).toBe('Adzuna refused the credentials (HTTP 401): check ADZUNA_APP_KEY');
    expect(error.hint).toBe('set ADZUNA_APP_KEY');
    expect(JSON.stringify(error.details)).not.toContain(encodeURIComponent(KEY));
  });

  it('rethrowKeyed: auth becomes refusedKey, other failures are masked, the rest pass', () => {
    const auth = thrown(() =>
      rethrowKeyed(httpFailure('auth', URL_WITH_KEY, 'refused', { status: 403 }), [KEY], REFUSED),
    ) as DomainError;
    expect(auth.details?.kind).toBe('auth');
    expect(auth.message).toContain('(HTTP 403): check ADZUNA_APP_KEY');

    const limited = thrown(() =>
      rethrowKeyed(
        httpFailure('rate_limited', URL_WITH_KEY, `${URL_WITH_KEY} 429`),
        [KEY],
        REFUSED,
      ),
    ) as DomainError;
    expect(limited.details?.kind).toBe('rate_limited');
    expect(limited.message).not.toContain(encodeURIComponent(KEY));

    const bug = new TypeError('not an HTTP failure');
    expect(thrown(() => rethrowKeyed(bug, [KEY], REFUSED))).toBe(bug);
  });
});

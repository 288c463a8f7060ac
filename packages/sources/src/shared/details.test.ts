import { describe, expect, it } from 'vitest';
import { DomainError } from '@applydesk/domain';
import { failureKind, httpFailure } from '../http/http-client.js';
import { failureOf } from '../test-support/replay-server.js';
import { DetailReads } from './details.js';

const URL = 'https://x.example/postings/1';
const fail = (kind: Parameters<typeof httpFailure>[0], status?: number) => () =>
  Promise.reject(httpFailure(kind, URL, `${URL}: ${kind}`, status === undefined ? {} : { status }));

describe('DetailReads', () => {
  it('gives the detail, drops a posting gone (404), and keeps the list item for other failures', async () => {
    const reads = new DetailReads('test details');
    expect(await reads.detailOr({ id: 1 }, () => Promise.resolve({ id: 1, ad: 'x' }))).toEqual({
      id: 1,
      ad: 'x',
    });
    expect(await reads.detailOr({ id: 2 }, fail('not_found', 404))).toBeUndefined();
    expect(await reads.detailOr({ id: 3 }, fail('server', 500))).toEqual({ id: 3 });
    expect(() => reads.assertSomeRead()).not.toThrow();
  });

  it('stops at once when throttled, blocked or refused, or on what is no HTTP failure', async () => {
    const reads = new DetailReads('test details');
    for (const kind of ['rate_limited', 'blocked', 'auth'] as const) {
      const error = await failureOf(reads.detailOr({}, fail(kind)));
      expect(failureKind(error)).toBe(kind);
    }
    await expect(reads.detailOr({}, () => Promise.reject(new TypeError('bug')))).rejects.toThrow(
      TypeError,
    );
  });

  it('fails the source when every detail failed', async () => {
    const reads = new DetailReads('Workday job details');
    await reads.detailOr({}, fail('server', 502));
    await reads.detailOr({}, fail('malformed'));
    let error: unknown;
    try {
      reads.assertSomeRead();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).message).toBe(
      `all 2 Workday job details failed; the last: ${URL}: malformed`,
    );
    expect(failureKind(error)).toBe('malformed');
    expect(() => new DetailReads('none').assertSomeRead()).not.toThrow();
  });
});

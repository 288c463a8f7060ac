import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { DomainError } from '@applydesk/domain';
import { createHttpClient } from '../http/create-http-client.js';
import { failureKind, httpFailure } from '../http/http-client.js';
import { failureOf, useReplayServer } from '../test-support/replay-server.js';
import {
  counted,
  expectShape,
  explainNotFound,
  getShaped,
  reportTest,
  withSignal,
} from './requests.js';

const Jobs = z.object({ jobs: z.array(z.unknown()) });
const server = useReplayServer();

describe('requests', () => {
  it('withSignal passes the run’s signal on only when there is one', () => {
    const signal = new AbortController().signal;
    expect(withSignal(signal)).toEqual({ signal });
    expect(withSignal(undefined)).toEqual({});
  });

  it('explainNotFound tells a 404 in the source’s words, keeping its details', () => {
    const missing = httpFailure('not_found', 'https://x.example/acme', 'was not found', {
      status: 404,
    });
    const told = explainNotFound(missing, 'no board "acme": check the token') as DomainError;
    expect(told.message).toBe('no board "acme": check the token');
    expect(told.details).toEqual(missing.details);
    expect(told.cause).toBe(missing);
    const other = httpFailure('server', 'https://x.example/acme', 'HTTP 500');
    expect(explainNotFound(other, 'x')).toBe(other);
  });

  it('expectShape reads a body, or fails as malformed naming what is missing', () => {
    expect(expectShape(Jobs, { jobs: [1] }, 'https://x.example/', 'without a jobs list')).toEqual({
      jobs: [1],
    });
    let error: unknown;
    try {
      expectShape(Jobs, { error: 'nope' }, 'https://x.example/', 'without a jobs list');
    } catch (e) {
      error = e;
    }
    expect(failureKind(error)).toBe('malformed');
    expect((error as DomainError).message).toMatch(
      /^https:\/\/x\.example\/ answered JSON without a jobs list: jobs: /,
    );
  });

  it('getShaped fetches and checks the shape; a 404 is explained when asked', async () => {
    const ctx = { http: createHttpClient() };
    server.route('/jobs', { body: '{"jobs": [1, 2]}' });
    const shaped = { schema: Jobs, what: 'without a jobs list', notFound: 'no such board' };
    expect(await getShaped(ctx, `${server.url}/jobs`, shaped)).toEqual({ jobs: [1, 2] });
    const gone = await failureOf(getShaped(ctx, `${server.url}/gone`, shaped));
    expect(failureKind(gone)).toBe('not_found');
    expect(gone.message).toBe('no such board');
    const bare = await failureOf(
      getShaped(ctx, `${server.url}/gone`, { ...shaped, notFound: undefined }),
    );
    expect(bare.message).toContain('was not found (HTTP 404)');
  });

  it('reportTest turns a failed check into ok: false with its message', async () => {
    await expect(reportTest(() => Promise.resolve({ ok: true, message: 'fine' }))).resolves.toEqual(
      {
        ok: true,
        message: 'fine',
      },
    );
    await expect(reportTest(() => Promise.reject(new Error('HTTP 503')))).resolves.toEqual({
      ok: false,
      message: 'HTTP 503',
    });
    await expect(
      reportTest(() => Promise.reject(new Error('odd', { cause: 1 }))),
    ).resolves.toMatchObject({ ok: false });
  });

  it('counted writes a count with its noun', () => {
    expect(counted(1, 'job')).toBe('1 job');
    expect(counted(3, 'listed job')).toBe('3 listed jobs');
    expect(counted(0, 'offer')).toBe('0 offers');
  });
});

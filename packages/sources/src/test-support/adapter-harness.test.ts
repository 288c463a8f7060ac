import { describe, expect, it } from 'vitest';
import { DomainError } from '@applydesk/domain';
import {
  attempt,
  collect,
  collectPages,
  drafted,
  expectOnlyRefused,
  failureOf,
  useReplayServer,
  withInvalidUtf8,
} from './replay-server.js';

async function* pages(fail?: Error): AsyncIterable<unknown[]> {
  for (const page of [[1, 2], [3]]) yield await Promise.resolve(page);
  if (fail !== undefined) throw fail;
}

const refusal = new DomainError('INVALID_INPUT', 'x posting 2: has no title');

describe('adapter harness', () => {
  const server = useReplayServer();

  it('collects a fetch joined or by page, keeping the pages read before a failure', async () => {
    expect(await collect(pages())).toEqual([1, 2, 3]);
    expect(await collectPages(pages())).toEqual([[1, 2], [3]]);
    const into: unknown[][] = [];
    const error = await failureOf(collectPages(pages(refusal), into));
    expect(error).toBe(refusal);
    expect(into).toEqual([[1, 2], [3]]);
  });

  it('failureOf wants a DomainError: success fails, other errors pass through', async () => {
    expect(await failureOf(pages(refusal))).toBe(refusal);
    await expect(failureOf(Promise.resolve(1))).rejects.toThrow('expected a failure');
    await expect(failureOf(Promise.reject(new TypeError('bug')))).rejects.toThrow(TypeError);
  });

  it('attempt returns the value or the DomainError; expectOnlyRefused checks the rest mapped', () => {
    const results = [1, 2, 3].map((n) =>
      attempt(() => {
        if (n === 2) throw refusal;
        return { title: `Job ${n}` } as never;
      }),
    );
    expect(drafted(results)).toHaveLength(2);
    expect(expectOnlyRefused(results, 1, 'posting 2', /title$/)).toBe(refusal);
    expect(() =>
      attempt(() => {
        throw new TypeError('bug');
      }),
    ).toThrow(TypeError);
  });

  it('useReplayServer stands for the server of the running test', async () => {
    server.route('/ping', { body: '{"ok":true}' });
    const res = await fetch(`${server.url}/ping`);
    expect(await res.json()).toEqual({ ok: true });
    expect(server.seen.map((r) => r.path)).toEqual(['/ping']);
  });

  it('withInvalidUtf8 puts the bytes right before the text', () => {
    const body = withInvalidUtf8('{"title":"Engineer"}', 'Engineer', [0xff]);
    expect(new TextDecoder().decode(body)).toBe('{"title":"\uFFFDEngineer"}');
  });
});

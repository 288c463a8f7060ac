import { describe, expect, it } from 'vitest';
import { ListingCache, type OrderedKeys } from './listing-cache.js';

function keys(n: number, prefix = 'j'): OrderedKeys {
  const ids = Array.from({ length: n }, (_, i) => `${prefix}${i}`);
  return { ids, sortValues: ids.map((_, i) => n - i) };
}

/** A loader that counts its calls. */
function loader(n: number, prefix?: string) {
  const calls = { count: 0 };
  const load = async () => {
    calls.count += 1;
    await Promise.resolve();
    return keys(n, prefix);
  };
  return { calls, load };
}

describe('ListingCache', () => {
  it('loads a listing once per data version', async () => {
    const cache = new ListingCache();
    const { calls, load } = loader(3);
    await cache.get('a', 'v1', load);
    const again = await cache.get('a', 'v1', load);
    expect(calls.count).toBe(1);
    expect(again.ids).toEqual(['j0', 'j1', 'j2']);
    await cache.get('a', 'v2', load);
    expect(calls.count).toBe(2);
  });

  it('shares one load between concurrent requests', async () => {
    const cache = new ListingCache();
    const { calls, load } = loader(5);
    const answers = await Promise.all(Array.from({ length: 8 }, () => cache.get('a', 'v1', load)));
    expect(calls.count).toBe(1);
    expect(new Set(answers.map((a) => a.ids)).size).toBe(1);
  });

  it('drops every listing of an older version once a newer one is seen', async () => {
    const cache = new ListingCache();
    await cache.get('a', 'v1', loader(4).load);
    await cache.get('b', 'v1', loader(6).load);
    expect(cache.size).toEqual({ entries: 2, keys: 10, rows: 0 });
    await cache.get('a', 'v2', loader(1).load);
    expect(cache.size).toEqual({ entries: 1, keys: 1, rows: 0 });
  });

  it('does not keep a load that finished after the data moved on', async () => {
    const cache = new ListingCache();
    let release: () => void = () => undefined;
    const slow = cache.get('a', 'v1', async () => {
      await new Promise<void>((resolve) => (release = resolve));
      return keys(2);
    });
    await cache.get('b', 'v2', loader(1).load);
    release();
    expect((await slow).ids).toEqual(['j0', 'j1']);
    expect(cache.size).toEqual({ entries: 1, keys: 1, rows: 0 });
  });

  it('evicts the least recently used listing past the entry and key budgets', async () => {
    const cache = new ListingCache({ entries: 2, keys: 10 });
    await cache.get('a', 'v', loader(3).load);
    await cache.get('b', 'v', loader(3).load);
    await cache.get('a', 'v', loader(3).load); // a is now the most recent
    await cache.get('c', 'v', loader(3).load);
    const probe = loader(3);
    await cache.get('a', 'v', probe.load);
    expect(probe.calls.count).toBe(0);
    await cache.get('b', 'v', probe.load);
    expect(probe.calls.count).toBe(1);

    const small = new ListingCache({ entries: 10, keys: 10 });
    await small.get('a', 'v', loader(6).load);
    await small.get('b', 'v', loader(6).load);
    expect(small.size).toEqual({ entries: 1, keys: 6, rows: 0 });
    // Larger than the whole budget: answered, not kept.
    expect((await small.get('huge', 'v', loader(11).load)).ids).toHaveLength(11);
    expect(small.size).toEqual({ entries: 1, keys: 6, rows: 0 });
  });

  it('finds positions and keeps rows frozen, up to a budget across listings', async () => {
    const cache = new ListingCache({ rows: 3 });
    const listing = await cache.get('a', 'v', loader(3000).load);
    expect(listing.position('j2999')).toBe(2999);
    expect(listing.position('nope')).toBeUndefined();
    const row = { id: 'j1', skills: ['TypeScript'] };
    listing.remember('j1', row);
    const held = (await cache.get('a', 'v', loader(1).load)).row('j1') as typeof row;
    expect(held).toBe(row);
    expect(Object.isFrozen(held.skills)).toBe(true);
    for (let i = 0; i < 10; i++) listing.remember(`j${i}`, { id: `j${i}` });
    expect(cache.size.rows).toBe(3);
    expect(listing.row('j2')).toBeDefined();
    expect(listing.row('j5')).toBeUndefined();
    // Another listing's rows wait until the first one's leave with it.
    const other = await cache.get('b', 'v', loader(5, 'k').load);
    other.remember('k0', { id: 'k0' });
    expect(other.row('k0')).toBeUndefined();
    await cache.get('a', 'v2', loader(1).load);
    expect(cache.size.rows).toBe(0);
    const fresh = await cache.get('b', 'v2', loader(5, 'k').load);
    fresh.remember('k0', { id: 'k0' });
    expect(fresh.row('k0')).toEqual({ id: 'k0' });
  });
});

import { describe, expect, it } from 'vitest';
import { ProviderLimiter, type Permit } from './limiter.js';

/** A clock moved by hand; sleeps wait until the test steps past them. */
function manualClock() {
  let t = 0;
  const sleeping: { until: number; wake: () => void }[] = [];
  return {
    now: () => t,
    sleeps: () => sleeping.map((s) => s.until - t),
    sleep: (ms: number) => new Promise<void>((wake) => sleeping.push({ until: t + ms, wake })),
    advance(ms: number) {
      t += ms;
      for (const s of sleeping.filter((x) => x.until <= t)) {
        sleeping.splice(sleeping.indexOf(s), 1);
        s.wake();
      }
    },
  };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('ProviderLimiter', () => {
  it('holds calls beyond the concurrency until a slot is released, first come first served', async () => {
    const clock = manualClock();
    const limiter = new ProviderLimiter({ concurrency: 1 }, clock.now, clock.sleep);
    const granted: string[] = [];
    const take = (name: string) =>
      limiter.acquire(1).then((permit) => {
        granted.push(name);
        return permit;
      });
    const a = take('a');
    const b = take('b');
    const c = take('c');
    await settle();
    expect(granted).toEqual(['a']);
    expect(limiter.waiting).toBe(2);
    (await a).release();
    await settle();
    expect(granted).toEqual(['a', 'b']);
    (await b).release();
    (await c).release();
    expect(granted).toEqual(['a', 'b', 'c']);
  });

  it('holds a call that would pass tokens a minute, and lets it go when reported usage frees room', async () => {
    const clock = manualClock();
    const limiter = new ProviderLimiter({ tpm: 1000 }, clock.now, clock.sleep);
    const first = await limiter.acquire(600);
    let second: Permit | undefined;
    void limiter.acquire(600).then((p) => (second = p));
    await settle();
    expect(second).toBeUndefined();
    expect(clock.sleeps()).toEqual([60_000]);
    // The first call used less than estimated: 300 + 600 fits.
    first.release(300);
    await settle();
    expect(second).toBeDefined();
  });

  it('a call larger than the whole token budget goes alone once the minute is clear', async () => {
    const clock = manualClock();
    const limiter = new ProviderLimiter({ tpm: 100 }, clock.now, clock.sleep);
    (await limiter.acquire(50)).release();
    let big: Permit | undefined;
    void limiter.acquire(5000).then((p) => (big = p));
    await settle();
    expect(big).toBeUndefined();
    clock.advance(60_000);
    await settle();
    expect(big).toBeDefined();
  });

  it('a caller that gives up while waiting leaves the line; the others keep their turn', async () => {
    const clock = manualClock();
    const limiter = new ProviderLimiter({ concurrency: 1 }, clock.now, clock.sleep);
    const first = await limiter.acquire(1);
    const controller = new AbortController();
    const gaveUp = limiter.acquire(1, controller.signal);
    let third: Permit | undefined;
    void limiter.acquire(1).then((p) => (third = p));
    controller.abort(new Error('stop'));
    await expect(gaveUp).rejects.toThrow('stop');
    expect(limiter.waiting).toBe(1);
    first.release();
    await settle();
    expect(third).toBeDefined();
  });

  it('counts a call in the minute from when it finished, so a late send cannot break the limit', async () => {
    const clock = manualClock();
    const limiter = new ProviderLimiter({ rpm: 1 }, clock.now, clock.sleep);
    const first = await limiter.acquire(1);
    clock.advance(30_000); // the call took 30 s (or its send was delayed)
    first.release();
    let second: Permit | undefined;
    void limiter.acquire(1).then((p) => (second = p));
    await settle();
    clock.advance(30_000); // a minute after the permit, but only 30 s after the call ended
    await settle();
    expect(second).toBeUndefined();
    clock.advance(30_000);
    await settle();
    expect(second).toBeDefined();
  });

  it('a cancelled permit stops counting: the next call goes at once', async () => {
    const clock = manualClock();
    const limiter = new ProviderLimiter({ rpm: 1 }, clock.now, clock.sleep);
    (await limiter.acquire(1)).cancel();
    let next: Permit | undefined;
    void limiter.acquire(1).then((p) => (next = p));
    await settle();
    expect(next).toBeDefined();
  });
});

/** A clock for tests: `sleep` records the wait and moves time on at once. */
export interface FakeClock {
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  /** Every wait asked for, in order. */
  sleeps: number[];
  advance(ms: number): void;
  /** Milliseconds since the clock started. */
  elapsed(): number;
}

export const CLOCK_START = Date.parse('2030-01-01T00:00:00.000Z');

export function fakeClock(start: number = CLOCK_START): FakeClock {
  let time = start;
  const sleeps: number[] = [];
  return {
    now: () => new Date(time),
    sleep: async (ms) => {
      sleeps.push(ms);
      time += ms;
      await Promise.resolve();
    },
    sleeps,
    advance: (ms) => {
      time += ms;
    },
    elapsed: () => time - start,
  };
}

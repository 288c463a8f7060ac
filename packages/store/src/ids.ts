import { randomBytes } from 'node:crypto';

/** Crockford base32: sorts in ASCII order, no I, L, O or U. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RANDOM_BYTES = 10; // 80 bits, 16 base32 characters

export type IdPrefix = 'job' | 'prf' | 'drf' | 'grp' | 'app' | 'evt' | 'run';

let lastTime = -1;
let lastRandom = new Uint8Array(RANDOM_BYTES);

function encodeTime(ms: number): string {
  let out = '';
  let rest = ms;
  for (let i = 0; i < 10; i++) {
    out = ALPHABET.charAt(rest % 32) + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

function encodeRandom(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET.charAt((buffer >> bits) & 31);
    }
    buffer &= (1 << bits) - 1;
  }
  return out;
}

/** Adds one to the random part; false when it wrapped around. */
function increment(bytes: Uint8Array): boolean {
  for (let i = bytes.length - 1; i >= 0; i--) {
    const next = (bytes[i] ?? 0) + 1;
    bytes[i] = next & 0xff;
    if (next <= 0xff) return true;
  }
  return false;
}

/**
 * A ULID-style id with a type prefix, e.g. `job_01J9Z3K6T8V0W5X2Y4Z6A8B0C2`: 48-bit milliseconds
 * then 80 random bits. Within one millisecond (or if the clock steps back) the random part is
 * incremented instead of redrawn, so ids from this process sort in creation order; the event
 * log relies on that for `afterId` polling.
 */
export function newId(prefix: IdPrefix): string {
  const now = Date.now();
  if (now > lastTime) {
    lastTime = now;
    lastRandom = new Uint8Array(randomBytes(RANDOM_BYTES));
  } else if (!increment(lastRandom)) {
    lastTime += 1;
    lastRandom = new Uint8Array(randomBytes(RANDOM_BYTES));
  }
  return `${prefix}_${encodeTime(lastTime)}${encodeRandom(lastRandom)}`;
}

/** An id for drafts written side by side, to be compared and picked from. */
export function newCandidateGroup(): string {
  return newId('grp');
}

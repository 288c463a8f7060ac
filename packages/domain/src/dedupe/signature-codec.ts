/**
 * Signatures as compact text for storage: a version tag, then the slots as little-endian
 * unsigned 32-bit integers in base64 (128 slots: 688 characters). Written by hand rather
 * than with Node's Buffer or btoa, so it runs the same in Node and the browser (TextDecoder,
 * which both have, only turns the finished ASCII codes into a string).
 *
 * The tag names how the slots were made, since signatures compare only with their own kind:
 * "mh2:" is one-permutation MinHash with optimal densification (MinHasher). "mh1:" (128
 * universal hash functions) and any other tag decode to null, and the posting is signed anew.
 */

const PREFIX = 'mh2:';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const CODES = Uint8Array.from(ALPHABET, (char) => char.charCodeAt(0));
const PAD = 61; // '='
/** Base64 is ASCII: each byte one character. */
const ASCII = new TextDecoder('latin1');
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

/** Character codes of the text being written, kept between calls and grown as needed. */
let codes = new Uint8Array(1024);

/**
 * Base64 of the bytes, written as character codes into one buffer and decoded into a string
 * once: appending four characters at a time built ~18 KB of intermediate strings a signature.
 */
function toBase64(bytes: Uint8Array): string {
  const length = Math.ceil(bytes.length / 3) * 4;
  if (codes.length < length) codes = new Uint8Array(length * 2);
  let at = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    codes[at++] = CODES[n >>> 18]!;
    codes[at++] = CODES[(n >>> 12) & 63]!;
    codes[at++] = CODES[(n >>> 6) & 63]!;
    codes[at++] = CODES[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = (bytes[i]! << 16) | (rest === 2 ? bytes[i + 1]! << 8 : 0);
    codes[at++] = CODES[n >>> 18]!;
    codes[at++] = CODES[(n >>> 12) & 63]!;
    codes[at++] = rest === 2 ? CODES[(n >>> 6) & 63]! : PAD;
    codes[at++] = PAD;
  }
  return ASCII.decode(codes.subarray(0, at));
}

function fromBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let at = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    for (let j = 0; j < 4; j++) {
      const code = text.charCodeAt(i + j);
      const value = code === 61 && i + j >= text.length - padding ? 0 : (DECODE[code] ?? -1);
      if (value < 0) return null;
      n = (n << 6) | value;
    }
    if (at < bytes.length) bytes[at++] = (n >>> 16) & 255;
    if (at < bytes.length) bytes[at++] = (n >>> 8) & 255;
    if (at < bytes.length) bytes[at++] = n & 255;
  }
  return bytes;
}

/** A signature as storable text ("mh2:" + base64 of its slots, little-endian). */
export function encodeSignature(signature: Uint32Array): string {
  const bytes = new Uint8Array(signature.length * 4);
  for (let i = 0; i < signature.length; i++) {
    const value = signature[i]!;
    bytes[i * 4] = value & 255;
    bytes[i * 4 + 1] = (value >>> 8) & 255;
    bytes[i * 4 + 2] = (value >>> 16) & 255;
    bytes[i * 4 + 3] = (value >>> 24) & 255;
  }
  return PREFIX + toBase64(bytes);
}

/**
 * The signature encodeSignature wrote, or null for text that is not one (another version such
 * as "mh1:", a corrupt value, or — when `permutations` is given — a signature of another
 * length): a caller then recomputes it from the posting rather than compare signatures that
 * do not compare.
 */
export function decodeSignature(text: string, permutations?: number): Uint32Array | null {
  if (!text.startsWith(PREFIX)) return null;
  const bytes = fromBase64(text.slice(PREFIX.length));
  if (bytes === null || bytes.length === 0 || bytes.length % 4 !== 0) return null;
  const signature = new Uint32Array(bytes.length / 4);
  if (permutations !== undefined && signature.length !== permutations) return null;
  for (let i = 0; i < signature.length; i++) {
    signature[i] =
      (bytes[i * 4]! |
        (bytes[i * 4 + 1]! << 8) |
        (bytes[i * 4 + 2]! << 16) |
        (bytes[i * 4 + 3]! << 24)) >>>
      0;
  }
  return signature;
}

/**
 * FNV-1a 64-bit over UTF-16 code units, as 16 hex digits: the same value as hash.ts's
 * fnv1a64, computed on four 16-bit limbs in plain numbers instead of BigInt (about a
 * hundred times faster, which matters for contentHash on every ingested posting).
 */
export function fnv1a64Fast(text: string): string {
  // Offset basis 0xcbf29ce484222325, lowest limb first.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let i = 0; i < text.length; i++) {
    h0 ^= text.charCodeAt(i);
    // h * 0x100000001b3 mod 2^64 = h * 0x1b3 + (h << 40)
    const t0 = h0 * 0x1b3;
    let t1 = h1 * 0x1b3;
    let t2 = h2 * 0x1b3 + (h0 << 8);
    const t3 = h3 * 0x1b3 + (h1 << 8);
    t1 += t0 >>> 16;
    h0 = t0 & 0xffff;
    t2 += t1 >>> 16;
    h1 = t1 & 0xffff;
    h3 = (t3 + (t2 >>> 16)) & 0xffff;
    h2 = t2 & 0xffff;
  }
  return hex4(h3) + hex4(h2) + hex4(h1) + hex4(h0);
}

function hex4(limb: number): string {
  return limb.toString(16).padStart(4, '0');
}

/**
 * fnv1a64Fast(JSON.stringify(value)) without writing the JSON text: the hash is fed as the
 * text is walked, so a posting's content hash costs one pass over its strings instead of
 * two and a copy. Plain objects, arrays, strings, finite numbers, booleans and null are
 * walked; anything else (a toJSON method, a class instance, a value JSON.stringify would
 * refuse) goes through JSON.stringify itself, so the result is always the same.
 */
export function fnv1a64Json(value: unknown): string {
  const hasher = new JsonFnv();
  return hasher.value(value, 0) ? hasher.hex() : fnv1a64Fast(JSON.stringify(value));
}

/** Deeper than this is left to JSON.stringify (which also reports a cycle as it should). */
const MAX_DEPTH = 64;

class JsonFnv {
  // Offset basis 0xcbf29ce484222325, lowest limb first.
  private h0 = 0x2325;
  private h1 = 0x8422;
  private h2 = 0x9ce4;
  private h3 = 0xcbf2;

  hex(): string {
    return hex4(this.h3) + hex4(this.h2) + hex4(this.h1) + hex4(this.h0);
  }

  /** Feeds one UTF-16 code unit, as fnv1a64Fast does. */
  private unit(code: number): void {
    let h0 = this.h0 ^ code;
    const t0 = h0 * 0x1b3;
    let t1 = this.h1 * 0x1b3;
    let t2 = this.h2 * 0x1b3 + (h0 << 8);
    const t3 = this.h3 * 0x1b3 + (this.h1 << 8);
    t1 += t0 >>> 16;
    h0 = t0 & 0xffff;
    t2 += t1 >>> 16;
    this.h1 = t1 & 0xffff;
    this.h3 = (t3 + (t2 >>> 16)) & 0xffff;
    this.h2 = t2 & 0xffff;
    this.h0 = h0;
  }

  private raw(text: string): void {
    for (let i = 0; i < text.length; i++) this.unit(text.charCodeAt(i));
  }

  /** A string as JSON.stringify quotes it (well-formed: lone surrogates escaped). */
  private string(text: string): void {
    this.unit(34);
    const n = text.length;
    let i = 0;
    while (i < n) {
      // The common run of characters JSON writes as they are, hashed in local limbs.
      let h0 = this.h0;
      let h1 = this.h1;
      let h2 = this.h2;
      let h3 = this.h3;
      for (; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c < 0x20 || c === 34 || c === 92 || (c >= 0xd800 && c <= 0xdfff)) break;
        h0 ^= c;
        const t0 = h0 * 0x1b3;
        let t1 = h1 * 0x1b3;
        let t2 = h2 * 0x1b3 + (h0 << 8);
        const t3 = h3 * 0x1b3 + (h1 << 8);
        t1 += t0 >>> 16;
        h0 = t0 & 0xffff;
        t2 += t1 >>> 16;
        h1 = t1 & 0xffff;
        h3 = (t3 + (t2 >>> 16)) & 0xffff;
        h2 = t2 & 0xffff;
      }
      this.h0 = h0;
      this.h1 = h1;
      this.h2 = h2;
      this.h3 = h3;
      if (i < n) i = this.escaped(text, i);
    }
    this.unit(34);
  }

  /** Feeds the character at `i` as JSON writes it; returns the index after it. */
  private escaped(text: string, i: number): number {
    const c = text.charCodeAt(i);
    if (c === 34 || c === 92) {
      this.unit(92);
      this.unit(c);
    } else if (c < 0x20) {
      const short = SHORT_ESCAPES[c];
      if (short === undefined) this.raw(`\\u${c.toString(16).padStart(4, '0')}`);
      else {
        this.unit(92);
        this.unit(short);
      }
    } else {
      const d = c <= 0xdbff && i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        // A surrogate pair: written as it is.
        this.unit(c);
        this.unit(d);
        return i + 2;
      }
      this.raw(`\\u${c.toString(16)}`);
    }
    return i + 1;
  }

  /** Feeds the JSON of a value; false when it is not one this walk handles. */
  value(value: unknown, depth: number): boolean {
    if (value === null) {
      this.raw('null');
      return true;
    }
    switch (typeof value) {
      case 'string':
        this.string(value);
        return true;
      case 'number':
        this.raw(Number.isFinite(value) ? String(value) : 'null');
        return true;
      case 'boolean':
        this.raw(value ? 'true' : 'false');
        return true;
      case 'object':
        break;
      default:
        return false;
    }
    if (depth >= MAX_DEPTH) return false;
    if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
    if (Array.isArray(value)) {
      this.unit(91);
      for (let i = 0; i < value.length; i++) {
        if (i > 0) this.unit(44);
        const item: unknown = value[i];
        // JSON writes undefined, a function or a symbol in an array as null.
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol')
          this.raw('null');
        else if (!this.value(item, depth + 1)) return false;
      }
      this.unit(93);
      return true;
    }
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return false;
    this.unit(123);
    let first = true;
    for (const key of Object.keys(value)) {
      const item: unknown = (value as Record<string, unknown>)[key];
      // JSON leaves out properties whose value is undefined, a function or a symbol.
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
      if (!first) this.unit(44);
      first = false;
      this.string(key);
      this.unit(58);
      if (!this.value(item, depth + 1)) return false;
    }
    this.unit(125);
    return true;
  }
}

/** JSON's two-character escapes of control characters: \b \t \n \f \r. */
const SHORT_ESCAPES: Readonly<Record<number, number>> = {
  8: 98,
  9: 116,
  10: 110,
  12: 102,
  13: 114,
};

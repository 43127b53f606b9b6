// Counter-based randomness for the benchmark city: row i of a table draws from a generator seeded
// by (seed, table, i) alone, so any row can be regenerated on its own (an alert's events, the
// alert a rectification names) without keeping earlier rows, and the same seed always gives the
// same bytes. Ids come from a bijection of the row number, so they never collide within a table.

/** MurmurHash3's 32-bit finaliser: a bijection on 32-bit integers with good avalanche. */
export function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit key from a string (FNV-1a then the finaliser): the salt of one table or stream. */
export function keyOf(text: string, seed: number): number {
  let h = 0x811c9dc5 ^ fmix32(seed);
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return fmix32(h);
}

/** Mulberry32 over a re-seedable state: one instance is reused for every row of a table. */
export class Rng {
  private a = 0;

  constructor(private readonly key: number) {}

  /** Positions the generator at row `i` of its stream. */
  at(i: number): this {
    this.a = fmix32(Math.imul(i + 1, 0x9e3779b1) ^ this.key);
    return this;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.a = (this.a + 0x6d2b79f5) >>> 0;
    let t = this.a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Integer in [lo, hi], both inclusive. */
  between(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with median 1: the skew of "some branches far more active than others". */
  lognormal(sigma: number): number {
    return Math.exp(sigma * this.normal());
  }
}

/** Items with weights, picked by one uniform draw (binary search over the cumulative weights). */
export class Weighted<T> {
  private readonly cdf: Float64Array;

  constructor(
    readonly items: readonly T[],
    weight: (item: T, index: number) => number,
  ) {
    this.cdf = new Float64Array(items.length);
    let total = 0;
    items.forEach((item, i) => {
      total += weight(item, i);
      this.cdf[i] = total;
    });
    if (!(total > 0)) throw new Error('Weighted: the weights add up to nothing');
    for (let i = 0; i < this.cdf.length; i += 1) this.cdf[i] = (this.cdf[i] as number) / total;
  }

  /** The index a uniform draw `r` in [0, 1) falls on. */
  indexOf(r: number): number {
    let lo = 0;
    let hi = this.cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cdf[mid] as number) > r) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  pick(rng: Rng): T {
    return this.items[this.indexOf(rng.next())] as T;
  }

  /** The share of the total weight held by items [from, to). */
  share(from: number, to: number): number {
    const before = from === 0 ? 0 : (this.cdf[from - 1] as number);
    return (to === 0 ? 0 : (this.cdf[to - 1] as number)) - before;
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex32(w: number): string {
  return `${HEX[w >>> 24]}${HEX[(w >>> 16) & 255]}${HEX[(w >>> 8) & 255]}${HEX[w & 255]}`;
}

/**
 * A version-4-shaped UUID for row `i` of the table keyed `key`: the first 32 bits are a bijection
 * of i (unique in the table for any i < 2^32), the rest hash them with the key.
 */
export function uuidOf(key: number, i: number): string {
  const w0 = fmix32((i ^ key) >>> 0);
  const b = hex32(fmix32(w0 ^ key));
  const c = hex32(((fmix32(w0 + 0x27d4eb2f) & 0x3fffffff) | 0x80000000) >>> 0);
  const d = hex32(fmix32(w0 ^ 0x165667b1 ^ key));
  return `${hex32(w0)}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${c.slice(0, 4)}-${c.slice(4)}${d}`;
}

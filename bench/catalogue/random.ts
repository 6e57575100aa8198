/**
 * Seeded randomness for the catalogue fixture. Each method gets its own generator, seeded from the
 * global seed and the method name, so a method's spec is the same whichever subset is converted.
 */

/** FNV-1a, 32 bits: a small stable string hash. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: returns floats in [0, 1). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function methodRng(seed: number, method: string): () => number {
  return rng(hash32(`${seed}:${method}`));
}

/** `count` names picked without replacement, in sorted order (a seeded, stable sample). */
export function sample(names: readonly string[], count: number, seed: number): string[] {
  const keyed = names.map((n) => [hash32(`${seed}#${n}`), n] as const);
  keyed.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1));
  return keyed
    .slice(0, count)
    .map(([, n]) => n)
    .sort();
}

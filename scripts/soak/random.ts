/** The soak's randomness, from one seed so that a run that found a fault can be run again the same way. */

export interface Random {
  /** A number in [0, 1), like `Math.random`. */
  next(): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** A whole number in [min, max]. */
  between(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

/** mulberry32: small, fast and well spread; plenty for choosing clicks and faults. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const between = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    chance: (p) => next() < p,
    between,
    pick: (items) => {
      if (items.length === 0) throw new Error('nothing to pick from');
      return items[between(0, items.length - 1)]!;
    },
  };
}

/**
 * mulberry32 (Tommy Ettinger): a small, fast, seedable PRNG, uniform in [0, 1). The analytics demo history, the
 * synthetic series of tests and benchmarks and generated test cases use it so that every run sees the same numbers.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The median of the finite values (NaN when there are none): how paired, per-round ratios are summarized. */
export function median(values: number[]): number {
  const sorted = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Label values that clients choose (operation names), bounded so that a hostile client cannot grow the series
 * without limit: the first `limit` distinct values are kept, every later one becomes "other".
 */
export class BoundedLabelValues {
  private readonly seen = new Set<string>();

  constructor(private readonly limit: number) {}

  value(raw: string): string {
    if (this.seen.has(raw)) return raw;
    if (this.seen.size >= this.limit) return 'other';
    this.seen.add(raw);
    return raw;
  }
}

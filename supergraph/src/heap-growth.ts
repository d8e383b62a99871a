import { setFlagsFromString } from 'node:v8';

/** Default of GATEWAY_HEAP_GROWTH_PERCENT: collect once the heap has doubled since the last full collection. */
export const DEFAULT_HEAP_GROWTH_PERCENT = 100;

/**
 * How far the JavaScript heap may grow beyond what the last full collection kept before the next one starts, as Go's
 * GOGC: 100 collects at twice the live size. V8's own policy lets it grow up to 4x while collections look cheap, and
 * under load most of the gateway's peak RSS was such garbage: on bench:federation's TestQuery (50 connections) peak
 * RSS 294-309 MB -> 197-218 MB in every mode, gateway CPU per query unchanged within noise (paired runs, per-pair
 * ratios: no dedup 0.90-1.19, median 1.0; inbound 0.89-0.95). A process-wide V8 setting, read at every collection,
 * so it applies from the call on. 0 keeps V8's policy.
 */
export function limitHeapGrowth(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}

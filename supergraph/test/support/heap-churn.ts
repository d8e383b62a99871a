/**
 * Test child: limitHeapGrowth(argv[2]), then a gateway-like heap (a live set, and garbage that lives long enough to
 * be promoted, as the data of queries in flight does); prints the largest total heap size seen, in MB.
 */
import { getHeapStatistics } from 'node:v8';
import { limitHeapGrowth } from '../../src/heap-growth.js';

limitHeapGrowth(Number(process.argv[2]));
const live = Array.from({ length: 200 }, () => Array.from({ length: 5_000 }, (_, i) => ({ i })));
const inFlight: object[][] = [];
let peak = 0;
for (let n = 0; n < 3_000; n++) {
  inFlight.push(Array.from({ length: 5_000 }, (_, i) => ({ i, n })));
  if (inFlight.length > 100) inFlight.shift();
  peak = Math.max(peak, getHeapStatistics().total_heap_size);
}
process.stdout.write(JSON.stringify({ peakMb: peak / 2 ** 20, live: live.length }));

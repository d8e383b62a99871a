/**
 * The placeOrder benchmark's clients, run in a worker thread so that generating the load does not take CPU from
 * the event loop that serves it (as a separate load generator would). One message in, one result out. They speak
 * HTTP through undici's request API: fetch would cost the load generator more CPU on the same two cores.
 */
import { parentPort } from 'node:worker_threads';
import { request } from 'undici';

export interface LoadJob {
  gatewayUrl: string;
  kind: 'baseline' | 'placeOrder';
  /** placeOrder: request i orders one unit of productIds[i % length]. */
  productIds: string[];
  tokens: string[];
  concurrency: number;
  seconds: number;
  /** Stop after this many requests even before the time is up. */
  limit: number;
  keyPrefix: string;
}

export interface LoadResult {
  perSecond: number;
  ok: number;
  out_of_stock: number;
  error: number;
  p50ms: string | undefined;
  p99ms: string | undefined;
}

const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id } errors { code } } }`;

async function graphqlRequest(url: string, query: string, variables?: Record<string, unknown>, token?: string): Promise<{ data?: any; errors?: unknown[] }> {
  const response = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.body.json()) as { data?: any; errors?: unknown[] };
}

async function requestOnce(job: LoadJob, i: number): Promise<'ok' | 'out_of_stock' | 'error'> {
  if (job.kind === 'baseline') return (await graphqlRequest(job.gatewayUrl, '{ categories { id } }')).errors ? 'error' : 'ok';
  const input = { lines: [{ productId: job.productIds[i % job.productIds.length]!, quantity: 1 }], idempotencyKey: `${job.keyPrefix}-${i}` };
  const res = await graphqlRequest(job.gatewayUrl, PLACE, { input }, job.tokens[i % job.tokens.length]);
  if (res.errors || !res.data) return 'error';
  if (res.data.placeOrder.order) return 'ok';
  return res.data.placeOrder.errors.some((e: { code: string }) => e.code === 'OUT_OF_STOCK') ? 'out_of_stock' : 'error';
}

/** Runs the job from `concurrency` clients for `seconds` (or `limit` requests); counts and latency percentiles. */
async function run(job: LoadJob): Promise<LoadResult> {
  const latencies: number[] = [];
  const counts = { ok: 0, out_of_stock: 0, error: 0 };
  const started = performance.now();
  const deadline = started + job.seconds * 1000;
  let issued = 0;
  await Promise.all(
    Array.from({ length: job.concurrency }, async () => {
      while (performance.now() < deadline && issued < job.limit) {
        const i = issued++;
        const t0 = performance.now();
        counts[await requestOnce(job, i).catch(() => 'error' as const)] += 1;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]?.toFixed(1);
  const total = counts.ok + counts.out_of_stock + counts.error;
  return { perSecond: total / elapsed, ...counts, p50ms: pct(50), p99ms: pct(99) };
}

parentPort?.on('message', (job: LoadJob) => {
  void run(job).then((result) => parentPort!.postMessage(result));
});

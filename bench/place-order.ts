/**
 * placeOrder throughput through the gateway on real PostgreSQL, over distinct products and on one hot product,
 * and payment capture latency. Reports numbers (and a ratio against a baseline query run side by side); asserts
 * nothing. Run: npm run bench:checkout [-- --seconds 15 --concurrency 32 --warmup 3 --topology one-process|processes --services all|core --profile DIR --tracing on|off]
 * --services core runs only users, products, inventory, orders and payments (the platform before the kernel
 * redesign): the workload bench/support/checkout-compare.ts compares with baseline commit bd642bc.
 * --tracing on exports every span over OTLP to a stand-in collector in its own process (support/tracing-mode.ts);
 * off clears OTEL_*; without it the OTEL_* variables decide, as for npm start. The report says which.
 * The clients run in a worker thread; besides throughput it reports the CPU ms the serving side (Node and PostgreSQL)
 * spent per request, which other load on the machine barely moves.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import postgres from 'postgres';
import { createTokenIssuer, generateKeyPairPem } from '@shop/auth';
import { demo } from '@shop/demo-store';
import { instrumentDrizzleQueries, startTracing } from '@shop/observability';
import { graphqlRequest, startPostgresServer } from '@shop/testing';
import type { LoadJob, LoadResult } from './support/checkout-load.js';
import { CORE_SERVICES, platformAsProcesses, platformInOneProcess } from './support/checkout-platform.js';
import { childrenOf, parentOf, startCpuReading } from './support/cpu-meter.js';
import { setUpTracing } from './support/tracing-mode.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '32' },
    topology: { type: 'string', default: 'one-process' },
    profile: { type: 'string' },
    tracing: { type: 'string' },
    services: { type: 'string', default: 'all' },
  },
});
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);

// Traced as npm start is when the OTEL_* variables ask for it (e.g. OTEL_EXPORTER_OTLP_ENDPOINT), to measure its cost.
const tracingMode = await setUpTracing(values.tracing);
const tracing = await startTracing({ serviceName: 'artesanias' });
if (tracing) await instrumentDrizzleQueries();
const pg = await startPostgresServer();
const keys = await generateKeyPairPem();
const issuer = await createTokenIssuer(keys.privateKeyPem, keys.publicKeyPem);
if (values.services !== 'all' && values.services !== 'core') throw new Error(`--services must be all or core, not ${values.services}`);
const services = values.services === 'core' ? CORE_SERVICES : undefined;
const platform = values.topology === 'processes' ? await platformAsProcesses(pg.url, keys, services) : await platformInOneProcess(pg.url, keys, services);
const inventory = postgres(platform.inventoryDbUrl, { max: 2, onnotice: () => {} });
const [session] = await inventory<{ backend: number }[]>`select pg_backend_pid() as backend`;
const postmaster = parentOf(session!.backend);
// The serving side: this process's main thread (not the load worker) or the service processes, and PostgreSQL.
const nodeCpu = () => (values.topology === 'processes' ? childrenOf(process.pid).map(String) : [`${process.pid}/task/${process.pid}`]);
const postgresCpu = () => [postmaster, ...childrenOf(postmaster)].map(String);
const tokens = await Promise.all(Array.from({ length: 500 }, () => issuer.issue({ id: randomUUID(), roles: ['CUSTOMER'] })));

const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id } errors { code } } }`;
const loadWorker = new Worker(new URL('./support/checkout-load-worker.mjs', import.meta.url));
let phase = 0;

/** One load phase, driven from the worker thread; this thread only serves (and, with --profile, is profiled). */
async function load(name: string, kind: LoadJob['kind'], productIds: string[] = [], limit = Infinity, runSeconds = seconds) {
  const profiler = values.profile ? await startProfiler() : undefined;
  const job: LoadJob = { gatewayUrl: platform.gatewayUrl, kind, productIds, tokens, concurrency, seconds: runSeconds, limit, keyPrefix: `bench-${phase++}` };
  const cpu = { node: startCpuReading(nodeCpu), postgres: startCpuReading(postgresCpu) };
  const result = await new Promise<LoadResult>((resolve) => {
    loadWorker.once('message', resolve);
    loadWorker.postMessage(job);
  });
  const requests = result.ok + result.out_of_stock + result.error;
  const [nodeMs, postgresMs] = [cpu.node() / requests, cpu.postgres() / requests];
  const servingCpuMsPerRequest = (nodeMs + postgresMs).toFixed(2);
  const ofWhichPostgres = postgresMs.toFixed(2);
  await profiler?.(`${values.profile}/${name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}.cpuprofile`);
  return { name, ...result, servingCpuMsPerRequest, ofWhichPostgres };
}

/** --profile DIR: a CPU profile of this process for each load phase alone (with --topology one-process, the whole platform). */
async function startProfiler() {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async (file: string) => {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  };
}

await inventory`update stock_levels set on_hand = 1000000, reserved = 0`;
// What the platform spends with no request at all (pollers, schedulers, relays): every phase's CPU per request
// includes its share, which dominates when a loaded machine serves only a few requests per second.
const idle = { node: startCpuReading(nodeCpu), postgres: startCpuReading(postgresCpu) };
await new Promise((resolve) => setTimeout(resolve, 3_000));
const idlePerSecond = { node: idle.node() / 3, postgres: idle.postgres() / 3 };
// Warm-up, not reported: JIT, connection pools, prepared statements and the verified-token caches.
await load('warm-up', 'baseline', [], Infinity, Number(values.warmup));
await load('warm-up', 'placeOrder', demo.products.map((p) => p.id), Infinity, Number(values.warmup));
const baseline = await load('baseline: { categories { id } } via gateway', 'baseline');
const distinct = await load('placeOrder, 70 distinct products', 'placeOrder', demo.products.map((p) => p.id));
const hot = await load('placeOrder, one hot product', 'placeOrder', [demo.products[0]!.id]);

// Oversell check on a hot product with 500 units and 1,500 buyers.
const scarce = demo.products[1]!;
await inventory`update stock_levels set on_hand = case when warehouse_id = ${demo.warehouses[0]!.id} then 300 else 200 end, reserved = 0 where product_id = ${scarce.id}`;
const contended = await load('placeOrder, 500 units, 1,500 buyers', 'placeOrder', [scarce.id], 1500);
const [scarceStock] = await inventory<{ onHand: number; reserved: number }[]>`select sum(on_hand)::int as "onHand", sum(reserved)::int as reserved from stock_levels where product_id = ${scarce.id}`;

// Payment capture latency: payOrder answered -> payment CAPTURED event on the bus.
const captured = new Map<string, number>();
await platform.bus.broadcast(['payment.status_changed'], async (event) => {
  if ((event.payload as { status: string }).status === 'CAPTURED') captured.set((event.payload as { orderId: string }).orderId, performance.now());
});
const captureLatencies: number[] = [];
for (let i = 0; i < 20; i++) {
  const token = tokens[i]!;
  const placed = await graphqlRequest(platform.gatewayUrl, PLACE, { input: { lines: [{ productId: demo.products[5]!.id, quantity: 1 }], idempotencyKey: `pay-${i}` } }, token);
  const orderId = placed.data?.placeOrder.order?.id as string | undefined;
  if (!orderId) {
    console.warn(`placing order ${i} for the capture run failed: ${JSON.stringify(placed)}`);
    continue;
  }
  const paid = await graphqlRequest(platform.gatewayUrl, `mutation($input: PayOrderInput!) { payOrder(input: $input) { payment { id } errors { code } } }`, { input: { orderId, method: 'CARD', card: { number: '4242424242424242', expMonth: 12, expYear: 2030, cvc: '123' }, idempotencyKey: `pay-${i}` } }, token);
  const answeredAt = performance.now();
  if (!paid.data?.payOrder.payment) continue;
  while (!captured.has(orderId) && performance.now() - answeredAt < 10_000) await new Promise((r) => setTimeout(r, 5));
  if (captured.has(orderId)) captureLatencies.push(captured.get(orderId)! - answeredAt);
}
captureLatencies.sort((a, b) => a - b);

console.log(`\nplaceOrder benchmark: ${seconds}s per run, ${concurrency} concurrent clients, ${platform.description}, PostgreSQL 15, ${(await import('node:os')).cpus().length} cores, Node ${process.version}`);
console.log(tracingMode.description);
console.log(`idle, no requests: ${idlePerSecond.node.toFixed(0)} ms/s of Node and ${idlePerSecond.postgres.toFixed(0)} ms/s of PostgreSQL CPU (part of every phase's CPU per request)`);
console.table([baseline, distinct, hot, contended].map((r) => ({ ...r, perSecond: r.perSecond.toFixed(1), ratioToBaseline: (r.perSecond / baseline.perSecond).toFixed(3) })));
console.log(`oversold on the 500-unit product: ${Math.max(0, scarceStock!.reserved - scarceStock!.onHand)} (reserved ${scarceStock!.reserved} of ${scarceStock!.onHand}; ${contended.ok} orders placed)`);
console.log(`payment capture latency (payOrder answered -> CAPTURED event), ${captureLatencies.length} payments, PAYMENT_PROVIDER_LATENCY_MS default: p50 ${captureLatencies[Math.floor(captureLatencies.length / 2)]?.toFixed(0)} ms, max ${captureLatencies.at(-1)?.toFixed(0)} ms`);

const exported = await tracingMode.exported();
if (exported) console.log(`spans exported to the stand-in collector: ${exported.requests} OTLP requests, ${(exported.bytes / 1024 / 1024).toFixed(1)} MiB`);
await loadWorker.terminate();
await platform.stop();
await inventory.end();
await pg.stop();
await tracing?.shutdown();
await tracingMode.stop();
process.exit(0);

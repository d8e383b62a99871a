/**
 * placeOrder throughput through the gateway on real PostgreSQL, over distinct products and on one hot product,
 * and payment capture latency. Reports numbers (and a ratio against a baseline query run side by side); asserts
 * nothing. Run: npm run bench:checkout [-- --seconds 15 --concurrency 32]
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { createTokenIssuer, generateKeyPairPem } from '@shop/auth';
import { demo } from '@shop/demo-store';
import { freePort, graphqlRequest, startPostgresServer } from '@shop/testing';
import { startPlatform } from '../supergraph/src/platform.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '15' }, concurrency: { type: 'string', default: '32' } } });
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);

const pg = await startPostgresServer();
const keys = await generateKeyPairPem();
const issuer = await createTokenIssuer(keys.privateKeyPem, keys.publicKeyPem);
const ports = await Promise.all(Array.from({ length: 6 }, () => freePort()));
const base = new URL(pg.url);
base.pathname = '/bench';
const platform = await startPlatform({
  dataDir: '/nonexistent',
  databaseUrl: base.toString(),
  gatewayPort: ports[0]!,
  subgraphPorts: { users: ports[1]!, products: ports[2]!, inventory: ports[3]!, orders: ports[4]!, payments: ports[5]! },
  keys,
  development: false,
});
const inventoryDb = new URL(pg.url);
inventoryDb.pathname = '/bench_inventory';
const inventory = postgres(inventoryDb.toString(), { max: 2, onnotice: () => {} });
const tokens = await Promise.all(Array.from({ length: 500 }, () => issuer.issue({ id: randomUUID(), roles: ['CUSTOMER'] })));

const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id } errors { code } } }`;
let sequence = 0;

/** Runs `request` from `concurrency` workers for `seconds`; returns counts and latency percentiles. */
async function load(name: string, request: (i: number) => Promise<'ok' | 'out_of_stock' | 'error'>, limit = Infinity) {
  const latencies: number[] = [];
  const counts = { ok: 0, out_of_stock: 0, error: 0 };
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let issued = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline && issued < limit) {
        const i = issued++;
        const t0 = performance.now();
        counts[await request(i).catch(() => 'error' as const)] += 1;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]?.toFixed(1);
  const total = counts.ok + counts.out_of_stock + counts.error;
  return { name, perSecond: total / elapsed, ...counts, p50ms: pct(50), p99ms: pct(99) };
}

async function placeOne(productId: string, i: number) {
  const res = await graphqlRequest(platform.gatewayUrl, PLACE, { input: { lines: [{ productId, quantity: 1 }], idempotencyKey: `bench-${sequence++}` } }, tokens[i % tokens.length]);
  if (res.errors || !res.data) return 'error' as const;
  if (res.data.placeOrder.order) return 'ok' as const;
  return res.data.placeOrder.errors.some((e: { code: string }) => e.code === 'OUT_OF_STOCK') ? ('out_of_stock' as const) : ('error' as const);
}

await inventory`update stock_levels set on_hand = 1000000, reserved = 0`;
const baseline = await load('baseline: { categories { id } } via gateway', async () => ((await graphqlRequest(platform.gatewayUrl, '{ categories { id } }')).errors ? 'error' : 'ok'));
const distinct = await load('placeOrder, 70 distinct products', (i) => placeOne(demo.products[i % demo.products.length]!.id, i));
const hot = await load('placeOrder, one hot product', (i) => placeOne(demo.products[0]!.id, i));

// Oversell check on a hot product with 500 units and 1,500 buyers.
const scarce = demo.products[1]!;
await inventory`update stock_levels set on_hand = case when warehouse_id = ${demo.warehouses[0]!.id} then 300 else 200 end, reserved = 0 where product_id = ${scarce.id}`;
const contended = await load('placeOrder, 500 units, 1,500 buyers', (i) => placeOne(scarce.id, i), 1500);
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
  const orderId = placed.data.placeOrder.order.id as string;
  const paid = await graphqlRequest(platform.gatewayUrl, `mutation($input: PayOrderInput!) { payOrder(input: $input) { payment { id } errors { code } } }`, { input: { orderId, method: 'CARD', card: { number: '4242424242424242', expMonth: 12, expYear: 2030, cvc: '123' }, idempotencyKey: `pay-${i}` } }, token);
  const answeredAt = performance.now();
  if (!paid.data?.payOrder.payment) continue;
  while (!captured.has(orderId) && performance.now() - answeredAt < 10_000) await new Promise((r) => setTimeout(r, 5));
  if (captured.has(orderId)) captureLatencies.push(captured.get(orderId)! - answeredAt);
}
captureLatencies.sort((a, b) => a - b);

console.log(`\nplaceOrder benchmark: ${seconds}s per run, ${concurrency} concurrent clients, one process (gateway + 5 subgraphs), PostgreSQL 15, ${(await import('node:os')).cpus().length} cores`);
console.table([baseline, distinct, hot, contended].map((r) => ({ ...r, perSecond: r.perSecond.toFixed(1), ratioToBaseline: (r.perSecond / baseline.perSecond).toFixed(3) })));
console.log(`oversold on the 500-unit product: ${Math.max(0, scarceStock!.reserved - scarceStock!.onHand)} (reserved ${scarceStock!.reserved} of ${scarceStock!.onHand}; ${contended.ok} orders placed)`);
console.log(`payment capture latency (payOrder answered -> CAPTURED event), ${captureLatencies.length} payments, PAYMENT_PROVIDER_LATENCY_MS default: p50 ${captureLatencies[Math.floor(captureLatencies.length / 2)]?.toFixed(0)} ms, max ${captureLatencies.at(-1)?.toFixed(0)} ms`);

await platform.stop();
await inventory.end();
await pg.stop();
process.exit(0);

/**
 * Subscription fan-out benchmark: N graphql-ws subscribers (default 10,000) to stockChanged for one product on ONE
 * gateway process, with a selection that needs a second subgraph (name, price from catalog) on every event.
 *
 * Processes: the subgraphs and their event bus (support/fanout-subgraphs.ts), the gateway alone
 * (support/fanout-gateway.ts, so its RSS and CPU time are the gateway's), the clients split over
 * --client-processes children (support/fanout-clients.ts), and this one, which coordinates and computes latencies.
 * Latency is from the moment the stock subgraph's bus publishes (the commit) to the client's receipt, on the
 * shared wall clock (performance.timeOrigin + now()).
 *
 * The first --warmup-events (reported as `warmup`, not part of `steady`) run the gateway's cold code.
 * BENCH_PROFILE_DIR / BENCH_CLIENT_PROFILE_DIR write CPU profiles of the gateway / the client processes.
 *
 *   npx tsx bench/subscriptions-fanout.ts [--subscribers 10000] [--events 50] [--rate 10] [--warmup-events 3] [--burst 200] [--churn-minutes 0] [--client-processes 2] [--tracing on|off]
 *
 * --tracing on traces the gateway with every span exported over OTLP to a stand-in collector (support/tracing-mode.ts),
 * off clears OTEL_*, and without it the OTEL_* variables decide; the report's first line says which.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FromClients, ToClients } from './support/fanout-clients.js';
import { setUpTracing } from './support/tracing-mode.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SUBSCRIBERS = arg('subscribers', 10_000);
const EVENTS = arg('events', 50);
const WARMUP_EVENTS = arg('warmup-events', 3);
const RATE = arg('rate', 10);
const BURST = arg('burst', 200);
const CHURN_MINUTES = arg('churn-minutes', 0);
const CLIENT_PROCESSES = arg('client-processes', 2);
const BATCH = 250;
const tracingArg = process.argv.indexOf('--tracing');
// Before any child starts: they inherit the OTEL_* variables it sets.
const tracingMode = await setUpTracing(tracingArg > 0 ? process.argv[tracingArg + 1] : undefined);
console.log(`subscription fan-out benchmark, Node ${process.version}; gateway ${tracingMode.description}`);

const QUERY = `subscription Stock($ids: [ID!]) { stockChanged(productIds: $ids) { id available name price { amount } } }`;
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

function child(script: string, execArgv: string[] = []): ChildProcess {
  return fork(fileURLToPath(new URL(script, import.meta.url)), [], {
    execArgv: ['--import', 'tsx', ...execArgv],
    env: { ...process.env, LOG_LEVEL: 'warn' },
  });
}

function nextMessage<T>(proc: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve) => {
    const listener = (message: { type: string }) => {
      if (message.type !== type) return;
      proc.off('message', listener);
      resolve(message as T);
    };
    proc.on('message', listener);
  });
}

interface GatewayStats {
  rss: number;
  heapUsed: number;
  /** process.cpuUsage() of the gateway, microseconds: its work, less sensitive to a loaded machine than latency. */
  cpu: { user: number; system: number };
  subscriptions: { clients: number; selectionGroups: number; upstreamSubscriptions: number; upstreamConnections: number; droppedEvents: number };
}

// ---- start the processes
const subgraphs = child('./support/fanout-subgraphs.ts');
const ready = await nextMessage<{ supergraphSdl: string; subgraphUrls: Record<string, string>; publicKeyPem: string; productId: string }>(subgraphs, 'ready');
const gatewayProc = child('./support/fanout-gateway.ts', ['--expose-gc', ...(process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [])]);
gatewayProc.send({ type: 'start', supergraphSdl: ready.supergraphSdl, subgraphUrls: ready.subgraphUrls, publicKeyPem: ready.publicKeyPem });
const { url } = await nextMessage<{ url: string }>(gatewayProc, 'ready');
const wsUrl = url.replace('http', 'ws');

const gatewayStats = async (gc = false): Promise<GatewayStats> => {
  const reply = nextMessage<GatewayStats>(gatewayProc, 'stats');
  gatewayProc.send({ type: 'stats', gc });
  return reply;
};

const publishedAt = new Map<number, number>();
subgraphs.on('message', (m: { type: string; seq: number; at: number }) => {
  if (m.type === 'published') publishedAt.set(m.seq, m.at);
});
let seq = 0;
const publish = () => subgraphs.send({ type: 'publish', seq: ++seq });

// ---- clients, spread over CLIENT_PROCESSES children: receipts[seq] = receipt times
const receipts = new Map<number, number[]>();
let wrongDeliveries = 0;
let clientErrors = 0;
const closedByGateway: Record<number, number> = {};
const clientProfile = process.env.BENCH_CLIENT_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CLIENT_PROFILE_DIR}`] : [];
const clientProcs = Array.from({ length: CLIENT_PROCESSES }, () => child('./support/fanout-clients.ts', clientProfile));
for (const proc of clientProcs) {
  proc.on('message', (m: FromClients) => {
    if (m.type !== 'receipts') return;
    wrongDeliveries += m.wrong;
    clientErrors += m.errors;
    for (const [code, n] of Object.entries(m.closedByGateway)) closedByGateway[Number(code)] = (closedByGateway[Number(code)] ?? 0) + n;
    for (const [s, times] of Object.entries(m.receipts)) {
      let list = receipts.get(Number(s));
      if (!list) receipts.set(Number(s), (list = []));
      for (const at of times) list.push(at);
    }
  });
  proc.send({ type: 'open', url: wsUrl, query: QUERY, variables: { ids: [ready.productId] }, productId: ready.productId } satisfies ToClients);
}
/** Sends `count` of something to the children, split as evenly as it goes. */
const spread = (type: 'add' | 'replace', count: number) =>
  clientProcs.forEach((proc, i) => {
    const share = Math.floor(count / clientProcs.length) + (i < count % clientProcs.length ? 1 : 0);
    if (share > 0) proc.send({ type, count: share } satisfies ToClients);
  });
/** Waits until every child has reported what it received so far. */
const flushClients = () => Promise.all(clientProcs.map((proc) => (proc.send({ type: 'flush' } satisfies ToClients), nextMessage(proc, 'flushed'))));
/** Resolves with the gateway's client count once it is `count`, or whatever it is at the deadline. */
async function untilClients(count: number, timeoutMs = Infinity): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const stats = await gatewayStats();
    if (stats.subscriptions.clients === count || Date.now() > deadline) return stats.subscriptions.clients;
    await sleep(50);
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
function latencies(from: number, to: number) {
  const values: number[] = [];
  for (let s = from; s <= to; s++) {
    const published = publishedAt.get(s);
    if (published === undefined) continue;
    for (const at of receipts.get(s) ?? []) values.push(at - published);
  }
  values.sort((a, b) => a - b);
  return { deliveries: values.length, p50: +percentile(values, 50).toFixed(1), p99: +percentile(values, 99).toFixed(1), max: +(values.at(-1) ?? NaN).toFixed(1) };
}
/** Each event's own p99 (its 10,000 deliveries), summarized over the events: shows whether a few events make the tail. */
function perEventP99(from: number, to: number) {
  const p99s: number[] = [];
  for (let s = from; s <= to; s++) if (receipts.get(s)?.length) p99s.push(latencies(s, s).p99);
  p99s.sort((a, b) => a - b);
  return { min: p99s[0], median: percentile(p99s, 50), max: p99s.at(-1) };
}
const delivered = (s: number) => receipts.get(s)?.length ?? 0;
async function untilDelivered(s: number, count: number, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (delivered(s) < count && Date.now() < deadline) await sleep(5);
}

// ---- run
const report: Record<string, unknown> = { subscribers: SUBSCRIBERS, tracing: tracingMode.description };
const idle = await gatewayStats(true);
report.rssIdleMB = mb(idle.rss);

let opened = 0;
const t0 = Date.now();
while (opened < SUBSCRIBERS) {
  const n = Math.min(BATCH, SUBSCRIBERS - opened);
  spread('add', n);
  opened += n;
  await untilClients(opened);
}
report.subscribeSeconds = (Date.now() - t0) / 1000;
const subscribed = await gatewayStats(true);
report.rssSubscribedMB = mb(subscribed.rss);
report.gatewayAfterSubscribe = subscribed.subscriptions;
console.log(`subscribed ${SUBSCRIBERS} in ${report.subscribeSeconds}s; gateway RSS idle ${report.rssIdleMB} MB -> ${report.rssSubscribedMB} MB`, subscribed.subscriptions);

/** Publishes `count` events at RATE and waits until every subscriber has reported the last; returns the first's seq. */
async function publishAtRate(count: number): Promise<number> {
  const first = seq + 1;
  for (let i = 0; i < count; i++) {
    publish();
    await sleep(1000 / RATE);
  }
  await untilDelivered(seq, SUBSCRIBERS);
  await sleep(200);
  await flushClients();
  return first;
}

// Warm-up, reported apart: the gateway's first events run cold code (JIT, the first entity fetch opens its connection).
if (WARMUP_EVENTS > 0) {
  const firstWarmup = await publishAtRate(WARMUP_EVENTS);
  report.warmup = { events: WARMUP_EVENTS, ...latencies(firstWarmup, seq), perEventP99: perEventP99(firstWarmup, seq) };
  console.log('warm-up (not in steady)', report.warmup);
}

// Latency at a steady rate.
const cpuBefore = (await gatewayStats()).cpu;
const firstSteady = await publishAtRate(EVENTS);
const cpuAfter = (await gatewayStats()).cpu;
const gatewayCpuMsPerEvent = {
  user: +((cpuAfter.user - cpuBefore.user) / 1000 / EVENTS).toFixed(1),
  system: +((cpuAfter.system - cpuBefore.system) / 1000 / EVENTS).toFixed(1),
};
report.steady = {
  events: EVENTS,
  ratePerSecond: RATE,
  ...latencies(firstSteady, seq),
  perEventP99: perEventP99(firstSteady, seq),
  expectedDeliveries: EVENTS * SUBSCRIBERS,
  gatewayCpuMsPerEvent,
};
console.log('steady', report.steady);

// Throughput: a burst as fast as the bus takes it; events/s = events fully fanned out to every subscriber per second.
const firstBurst = seq + 1;
const burstCpuBefore = (await gatewayStats()).cpu;
const burstStart = now();
for (let i = 0; i < BURST; i++) publish();
await untilDelivered(firstBurst + BURST - 1, SUBSCRIBERS, 120_000);
const burstSeconds = (now() - burstStart) / 1000;
await flushClients();
const burstCpuAfter = (await gatewayStats()).cpu;
let burstDeliveries = 0;
for (let s = firstBurst; s <= seq; s++) burstDeliveries += delivered(s);
const afterBurst = await gatewayStats(true);
report.burst = {
  events: BURST,
  seconds: +burstSeconds.toFixed(2),
  eventsPerSecond: Math.round(BURST / burstSeconds),
  deliveriesPerSecond: Math.round(burstDeliveries / burstSeconds),
  droppedForSlowClients: afterBurst.subscriptions.droppedEvents,
  gatewayCpuMsPerEvent: +((burstCpuAfter.user + burstCpuAfter.system - burstCpuBefore.user - burstCpuBefore.system) / 1000 / BURST).toFixed(1),
  ...latencies(firstBurst, seq),
};
report.rssAfterBurstMB = mb(afterBurst.rss);
console.log('burst', report.burst, `RSS ${report.rssAfterBurstMB} MB`);

// Churn: every second 2% of the subscribers leave and as many arrive, while events flow; RSS sampled after GC.
if (CHURN_MINUTES > 0) {
  const samples: { second: number; rssMB: number; heapMB: number; clients: number }[] = [];
  const churnStart = Date.now();
  const perSecond = Math.max(1, Math.floor(SUBSCRIBERS / 50));
  let replaced = 0;
  let tick = 0;
  while (Date.now() - churnStart < CHURN_MINUTES * 60_000) {
    spread('replace', perSecond);
    replaced += perSecond;
    publish();
    await sleep(1000);
    if (++tick % 10 === 0) {
      const s = await gatewayStats(true);
      samples.push({ second: Math.round((Date.now() - churnStart) / 1000), rssMB: mb(s.rss), heapMB: mb(s.heapUsed), clients: s.subscriptions.clients });
      console.log('churn', samples.at(-1));
    }
  }
  // A client the gateway closed (see closedByGateway) is not replaced: the count shows it rather than the bench hanging.
  const clientsAfterChurn = await untilClients(SUBSCRIBERS, 30_000);
  const end = await gatewayStats(true);
  report.churn = { minutes: CHURN_MINUTES, replacedSubscribers: replaced, clientsAfterChurn, samples, endStats: end.subscriptions, rssEndMB: mb(end.rss), heapEndMB: mb(end.heapUsed) };
}

// Everyone leaves: the gateway must let go of everything upstream.
for (const proc of clientProcs) proc.send({ type: 'close-all' } satisfies ToClients);
await untilClients(0);
await flushClients();
// Every `next` was checked by the clients (its subscription id, the product, no errors): none may be wrong.
report.wrongDeliveries = wrongDeliveries;
report.clientErrors = clientErrors;
report.closedByGateway = closedByGateway;
// Closing the upstream socket is a close handshake with the subgraph: give it a few seconds on a loaded machine.
const releaseDeadline = Date.now() + 5000;
await sleep(500);
while ((await gatewayStats()).subscriptions.upstreamConnections > 0 && Date.now() < releaseDeadline) await sleep(100);
const released = await gatewayStats(true);
report.afterAllLeft = { ...released.subscriptions, rssMB: mb(released.rss) };
console.log('all left', report.afterAllLeft);
console.log(JSON.stringify(report, null, 2));

for (const proc of clientProcs) proc.kill();
gatewayProc.send({ type: 'stop' });
await tracingMode.stop();
subgraphs.send({ type: 'stop' });
await sleep(500);
process.exit(0);

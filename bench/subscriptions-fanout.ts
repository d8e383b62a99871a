/**
 * Subscription fan-out benchmark: N graphql-ws subscribers (default 10,000) to stockChanged for one product on ONE
 * gateway process, with a selection that needs a second subgraph (name, price from catalog) on every event.
 *
 * Three processes: the subgraphs and their event bus (support/fanout-subgraphs.ts), the gateway alone
 * (support/fanout-gateway.ts, so its RSS is the gateway's), and this one holding the clients.
 * Latency is from the moment the stock subgraph's bus publishes (the commit) to the client's receipt, on the
 * shared wall clock (performance.timeOrigin + now()).
 *
 *   npx tsx bench/subscriptions-fanout.ts [--subscribers 10000] [--events 50] [--rate 10] [--burst 200] [--churn-minutes 0]
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SUBSCRIBERS = arg('subscribers', 10_000);
const EVENTS = arg('events', 50);
const RATE = arg('rate', 10);
const BURST = arg('burst', 200);
const CHURN_MINUTES = arg('churn-minutes', 0);
const BATCH = 250;

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

// ---- clients: receipts[seq] = receipt times
const receipts = new Map<number, number[]>();
interface Subscriber {
  client: Client;
  stop: () => void;
}
function subscribe(): Subscriber {
  const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true, onNonLazyError: () => undefined });
  const stop = client.subscribe(
    { query: QUERY, variables: { ids: [ready.productId] } },
    {
      next: (result) => {
        const at = now();
        const n = (result.data as { stockChanged: { available: number } } | undefined)?.stockChanged.available;
        if (n === undefined) return;
        let list = receipts.get(n);
        if (!list) receipts.set(n, (list = []));
        list.push(at);
      },
      error: () => undefined,
      complete: () => undefined,
    },
  );
  return { client, stop };
}
async function untilClients(count: number): Promise<void> {
  for (;;) {
    const stats = await gatewayStats();
    if (stats.subscriptions.clients === count) return;
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
const delivered = (s: number) => receipts.get(s)?.length ?? 0;
async function untilDelivered(s: number, count: number, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (delivered(s) < count && Date.now() < deadline) await sleep(5);
}

// ---- run
const report: Record<string, unknown> = { subscribers: SUBSCRIBERS };
const idle = await gatewayStats(true);
report.rssIdleMB = mb(idle.rss);

const subscribers: Subscriber[] = [];
const t0 = Date.now();
while (subscribers.length < SUBSCRIBERS) {
  const n = Math.min(BATCH, SUBSCRIBERS - subscribers.length);
  for (let i = 0; i < n; i++) subscribers.push(subscribe());
  await untilClients(subscribers.length);
}
report.subscribeSeconds = (Date.now() - t0) / 1000;
const subscribed = await gatewayStats(true);
report.rssSubscribedMB = mb(subscribed.rss);
report.gatewayAfterSubscribe = subscribed.subscriptions;
console.log(`subscribed ${SUBSCRIBERS} in ${report.subscribeSeconds}s; gateway RSS idle ${report.rssIdleMB} MB -> ${report.rssSubscribedMB} MB`, subscribed.subscriptions);

// Latency at a steady rate.
const firstSteady = seq + 1;
for (let i = 0; i < EVENTS; i++) {
  publish();
  await sleep(1000 / RATE);
}
await untilDelivered(seq, SUBSCRIBERS);
await sleep(200);
report.steady = { events: EVENTS, ratePerSecond: RATE, ...latencies(firstSteady, seq), expectedDeliveries: EVENTS * SUBSCRIBERS };
console.log('steady', report.steady);

// Throughput: a burst as fast as the bus takes it; events/s = events fully fanned out to every subscriber per second.
const firstBurst = seq + 1;
const burstStart = now();
for (let i = 0; i < BURST; i++) publish();
await untilDelivered(firstBurst + BURST - 1, SUBSCRIBERS, 120_000);
const burstSeconds = (now() - burstStart) / 1000;
let burstDeliveries = 0;
for (let s = firstBurst; s <= seq; s++) burstDeliveries += delivered(s);
const afterBurst = await gatewayStats(true);
report.burst = {
  events: BURST,
  seconds: +burstSeconds.toFixed(2),
  eventsPerSecond: Math.round(BURST / burstSeconds),
  deliveriesPerSecond: Math.round(burstDeliveries / burstSeconds),
  droppedForSlowClients: afterBurst.subscriptions.droppedEvents,
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
    for (let i = 0; i < perSecond; i++) {
      const index = Math.floor(Math.random() * subscribers.length);
      const leaving = subscribers[index]!;
      leaving.stop();
      void Promise.resolve(leaving.client.dispose()).catch(() => undefined);
      subscribers[index] = subscribe();
    }
    replaced += perSecond;
    publish();
    await sleep(1000);
    if (++tick % 10 === 0) {
      const s = await gatewayStats(true);
      samples.push({ second: Math.round((Date.now() - churnStart) / 1000), rssMB: mb(s.rss), heapMB: mb(s.heapUsed), clients: s.subscriptions.clients });
      console.log('churn', samples.at(-1));
    }
  }
  await untilClients(SUBSCRIBERS);
  const end = await gatewayStats(true);
  report.churn = { minutes: CHURN_MINUTES, replacedSubscribers: replaced, samples, endStats: end.subscriptions, rssEndMB: mb(end.rss), heapEndMB: mb(end.heapUsed) };
}

// Everyone leaves: the gateway must let go of everything upstream.
for (const s of subscribers) {
  s.stop();
  void Promise.resolve(s.client.dispose()).catch(() => undefined);
}
await untilClients(0);
await sleep(500);
const released = await gatewayStats(true);
report.afterAllLeft = { ...released.subscriptions, rssMB: mb(released.rss) };
console.log('all left', report.afterAllLeft);
console.log(JSON.stringify(report, null, 2));

gatewayProc.send({ type: 'stop' });
subgraphs.send({ type: 'stop' });
await sleep(500);
process.exit(0);

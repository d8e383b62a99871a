/**
 * bench:fanout — subscription fan-out, this platform's gateway against Hive Gateway, side by side in one run.
 *
 * N graphql-ws subscribers (default 10,000; graphql-ws's createClient over `ws`, one socket each, spread over
 * --client-processes children) watch stockChanged for ONE product, with a selection that needs a second subgraph
 * (name and price from catalog) on every event; the stock subgraph publishes a change every --interval-ms (1 s).
 * The subgraphs are the gateway tests' four (supergraph/test/subscriptions.fixtures.ts) in a process of their own;
 * each gateway serves the same supergraph from the same subgraphs, one gateway at a time.
 *
 * Pinning (the issue's rule): the gateway under test on core 1 (taskset), subgraphs and clients on core 0.
 * Measured per gateway, over the steady events only (the warm-up events that also prove every client is subscribed
 * are apart): latency from the subgraph's publish to each client's receipt (shared wall clock), p50/p99/max; deliveries
 * against events x subscribers (every event must reach every client); gateway CPU (utime+stime of its process tree
 * from /proc) per delivered event; peak RSS (VmHWM, summed over the tree). Writes bench/results/fanout.md.
 *
 *   npm run bench:fanout [-- --gateways ours,hive] [--subscribers 10000] [--events 30] [--interval-ms 1000] [--client-processes 4]
 *
 * Hive Gateway comes from bench/peers (installed with `npm ci --prefix bench/peers` when missing). Ours runs as
 * support/fanout-gateway.ts (startGateway, the code `npm run gateway` runs).
 */
import { execFileSync, fork, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FromWsClients, ToWsClients } from './support/fanout-ws-clients.js';

// Every subscriber is a socket in the gateway and in a client process: raise the open-files limit (to the hard limit,
// or beyond it as root) by running this script again under a shell that raised it; children inherit it.
const subscribersArg = process.argv.indexOf('--subscribers');
const NEEDED_FILES = (subscribersArg > 0 ? Number(process.argv[subscribersArg + 1]) : 10_000) + 4096;
if (!process.env.BENCH_FANOUT_RAISED_FILES && Number(execFileSync('sh', ['-c', 'ulimit -n']).toString().trim()) < NEEDED_FILES) {
  const raise = `ulimit -n ${NEEDED_FILES} 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "$@"`;
  const rerun = spawnSync('sh', ['-c', raise, 'sh', process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, BENCH_FANOUT_RAISED_FILES: '1' },
  });
  process.exit(rerun.status ?? 1);
}

const argOf = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const num = (name: string, fallback: number) => Number(argOf(name) ?? fallback);
const SUBSCRIBERS = num('subscribers', 10_000);
const EVENTS = num('events', 30);
const INTERVAL_MS = num('interval-ms', 1000);
const CLIENT_PROCESSES = num('client-processes', 4);
const CLIENT_SOCKET = (argOf('client-socket') ?? 'ws') as 'ws' | 'lean';
const GATEWAYS = (argOf('gateways') ?? 'ours,hive').split(',') as GatewayName[];
const RESULTS = argOf('results') ?? fileURLToPath(new URL('./results/fanout.md', import.meta.url));
/** Connections opened per client process between checks that they are acknowledged. */
const CONNECT_BATCH = 250;

type GatewayName = 'ours' | 'hive';
const QUERY = `subscription Stock($ids: [ID!]) { stockChanged(productIds: $ids) { id available name price { amount } } }`;
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PEERS = join(ROOT, 'bench/peers');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const CORES = cpus().length;
/** Gateway on the last core, everything else on the others (one core machines share it). */
const GATEWAY_CORE = String(CORES - 1);
const LOAD_CORES = CORES > 1 ? `0-${CORES - 2}` : '0';

function pin(pid: number, cores: string): void {
  try {
    execFileSync('taskset', ['-a', '-pc', cores, String(pid)], { stdio: 'ignore' });
  } catch {
    // taskset missing: the numbers are still taken, only less isolated; the report's header says so.
    pinning = 'not pinned (taskset unavailable)';
  }
}
let pinning = `gateway on core ${GATEWAY_CORE}, subgraphs and clients on ${LOAD_CORES} (taskset)`;

function forkTs(script: string, execArgv: string[] = []): ChildProcess {
  return fork(fileURLToPath(new URL(script, import.meta.url)), [], {
    execArgv: ['--import', 'tsx', ...execArgv],
    env: { ...process.env, LOG_LEVEL: 'warn', OTEL_SDK_DISABLED: 'true' },
  });
}

function nextMessage<T>(proc: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const listener = (message: { type: string }) => {
      if (message.type !== type) return;
      proc.off('message', listener);
      proc.off('exit', onExit);
      resolve(message as T);
    };
    const onExit = (code: number | null) => reject(new Error(`child exited (${code}) before '${type}'`));
    proc.on('message', listener);
    proc.once('exit', onExit);
  });
}

// ---- /proc accounting over a process tree (Hive Gateway may run workers)
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      (children.get(ppid) ?? children.set(ppid, []).get(ppid)!).push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...(children.get(all[i]!) ?? []));
  return all;
}
/** CPU milliseconds (user + system) the tree has used so far. */
function treeCpuMs(pid: number): number {
  let ticks = 0;
  for (const p of descendants(pid)) {
    try {
      const fields = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone meanwhile
    }
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}
function treeMemoryMB(pid: number): { rss: number; peak: number } {
  let rss = 0;
  let peak = 0;
  for (const p of descendants(pid)) {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      rss += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peak += Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      // gone meanwhile
    }
  }
  return { rss: Math.round(rss / 1024), peak: Math.round(peak / 1024) };
}

// ---- subgraphs (one process for the whole run)
const subgraphs = forkTs('./support/fanout-subgraphs.ts');
const ready = await nextMessage<{ supergraphSdl: string; subgraphUrls: Record<string, string>; publicKeyPem: string; productId: string }>(subgraphs, 'ready');
pin(subgraphs.pid!, LOAD_CORES);
const publishedAt = new Map<number, number>();
subgraphs.on('message', (m: { type: string; seq: number; at: number }) => {
  if (m.type === 'published') publishedAt.set(m.seq, m.at);
});
let seq = 0;
const publish = () => subgraphs.send({ type: 'publish', seq: ++seq });
const workDir = mkdtempSync(join(tmpdir(), 'bench-fanout-'));
const supergraphFile = join(workDir, 'supergraph.graphql');
writeFileSync(supergraphFile, ready.supergraphSdl);

// ---- the gateways
interface RunningGateway {
  name: string;
  version: string;
  pid: number;
  wsUrl: string;
  stop(): Promise<void>;
}

async function untilListening(url: string, proc: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`gateway exited (${proc.exitCode}) before it listened`);
    try {
      await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{__typename}"}' });
      return;
    } catch {
      await sleep(200);
    }
  }
  throw new Error(`gateway did not listen at ${url} within ${timeoutMs} ms`);
}

const versionOf = (packageJson: string) => (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;

async function startOurs(): Promise<RunningGateway> {
  const proc = forkTs('./support/fanout-gateway.ts', process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : []);
  pin(proc.pid!, GATEWAY_CORE);
  proc.send({ type: 'start', supergraphSdl: ready.supergraphSdl, subgraphUrls: ready.subgraphUrls, publicKeyPem: ready.publicKeyPem });
  const { url } = await nextMessage<{ url: string }>(proc, 'ready');
  return {
    name: 'this platform (supergraph/src/subscriptions)',
    version: `at ${execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim()}`,
    pid: proc.pid!,
    wsUrl: url.replace(/^http/, 'ws'),
    async stop() {
      proc.send({ type: 'stop' });
      await new Promise((resolve) => proc.once('exit', resolve));
    },
  };
}

async function startHive(): Promise<RunningGateway> {
  const bin = join(PEERS, 'node_modules/@graphql-hive/gateway/dist/bin.js');
  if (!existsSync(bin)) {
    console.log('installing bench/peers (npm ci --prefix bench/peers)…');
    execFileSync('npm', ['ci', '--prefix', PEERS, '--no-audit', '--no-fund'], { stdio: 'inherit' });
  }
  // Its CLI reads gateway.config.* from the working directory: upstream subscriptions over graphql-ws at the subgraph's
  // own URL (the HTTP default has no subscription transport for these subgraphs).
  const configDir = mkdtempSync(join(workDir, 'hive-'));
  writeFileSync(
    join(configDir, 'gateway.config.mjs'),
    `export const gatewayConfig = { logging: 'warn', transportEntries: { '*': { options: { subscriptions: { kind: 'ws', location: '/graphql' } } } } };\n`,
  );
  const port = 4400 + Math.floor(Math.random() * 500);
  const proc = spawn('taskset', ['-c', GATEWAY_CORE, process.execPath, bin, 'supergraph', supergraphFile, '--port', String(port), '--host', '127.0.0.1', '--fork', '1'], {
    cwd: configDir,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  await untilListening(url, proc);
  return {
    name: 'Hive Gateway',
    version: versionOf(join(PEERS, 'node_modules/@graphql-hive/gateway/package.json')),
    pid: proc.pid!,
    wsUrl: url.replace(/^http/, 'ws'),
    async stop() {
      proc.kill('SIGTERM');
      await new Promise((resolve) => (proc.exitCode !== null ? resolve(null) : proc.once('exit', resolve)));
    },
  };
}

// ---- one gateway's run
interface Row {
  gateway: string;
  version: string;
  subscribers: number;
  subscribeSeconds: number;
  events: number;
  delivered: number;
  expected: number;
  p50: number;
  p99: number;
  max: number;
  cpuMsPerEvent: number;
  cpuUsPerDelivery: number;
  /** The subgraphs' and clients' CPU per event: near INTERVAL_MS per core means the load side, not the gateway, sets the latency. */
  loadCpuMsPerEvent: number;
  rssSubscribedMB: number;
  peakRssMB: number;
  wrong: number;
  errors: number;
  firstError?: string;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function measure(gateway: RunningGateway): Promise<Row> {
  const receipts = new Map<number, number[]>();
  let wrong = 0;
  let errors = 0;
  let firstError: string | undefined;
  const connected = new Map<ChildProcess, number>();
  const procs = Array.from({ length: CLIENT_PROCESSES }, () => forkTs('./support/fanout-ws-clients.ts'));
  for (const proc of procs) {
    pin(proc.pid!, LOAD_CORES);
    proc.on('message', (m: FromWsClients) => {
      if (m.type !== 'receipts') return;
      wrong += m.wrong;
      errors += m.errors;
      firstError ??= m.firstError;
      connected.set(proc, m.connected);
      for (const [s, times] of Object.entries(m.receipts)) {
        let list = receipts.get(Number(s));
        if (!list) receipts.set(Number(s), (list = []));
        for (const at of times) list.push(at);
      }
    });
    proc.send({ type: 'open', url: gateway.wsUrl, query: QUERY, variables: { ids: [ready.productId] }, productId: ready.productId, socket: CLIENT_SOCKET } satisfies ToWsClients);
  }
  const totalConnected = () => [...connected.values()].reduce((a, b) => a + b, 0);
  const flush = () => Promise.all(procs.map((proc) => (proc.send({ type: 'flush' } satisfies ToWsClients), nextMessage(proc, 'flushed'))));
  const delivered = (s: number) => receipts.get(s)?.length ?? 0;
  const deliveredTotal = () => {
    let total = 0;
    for (const times of receipts.values()) total += times.length;
    return total;
  };
  /** Waits until event `s` reached every subscriber, or nothing more arrived for stallMs; returns how many it reached. */
  const untilDelivered = async (s: number, stallMs: number) => {
    let progress = deliveredTotal();
    let lastProgressAt = Date.now();
    while (delivered(s) < SUBSCRIBERS && Date.now() - lastProgressAt < stallMs) {
      await sleep(20);
      const now = deliveredTotal();
      if (now !== progress) [progress, lastProgressAt] = [now, Date.now()];
    }
    return delivered(s);
  };

  // Connect in batches, each acknowledged (connection_ack) before the next, as a crowd arriving.
  const t0 = Date.now();
  let opened = 0;
  while (opened < SUBSCRIBERS) {
    const n = Math.min(CONNECT_BATCH * procs.length, SUBSCRIBERS - opened);
    procs.forEach((proc, i) => {
      const share = Math.floor(n / procs.length) + (i < n % procs.length ? 1 : 0);
      if (share > 0) proc.send({ type: 'add', count: share } satisfies ToWsClients);
    });
    opened += n;
    const deadline = Date.now() + 60_000;
    while (totalConnected() + errors < opened && Date.now() < deadline) await sleep(20);
  }
  // A subscribe has no acknowledgement in the protocol: warm-up events are published until one reaches every client.
  let warmups = 0;
  for (;;) {
    publish();
    warmups++;
    if ((await untilDelivered(seq, 3000)) >= SUBSCRIBERS) break;
    // A gateway that cannot get every client an event within 3 minutes is measured as it is: the shortfall shows in the deliveries.
    if (Date.now() - t0 > 180_000) {
      console.log(`${gateway.name}: only ${delivered(seq)} of ${SUBSCRIBERS} clients received a warm-up event after 3 minutes (${errors} errors: ${firstError}); measuring anyway`);
      break;
    }
  }
  const subscribeSeconds = (Date.now() - t0) / 1000;
  await sleep(INTERVAL_MS);
  const rssSubscribedMB = treeMemoryMB(gateway.pid).rss;
  console.log(`${gateway.name}: ${SUBSCRIBERS} subscribed and receiving after ${subscribeSeconds}s (${warmups} warm-up events), RSS ${rssSubscribedMB} MB`);

  // Steady: one change every INTERVAL_MS.
  const loadCpu = () => [subgraphs, ...procs].reduce((sum, proc) => sum + treeCpuMs(proc.pid!), 0);
  const cpuBefore = treeCpuMs(gateway.pid);
  const loadCpuBefore = loadCpu();
  const first = seq + 1;
  for (let i = 0; i < EVENTS; i++) {
    publish();
    await sleep(INTERVAL_MS);
  }
  const last = seq;
  // A gateway that falls behind delivers late: its backlog is waited for (and shows in the latency) while it progresses.
  await untilDelivered(last, 10_000);
  await sleep(200);
  await flush();
  const cpuMs = treeCpuMs(gateway.pid) - cpuBefore;
  const loadCpuMs = loadCpu() - loadCpuBefore;
  const values: number[] = [];
  for (let s = first; s <= last; s++) {
    const published = publishedAt.get(s);
    for (const at of receipts.get(s) ?? []) if (published !== undefined) values.push(at - published);
  }
  values.sort((a, b) => a - b);
  const memory = treeMemoryMB(gateway.pid);

  for (const proc of procs) proc.send({ type: 'close-all' } satisfies ToWsClients);
  await sleep(2000);
  for (const proc of procs) proc.kill();
  const row: Row = {
    gateway: gateway.name,
    version: gateway.version,
    subscribers: SUBSCRIBERS,
    subscribeSeconds,
    events: EVENTS,
    delivered: values.length,
    expected: EVENTS * SUBSCRIBERS,
    p50: +percentile(values, 50).toFixed(1),
    p99: +percentile(values, 99).toFixed(1),
    max: +(values.at(-1) ?? NaN).toFixed(1),
    cpuMsPerEvent: +(cpuMs / EVENTS).toFixed(1),
    loadCpuMsPerEvent: +(loadCpuMs / EVENTS).toFixed(1),
    cpuUsPerDelivery: values.length ? +((cpuMs * 1000) / values.length).toFixed(2) : NaN,
    rssSubscribedMB,
    peakRssMB: memory.peak,
    wrong,
    errors,
    firstError,
  };
  console.log(row);
  return row;
}

// ---- run every gateway, one after the other, on the same subgraphs
const rows: Row[] = [];
try {
  for (const name of GATEWAYS) {
    const gateway = name === 'hive' ? await startHive() : await startOurs();
    try {
      rows.push(await measure(gateway));
    } finally {
      await gateway.stop();
    }
  }
} finally {
  subgraphs.send({ type: 'stop' });
  rmSync(workDir, { recursive: true, force: true });
}

// ---- report
const hive = rows.find((r) => r.gateway.startsWith('Hive'));
const ms = (v: number) => (Number.isFinite(v) ? v.toLocaleString('en-US') : 'n/a');
const table = [
  '| gateway | delivered / expected | p50 ms | p99 ms | max ms | gateway CPU ms per event | CPU µs per delivery | x Hive CPU | RSS subscribed MB | peak RSS MB | wrong / errors | subgraphs + clients CPU ms per event | all subscribed and receiving after s |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...rows.map(
    (r) =>
      `| ${r.gateway} ${r.version} | ${r.delivered.toLocaleString('en-US')} / ${r.expected.toLocaleString('en-US')} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${ms(r.cpuMsPerEvent)} | ${r.cpuUsPerDelivery} | ${hive ? (r.cpuUsPerDelivery / hive.cpuUsPerDelivery).toFixed(2) : 'n/a'} | ${r.rssSubscribedMB} | ${r.peakRssMB} | ${r.wrong} / ${r.errors} | ${ms(r.loadCpuMsPerEvent)} | ${r.subscribeSeconds} |`,
  ),
].join('\n');
const command = `npm run bench:fanout -- ${process.argv.slice(2).join(' ')}`.trim();
const report = `# Subscription fan-out: ${SUBSCRIBERS.toLocaleString('en-US')} graphql-ws subscribers, one product, a stock change every ${INTERVAL_MS} ms

Written by \`bench/fanout.ts\` (${new Date().toISOString()}).

- Command: \`${command}\`
- Machine: ${CORES} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; ${pinning}; open files limit ${execFileSync('sh', ['-c', 'ulimit -n']).toString().trim()}
- Clients: graphql-ws ${versionOf(join(ROOT, 'node_modules/graphql-ws/package.json'))} createClient over ${CLIENT_SOCKET === 'ws' ? `ws ${versionOf(join(ROOT, 'node_modules/ws/package.json'))}` : 'the lean socket of support/wire-websocket.ts'}, one socket per subscriber, in ${CLIENT_PROCESSES} processes
- Subscription: \`${QUERY}\` (name and price come from a second subgraph on every event)
- ${EVENTS} steady events per gateway after warm-up; latency is from the stock subgraph's publish to each client's receipt; CPU is the gateway process tree's user+system time over the steady events

${table}
${rows.some((r) => r.firstError) ? `\nFirst errors: ${rows.filter((r) => r.firstError).map((r) => `${r.gateway}: ${r.firstError}`).join('; ')}\n` : ''}`;
writeFileSync(RESULTS, report);
console.log(`\n${report}\nwritten to ${RESULTS}`);
// The run fails when this platform's gateway misses or garbles a delivery; a peer's misses are reported, not fatal.
const failed = rows.some((r) => !r.gateway.startsWith('Hive') && (r.delivered < r.expected || r.wrong > 0));
await sleep(500);
process.exit(failed ? 1 : 0);

/**
 * Storefront queries, our gateway against stock @apollo/gateway, side by side in one run:
 *   - catalog: the web app's Catalog query (web/src/operations/catalog.ts) for 20 products, its ProductCard with the
 *     seller's name added (the "20 products with price, seller name, stock"; the card itself shows no seller);
 *   - product: the web app's Product query (the product page) for the catalog's first product.
 * The subgraphs run as `npm start` runs them (startPlatform, bench/support/storefront-subgraphs.ts) in a process of
 * their own, on a throwaway PostgreSQL server (apt's, @shop/local-servers) and RabbitMQ (the events our gateway's
 * response cache follows). Each gateway runs in its own process pinned to core 1 (taskset); wrk, pinned to core 0,
 * POSTs anonymous requests at fixed concurrency and a Lua script checks every response body against the gateway's
 * first answer, itself checked equal (as JSON) to stock's; a mismatch fails the run. Writes bench/results/storefront-queries.md.
 *
 * Gateways: ours (as shipped, inbound deduplication, plus its response cache, RESPONSE_CACHE=on), ours-nocache (as
 * shipped: identical concurrent anonymous queries share one execution), ours-plain (--dedup none, no cache: every
 * request executed, as stock does), stock.
 *
 * Run: npm run bench:storefront-queries [-- --duration 20s --connections 50 --gateways ours,ours-nocache,ours-plain,stock --queries catalog,product]
 *      --profile-subgraphs <dir>: a CPU profile of the subgraph process (node --cpu-prof), written when it stops.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { print } from 'graphql';
import { freePort, startPostgresServer, startRabbitMq } from '@shop/local-servers';
import { CatalogDocument, ProductDocument } from '../web/src/gql/graphql.js';
import { buildGatewayBundle } from './support/gateway-bundle.js';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '20s' },
    warmup: { type: 'string', default: '3s' },
    connections: { type: 'string', default: '50' },
    gateways: { type: 'string', default: 'ours,ours-nocache,ours-plain,stock' },
    'profile-subgraphs': { type: 'string' },
    queries: { type: 'string', default: 'catalog,product' },
  },
});
const root = new URL('../', import.meta.url).pathname;
const supergraphFile = join(root, 'schema/supergraph.graphql');
const cores = cpus().length;
// The gateway on one core, the load generator on the other, as the issue asks (one core: both share it).
const gatewayCore = cores > 1 ? '1' : '0';
const wrkCore = '0';

const catalogQuery = print(CatalogDocument).replace(/fragment ProductCard on Product \{\n {2}id\n/, (m) => `${m}  seller {\n    id\n    name\n  }\n`);
if (!catalogQuery.includes('seller')) throw new Error('ProductCard changed: update how the bench adds the seller name');
const queries = {
  catalog: { query: catalogQuery, operationName: 'Catalog', variables: { first: 20, after: null, filter: {}, sort: 'NEWEST' } },
  product: { query: print(ProductDocument), operationName: 'Product', variables: { id: '' } },
};
type QueryName = keyof typeof queries;

function ensureWrk(): void {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
  } catch (error) {
    // wrk --version exits 1 after printing its version: only a missing binary is a reason to install.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return;
    if (process.getuid?.() !== 0) throw new Error('wrk is missing: sudo apt-get install -y wrk');
    console.log('installing wrk (apt-get)…');
    execFileSync('sh', ['-c', 'apt-get install -y wrk || (apt-get update && apt-get install -y wrk)'], { stdio: 'ignore' });
  }
}

const children: ChildProcess[] = [];
/** Spawns a process and resolves with what follows READY on its stdout (at once, with '', when waitForReady is false). */
function startProcess(name: string, command: string, args: string[], env: Record<string, string>, waitForReady = true): Promise<{ child: ChildProcess; ready: string }> {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let errors = '';
  child.stderr!.on('data', (chunk) => (errors = (errors + chunk).slice(-4000)));
  return new Promise((resolve, reject) => {
    if (!waitForReady) resolve({ child, ready: '' });
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const line = /^READY (.*)\n/m.exec(out);
      if (line) resolve({ child, ready: line[1]! });
    });
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}) before it was ready:\n${errors}`)));
  });
}

/** fetch, once more when a kept-alive connection was closed under it (a server's keep-alive timeout during a wrk run). */
async function fetchAgain(url: string, init?: RequestInit): Promise<Response> {
  return fetch(url, init).catch(() => fetch(url, init));
}

async function post(url: string, body: unknown): Promise<{ status: number; text: string }> {
  const response = await fetchAgain(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, text: await response.text() };
}

async function waitReady(url: string, body: unknown): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const answer = await post(url, body).catch(() => null);
    if (answer?.status === 200) return;
    if (attempt > 600) throw new Error(`${url} not answering: ${answer?.status} ${answer?.text.slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const peakRssMb = (pid: number) => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;
const luaString = (s: string) => `[==[${s}]==]`;

interface WrkResult { requests: number; seconds: number; p50: number; p99: number; errors: number; mismatches: number }

/** wrk at fixed concurrency; its Lua script counts responses whose body is not the expected one. */
function runWrk(url: string, body: string, expected: string, duration: string, connections: number): WrkResult {
  const dir = mkdtempSync(join(tmpdir(), 'storefront-wrk-'));
  const script = join(dir, 'check.lua');
  writeFileSync(
    script,
    `wrk.method = "POST"
wrk.body = ${luaString(body)}
wrk.headers["Content-Type"] = "application/json"
local expected = ${luaString(expected)}
local threads = {}
function setup(thread) table.insert(threads, thread) end
mismatches = 0
function response(status, headers, body) if body ~= expected then mismatches = mismatches + 1 end end
function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do bad = bad + t:get("mismatches") end
  local e = summary.errors
  io.write(string.format("RESULT %d %f %f %f %d %d\\n", summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000, e.connect + e.read + e.write + e.status + e.timeout, bad))
end
`,
  );
  const out = execFileSync('taskset', ['-c', wrkCore, 'wrk', '-t1', `-c${connections}`, `-d${duration}`, '--timeout', '10s', '-s', script, url], { encoding: 'utf8' });
  const [requests = 0, seconds = 0, p50 = 0, p99 = 0, errors = 0, mismatches = 0] = /RESULT (.*)/.exec(out)![1]!.split(' ').map(Number);
  return { requests, seconds, p50, p99, errors, mismatches };
}

ensureWrk();
type GatewayName = 'ours' | 'ours-nocache' | 'ours-plain' | 'stock';
const gatewayLabels: Record<GatewayName, string> = {
  ours: "this platform's gateway, inbound dedup + response cache",
  'ours-nocache': "this platform's gateway, inbound dedup (its default), no cache",
  'ours-plain': "this platform's gateway, no dedup, no cache",
  stock: 'stock @apollo/gateway',
};
const gatewayNames = values.gateways.split(',') as GatewayName[];
if (!gatewayNames.every((n) => n in gatewayLabels)) throw new Error(`--gateways: some of ${Object.keys(gatewayLabels).join(', ')}`);
const queryNames = values.queries.split(',') as QueryName[];
const connections = Number(values.connections);
console.log(`${cores} cores, gateway on core ${gatewayCore}, wrk on core ${wrkCore}; starting PostgreSQL, RabbitMQ and the subgraphs…`);
const [postgres, rabbit] = await Promise.all([startPostgresServer(), startRabbitMq()]);
const stop = async () => {
  for (const child of children.reverse()) child.kill('SIGTERM');
  // A process that does not stop within 10 s is killed: the bench must leave nothing behind.
  await Promise.all(
    children.map((c) =>
      c.exitCode === null && c.signalCode === null
        ? new Promise((r) => {
            const kill = setTimeout(() => c.kill('SIGKILL'), 10_000);
            c.once('exit', () => r(clearTimeout(kill)));
          })
        : null,
    ),
  );
  await Promise.allSettled([postgres.stop(), rabbit.stop()]);
};
process.once('SIGINT', () => void stop().then(() => process.exit(130)));
try {
  const tsx = ['--import', 'tsx'];
  const ourGatewayBundle = buildGatewayBundle();
  const t0 = performance.now();
  const subgraphs = await startProcess('subgraphs', process.execPath, [...tsx, ...(values['profile-subgraphs'] ? ['--cpu-prof', `--cpu-prof-dir=${values['profile-subgraphs']}`] : []), 'bench/support/storefront-subgraphs.ts'], { DATABASE_URL: postgres.url.replace(/\/postgres$/, '/storefront'), RABBITMQ_URL: rabbit.url });
  const { subgraphUrls, jwtPublicKey } = JSON.parse(subgraphs.ready) as { subgraphUrls: Record<string, string>; jwtPublicKey: string };
  console.log(`subgraphs ready in ${((performance.now() - t0) / 1000).toFixed(0)} s; starting the gateways…`);

  const gateways = {} as Record<GatewayName, { url: string; pid: number }>;
  for (const name of gatewayNames) {
    const port = await freePort();
    const urlEnv = Object.fromEntries(Object.entries(subgraphUrls).map(([n, url]) => [`${n.toUpperCase()}_URL`, url]));
    const started =
      name !== 'stock'
        ? await startProcess('our gateway', 'taskset', ['-c', gatewayCore, process.execPath, ourGatewayBundle, '--supergraph', supergraphFile, '--port', String(port), '--dedup', name === 'ours-plain' ? 'none' : 'inbound'], {
            ...urlEnv,
            NODE_ENV: 'production',
            JWT_PUBLIC_KEY: jwtPublicKey,
            // wrk is one client on one address: the per-client budgets would refuse it.
            RATE_LIMIT: 'off',
            PERSISTED_OPERATIONS: 'apq',
            // Cached answers to anonymous queries, emptied by every domain event (on the subgraphs' broker) and mutation.
            RESPONSE_CACHE: name === 'ours' ? 'on' : 'off',
            RABBITMQ_URL: rabbit.url,
          }, false).then((s) => ({ ...s, ready: `http://127.0.0.1:${port}/graphql` }))
        : await startProcess('stock gateway', 'taskset', ['-c', gatewayCore, process.execPath, 'bench/support/stock-gateway.mjs', supergraphFile, String(port)], { SUBGRAPH_URLS: JSON.stringify(subgraphUrls), NODE_ENV: 'production' });
    gateways[name] = { url: name !== 'stock' ? started.ready : `http://127.0.0.1:${port}/`, pid: started.child.pid! };
  }
  const firstGateway = gateways[gatewayNames[0]!];
  for (const g of Object.values(gateways)) await waitReady(g.url, queries.catalog);
  // The product page shows the catalog's first product.
  const catalogAnswer = JSON.parse((await post(firstGateway.url, queries.catalog)).text);
  const edges = catalogAnswer.data.products.edges as { node: { id: string } }[];
  if (edges.length !== 20) throw new Error(`the catalog has ${edges.length} products, the bench wants 20`);
  queries.product.variables.id = edges[0]!.node.id;

  const rows: string[][] = [];
  for (const queryName of queryNames) {
    const body = JSON.stringify(queries[queryName]);
    const reference = gateways.stock ? JSON.parse((await post(gateways.stock.url, queries[queryName])).text) : null;
    const results: Partial<Record<GatewayName, WrkResult & { rss: number }>> = {};
    for (const name of gatewayNames) {
      const { url, pid } = gateways[name];
      const first = await post(url, queries[queryName]);
      const parsed = JSON.parse(first.text);
      if (first.status !== 200 || parsed.errors || !parsed.data) throw new Error(`${name} ${queryName}: ${first.status} ${first.text.slice(0, 500)}`);
      if (reference && !isDeepStrictEqual(parsed, reference)) throw new Error(`${name} ${queryName}: the response differs from stock @apollo/gateway's`);
      runWrk(url, body, first.text, values.warmup, connections);
      const result = runWrk(url, body, first.text, values.duration, connections);
      if (result.mismatches) throw new Error(`${name} ${queryName}: ${result.mismatches} of ${result.requests} responses differ from the expected body`);
      results[name] = { ...result, rss: peakRssMb(pid) };
      console.log(`${queryName} ${name}: ${(result.requests / result.seconds).toFixed(0)} req/s, p99 ${result.p99.toFixed(1)} ms, errors ${result.errors}`);
    }
    const stockRate = results.stock ? results.stock.requests / results.stock.seconds : NaN;
    for (const name of gatewayNames) {
      const r = results[name]!;
      const rate = r.requests / r.seconds;
      rows.push([queryName, gatewayLabels[name], rate.toFixed(0), (rate / stockRate).toFixed(2), r.p50.toFixed(1), r.p99.toFixed(1), r.rss.toFixed(0), String(r.errors)]);
    }
  }
  const table = [
    '| query | gateway | req/s | x stock | p50 ms | p99 ms | peak RSS MB (gateway) | errors |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
  const command = ['npm run bench:storefront-queries', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' ');
  const versions = JSON.parse(readFileSync(join(root, 'node_modules/@apollo/gateway/package.json'), 'utf8')).version;
  const pgVersion = execFileSync('sh', ['-c', 'ls /usr/lib/postgresql | sort -n | tail -1'], { encoding: 'utf8' }).trim();
  const report = `# Storefront queries: this platform's gateway vs stock @apollo/gateway

${new Date().toISOString()} · ${cpus()[0]?.model ?? 'cpu'} × ${cores}, ${(totalmem() / 2 ** 30).toFixed(1)} GB · Node ${process.version} · @apollo/gateway ${versions} · PostgreSQL ${pgVersion} · wrk, ${connections} connections, ${values.duration} per gateway after ${values.warmup} of warm-up

Command: \`${command}\`

Each gateway in its own process on core ${gatewayCore}, wrk on core ${wrkCore}; the subgraphs (as \`npm start\` runs them, one process) and PostgreSQL share the machine. Anonymous POSTs; every response body checked equal to the expected one (none differed). The response cache (\`RESPONSE_CACHE=on\`) keeps anonymous queries' answers until any domain event (RabbitMQ) or mutation; nothing writes during the run, so after the first answer every query is a hit: that row measures the gateway's HTTP path. Inbound deduplication answers identical concurrent anonymous queries with one execution (wrk sends 50 identical ones at a time); the no-dedup row executes every request, as stock does.

${table}
`;
  writeFileSync(join(root, 'bench/results/storefront-queries.md'), report);
  console.log(`\n${table}\n\nwritten to bench/results/storefront-queries.md`);
} finally {
  await stop();
}

/**
 * npm run bench:federation — The Guild's federation benchmark (its four subgraphs and deep TestQuery, bench/federation/
 * subgraphs and test-query.ts) through this platform's gateway, stock @apollo/gateway and Hive Gateway with and without
 * its Rust planner, in three deduplication modes, side by side in one run.
 *
 * Each gateway runs alone in its own process pinned to CPU 1 (taskset); wrk and the subgraphs share CPU 0. Per run:
 * start the gateway, check one TestQuery's response, warm up, then wrk at fixed concurrency with a Lua script that
 * compares every response body with the expected one (a mismatch fails the run). Columns: req/s, ratio to stock in the
 * same mode, p50/p99, peak RSS (VmHWM of the gateway's processes), subgraph requests per query (counted by the
 * subgraphs), errors. Writes bench/results/federation.md on a full run (or with --write) and prints the table.
 *
 * Options: --gateways ours,stock,hive,hive-rust  --modes none,outbound,inbound  --duration 15s  --warmup 5s
 *          --connections 50  --write / --no-write  --label <text, shown in the results' heading>
 *          --rounds <n> (every gateway n times, the order reversed every other round)
 *          --baseline <commit> (adds the gateway "base": this gateway built at that commit, in a clone under /tmp;
 *          `--gateways ours,base --rounds 6` judges a change by pairs run side by side; per-round ratios and their
 *          median go to bench/results/federation-compare.md with --write)
 * Installs what it needs: bench/peers (npm ci --prefix bench/peers) and wrk (apt-get, when running as root).
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { freePort } from '@shop/local-servers';
import { prepareBaselineClone } from '../support/baseline-clone.js';
import { buildGatewayBundle } from '../support/gateway-bundle.js';
import { median } from '../support/statistics.js';
import { startFederationSubgraphs, type FederationSubgraphs } from './subgraphs.js';
import { EXPECTED_RESPONSE_BODY, TEST_QUERY_BODY } from './test-query.js';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const peers = join(root, 'bench/peers');
const here = join(root, 'bench/federation');

const GATEWAYS = ['ours', 'base', 'stock', 'hive', 'hive-rust'] as const;
const MODES = ['none', 'outbound', 'inbound'] as const;
type GatewayName = (typeof GATEWAYS)[number];
type Mode = (typeof MODES)[number];
const GATEWAY_CPU = '1';
const LOAD_CPU = '0';

const { values } = parseArgs({
  options: {
    gateways: { type: 'string' },
    modes: { type: 'string', default: MODES.join(',') },
    duration: { type: 'string', default: '15s' },
    warmup: { type: 'string', default: '5s' },
    connections: { type: 'string', default: '50' },
    write: { type: 'boolean' },
    'no-write': { type: 'boolean' },
    label: { type: 'string' },
    rounds: { type: 'string', default: '1' },
    baseline: { type: 'string' },
  },
});
const pick = <T extends string>(list: string, allowed: readonly T[], option: string): T[] => {
  const names = list.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !allowed.includes(n as T));
  if (unknown.length > 0 || names.length === 0) throw new Error(`--${option}: a comma-separated list of ${allowed.join(', ')}`);
  return allowed.filter((a) => names.includes(a));
};
const gateways = pick(values.gateways ?? GATEWAYS.filter((g) => g !== 'base').join(','), GATEWAYS, 'gateways');
if (gateways.includes('base') !== (values.baseline !== undefined)) throw new Error('--baseline <commit> and the gateway "base" go together');
const modes = pick(values.modes!, MODES, 'modes');
const seconds = (text: string, option: string) => {
  const match = /^(\d+)(s|m)?$/.exec(text);
  if (!match) throw new Error(`--${option}: a duration such as 15s or 1m`);
  return Number(match[1]) * (match[2] === 'm' ? 60 : 1);
};
const duration = seconds(values.duration!, 'duration');
const warmup = seconds(values.warmup!, 'warmup');
const connections = Number(values.connections);
if (!Number.isInteger(connections) || connections < 1) throw new Error('--connections: a positive integer');
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds: a positive integer');
const fullRun = values.baseline === undefined && gateways.length === GATEWAYS.length - 1 && modes.length === MODES.length && rounds === 1;
const write = values['no-write'] ? false : (values.write ?? fullRun);

const LABELS: Record<GatewayName, string> = {
  ours: 'this platform\'s gateway',
  base: 'this platform\'s gateway at the baseline',
  stock: 'stock @apollo/gateway (no dedup of its own)',
  hive: 'Hive Gateway',
  'hive-rust': 'Hive Gateway + Rust planner',
};

// --- what the bench needs ---------------------------------------------------------------------------------------
function ensureWrk() {
  if (spawnSync('wrk', ['-v']).error === undefined) return;
  if (process.getuid?.() !== 0) throw new Error('wrk is missing: install it (Debian: sudo apt-get install -y wrk) and run again.');
  console.log('installing wrk (apt-get install -y wrk)…');
  let result = spawnSync('apt-get', ['install', '-y', 'wrk'], { stdio: 'inherit' });
  if (result.status !== 0) {
    spawnSync('apt-get', ['update'], { stdio: 'inherit' });
    result = spawnSync('apt-get', ['install', '-y', 'wrk'], { stdio: 'inherit' });
  }
  if (result.status !== 0) throw new Error('apt-get install wrk failed');
}
function ensurePeers() {
  if (!gateways.some((g) => g.startsWith('hive'))) return;
  if (existsSync(join(peers, 'node_modules/@graphql-hive/gateway/package.json'))) return;
  console.log('installing the peer gateways (npm ci --prefix bench/peers)…');
  execFileSync('npm', ['ci', '--prefix', peers, '--no-audit', '--no-fund'], { stdio: 'inherit' });
}
if (spawnSync('taskset', ['-V']).error !== undefined) throw new Error('taskset is missing (Debian: util-linux)');
ensureWrk();
ensurePeers();
const ourGatewayBundle = buildGatewayBundle();
const baseline = values.baseline === undefined ? undefined : prepareBaselineClone(root, values.baseline);
if (baseline) {
  console.log(`building ${baseline.commit.slice(0, 7)}'s gateway bundle in ${baseline.dir}`);
  execFileSync('npm', ['run', '--silent', 'build:services'], { cwd: baseline.dir, stdio: ['ignore', 'ignore', 'inherit'] });
  LABELS.base = `this platform's gateway at ${baseline.commit.slice(0, 7)}`;
}

// --- processes ----------------------------------------------------------------------------------------------------

/** The environment every gateway gets: production mode, no tracing exporters (none of the peers has ours). */
function gatewayEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', ...extra };
  for (const key of Object.keys(env)) if (key.startsWith('OTEL_')) delete env[key];
  return env;
}

function gatewayCommand(gateway: GatewayName, mode: Mode, supergraph: string, port: number): { args: string[]; env: NodeJS.ProcessEnv; cwd: string } {
  switch (gateway) {
    case 'ours':
    case 'base':
      // What `npm run gateway` runs, from the production bundle as the Dockerfile runs it, without npm in between (its
      // pid is the gateway's, for VmHWM). The peers have no per-address rate limit (all the load comes from one
      // address) and no cost limit (the TestQuery's lists have no page size, so our estimate is ~180,000 against a
      // default of 5,000): both off here.
      return {
        args: [gateway === 'base' ? join(baseline!.dir, 'dist/gateway.mjs') : ourGatewayBundle, '--supergraph', supergraph, '--port', String(port), '--dedup', mode],
        env: gatewayEnv({ RATE_LIMIT: 'off', GRAPHQL_MAX_COST: '10000000' }),
        cwd: gateway === 'base' ? baseline!.dir : root,
      };
    case 'stock':
      return { args: [join(root, 'bench/support/stock-gateway.mjs'), supergraph, String(port)], env: gatewayEnv({}), cwd: root };
    case 'hive':
    case 'hive-rust':
      return {
        args: [
          join(peers, 'node_modules/@graphql-hive/gateway/dist/bin.js'),
          'supergraph', supergraph,
          '--config-path', join(here, 'hive-gateway.config.mjs'),
          '--host', '127.0.0.1', '--port', String(port), '--fork', '1',
          ...(gateway === 'hive-rust' ? ['--hive-router-runtime'] : []),
        ],
        env: gatewayEnv({ HIVE_BENCH_DEDUP: mode }),
        cwd: peers,
      };
  }
}

/** The process and its descendants (a gateway may fork workers). */
function processTree(pid: number): number[] {
  const children: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const text = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      if (text) children.push(...text.split(/\s+/).map(Number));
    }
  } catch {
    return [];
  }
  return [pid, ...children.flatMap(processTree)];
}
/** User + system CPU time of the process and its descendants, in ms (clock ticks of 10 ms). */
const cpuMs = (pid: number) =>
  processTree(pid).reduce((sum, p) => {
    try {
      const fields = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return sum + (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return sum;
    }
  }, 0);
const vmHwmKb = (pid: number) => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
const peakRssMb = (pid: number) => processTree(pid).reduce((sum, p) => sum + vmHwmKb(p), 0) / 1024;

async function stopProcess(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

const post = async (url: string) => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: TEST_QUERY_BODY });
  return { status: res.status, body: (await res.text()).replace(/\n$/, '') };
};

/** Polls until the gateway answers the TestQuery; returns its first answer. */
async function firstAnswer(url: string, child: ChildProcess, log: () => string) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the gateway exited (${child.exitCode}) before it answered:\n${log()}`);
    try {
      const answer = await post(url);
      if (answer.status !== 503 && answer.status !== 404) return answer;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the gateway did not answer within 120 s:\n${log()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Waits until the subgraphs' request counts stop moving for a second (at most 30 s); returns their sum. */
async function subgraphsQuiet(subgraphs: FederationSubgraphs): Promise<number> {
  const total = async () => Object.values(await subgraphs.requests()).reduce((sum, n) => sum + n, 0);
  const deadline = Date.now() + 30_000;
  let last = await total();
  let still = 0;
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    const now = await total();
    still = now === last ? still + 1 : 0;
    if (still === 2 || Date.now() > deadline) return now;
    last = now;
  }
}

interface WrkResult {
  requests: number;
  durationUs: number;
  checked: number;
  mismatches: number;
  p50Us: number;
  p99Us: number;
  connectErrors: number;
  readErrors: number;
  writeErrors: number;
  statusErrors: number;
  timeouts: number;
  sample: string;
}
function runWrk(url: string, secs: number, files: { body: string; expected: string }): Promise<WrkResult> {
  return new Promise((done, fail) => {
    const wrk = spawn(
      'taskset',
      ['-c', LOAD_CPU, 'wrk', '-t1', `-c${connections}`, `-d${secs}s`, '--timeout', '10s', '-s', join(here, 'check-response.lua'), url],
      { env: { ...process.env, FED_BODY_FILE: files.body, FED_EXPECTED_FILE: files.expected }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    wrk.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    wrk.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    wrk.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('FEDRESULT '));
      if (code !== 0 || !line) return fail(new Error(`wrk failed (${code}):\n${out}`));
      done(JSON.parse(line.slice('FEDRESULT '.length)) as WrkResult);
    });
  });
}

// --- one run -------------------------------------------------------------------------------------------------------
interface Row {
  gateway: GatewayName;
  mode: Mode;
  round: number;
  cpuMsPerQuery?: number;
  reqPerSec?: number;
  p50Ms?: number;
  p99Ms?: number;
  peakRssMb?: number;
  subgraphRequestsPerQuery?: number;
  errors?: number;
  mismatches?: number;
  failure?: string;
}

async function runOne(gateway: GatewayName, mode: Mode, round: number, subgraphs: FederationSubgraphs, files: { body: string; expected: string }): Promise<Row> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  const command = gatewayCommand(gateway, mode, subgraphs.supergraphPath, port);
  const child = spawn('taskset', ['-c', GATEWAY_CPU, process.execPath, ...command.args], {
    cwd: command.cwd,
    env: command.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  try {
    const first = await firstAnswer(url, child, () => log);
    if (first.status !== 200 || first.body !== EXPECTED_RESPONSE_BODY) {
      return { gateway, mode, round, failure: `wrong response (${first.status}): ${first.body.slice(0, 200)}` };
    }
    if (warmup > 0) await runWrk(url, warmup, files);
    // The queries wrk left in flight still reach the subgraphs: count from when they are done, to when this run's are.
    await subgraphsQuiet(subgraphs);
    await subgraphs.resetRequests();
    const cpuBefore = cpuMs(child.pid!);
    const result = await runWrk(url, duration, files);
    const cpuUsed = cpuMs(child.pid!) - cpuBefore;
    const subgraphRequests = await subgraphsQuiet(subgraphs);
    const errors = result.connectErrors + result.readErrors + result.writeErrors + result.statusErrors + result.timeouts;
    return {
      gateway,
      mode,
      round,
      cpuMsPerQuery: result.requests > 0 ? cpuUsed / result.requests : undefined,
      reqPerSec: result.requests / (result.durationUs / 1e6),
      p50Ms: result.p50Us / 1000,
      p99Ms: result.p99Us / 1000,
      peakRssMb: peakRssMb(child.pid!),
      // When wrk stops, each connection has one query in flight, which the gateway still answers.
      subgraphRequestsPerQuery: result.checked > 0 ? subgraphRequests / (result.checked + connections) : undefined,
      errors,
      mismatches: result.mismatches,
      ...(result.mismatches > 0 && { failure: `${result.mismatches} of ${result.checked} responses differ from the expected one, e.g. ${result.sample}` }),
    };
  } catch (error) {
    return { gateway, mode, round, failure: (error as Error).message.split('\n').slice(0, 6).join(' ') };
  } finally {
    await stopProcess(child);
  }
}

// --- the table -----------------------------------------------------------------------------------------------------
const fmt = (n: number | undefined, digits = 0) => (n === undefined ? '-' : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));

function table(rows: Row[]): string {
  const lines = [
    '| mode | gateway | req/s | x stock | p50 ms | p99 ms | peak RSS MB | subgraph requests per query | gateway CPU ms per query | errors | mismatches |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const row of rows) {
    const stock = rows.find((r) => r.mode === row.mode && r.round === row.round && r.gateway === 'stock')?.reqPerSec;
    const mode = rounds > 1 ? `${row.mode}, round ${row.round + 1}` : row.mode;
    if (row.failure && row.reqPerSec === undefined) {
      lines.push(`| ${mode} | ${LABELS[row.gateway]} | FAILED: ${row.failure.replaceAll('|', '\\|')} | | | | | | | | |`);
      continue;
    }
    const ratio = stock && row.reqPerSec !== undefined ? row.reqPerSec / stock : undefined;
    lines.push(
      `| ${mode} | ${LABELS[row.gateway]} | ${fmt(row.reqPerSec)} | ${fmt(ratio, 2)} | ${fmt(row.p50Ms, 1)} | ${fmt(row.p99Ms, 1)} | ${fmt(row.peakRssMb)} | ${fmt(row.subgraphRequestsPerQuery, 1)} | ${fmt(row.cpuMsPerQuery, 2)} | ${row.errors} | ${row.mismatches}${row.failure ? ' (FAILED)' : ''} |`,
    );
  }
  return lines.join('\n');
}

/** With a baseline: per mode, this gateway against the baseline round by round (req/s and CPU per query), and the medians. */
function pairedSummary(rows: Row[]): string {
  const lines = [
    `| mode | req/s, this / ${LABELS.base.replace("this platform's gateway at ", '')}, per round → median | gateway CPU per query, this / baseline, per round → median |`,
    '| --- | --- | --- |',
  ];
  for (const mode of modes) {
    const pairs = Array.from({ length: rounds }, (_, round) => {
      const [ours, base] = (['ours', 'base'] as const).map((g) => rows.find((r) => r.mode === mode && r.round === round && r.gateway === g));
      return ours?.reqPerSec && base?.reqPerSec && ours.cpuMsPerQuery && base.cpuMsPerQuery
        ? { throughput: ours.reqPerSec / base.reqPerSec, cpu: ours.cpuMsPerQuery / base.cpuMsPerQuery }
        : undefined;
    }).filter((p) => p !== undefined);
    if (pairs.length === 0) continue;
    const column = (key: 'throughput' | 'cpu') => `${pairs.map((p) => fmt(p[key], 2)).join(', ')} → **${fmt(median(pairs.map((p) => p[key])), 2)}**`;
    lines.push(`| ${mode} | ${column('throughput')} | ${column('cpu')} |`);
  }
  return lines.join('\n');
}

const packageVersion = (dir: string) => (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
function versions(): string[] {
  const lines = [`- this platform's gateway: ${execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim()}${execFileSync('git', ['status', '--porcelain', '--', 'supergraph', 'packages'], { cwd: root }).toString().trim() ? ' (with uncommitted changes)' : ''}`];
  lines.push(`- @apollo/gateway ${packageVersion(join(root, 'node_modules/@apollo/gateway'))}, @apollo/server ${packageVersion(join(root, 'node_modules/@apollo/server'))}`);
  if (existsSync(join(peers, 'node_modules/@graphql-hive/gateway'))) {
    lines.push(`- @graphql-hive/gateway ${packageVersion(join(peers, 'node_modules/@graphql-hive/gateway'))}, @graphql-hive/router-runtime ${packageVersion(join(peers, 'node_modules/@graphql-hive/router-runtime'))}`);
  }
  lines.push(`- Node ${process.version}, ${spawnSync('wrk', ['-v']).stdout.toString().split('\n')[0]!.trim()}`);
  return lines;
}

// --- main ----------------------------------------------------------------------------------------------------------
const shellWord = (word: string) => (/^[\w.,:=/-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`);
const command = `npm run bench:federation${process.argv.length > 2 ? ` -- ${process.argv.slice(2).map(shellWord).join(' ')}` : ''}`;
const loadBefore = loadavg().map((l) => l.toFixed(2)).join(' ');
const work = mkdtempSync(join(tmpdir(), 'federation-bench-'));
const files = { body: join(work, 'body.json'), expected: join(work, 'expected.json') };
writeFileSync(files.body, TEST_QUERY_BODY);
writeFileSync(files.expected, EXPECTED_RESPONSE_BODY);

const subgraphs = await startFederationSubgraphs({ cpus: LOAD_CPU });
const rows: Row[] = [];
const started = Date.now();
try {
  for (let round = 0; round < rounds; round++) {
    // Every other round in reverse order, so a drift in the machine's load falls on every gateway alike.
    const order = round % 2 === 0 ? gateways : [...gateways].reverse();
    for (const mode of modes) {
      for (const gateway of order) {
        process.stdout.write(`${rounds > 1 ? `round ${round + 1} ` : ''}${mode.padEnd(8)} ${LABELS[gateway]} … `);
        const row = await runOne(gateway, mode, round, subgraphs, files);
        rows.push(row);
        console.log(row.failure ? `FAILED: ${row.failure}` : `${fmt(row.reqPerSec)} req/s, p99 ${fmt(row.p99Ms, 1)} ms, ${fmt(row.peakRssMb)} MB, ${fmt(row.subgraphRequestsPerQuery, 1)} subgraph requests per query, ${fmt(row.cpuMsPerQuery, 2)} ms CPU per query`);
      }
    }
  }
} finally {
  await subgraphs.stop();
  rmSync(work, { recursive: true, force: true });
}

const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
const report = [
  `# Federation benchmark${values.label ? ` (${values.label})` : ''}`,
  '',
  `Written by \`${command}\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC (${Math.round((Date.now() - started) / 1000)} s).`,
  '',
  `The Guild's federation benchmark (graphql-hive/graphql-gateways-benchmark): its four subgraphs written in Node over its`,
  `data (bench/federation/subgraphs, one process) and its deep TestQuery; wrk, ${connections} connections, ${duration} s per gateway after`,
  `${warmup} s of warm-up, every response compared with the expected one byte for byte. Each gateway alone in its own`,
  `process on CPU ${GATEWAY_CPU} (taskset), wrk and the subgraphs on CPU ${LOAD_CPU}; NODE_ENV=production; ours from its production bundle (dist/gateway.mjs), stock as plain JavaScript (bench/support/stock-gateway.mjs). Ratios come from this one run.`,
  '',
  `Machine: ${cpu}, ${cpus().length} CPUs, ${Math.round(totalmem() / 2 ** 30)} GB, Linux ${release()}; load average at start ${loadBefore}.`,
  ...versions(),
  '',
  ...(baseline ? [`Baseline: ${baseline.commit.slice(0, 7)}, built in ${baseline.dir}.`, '', pairedSummary(rows), ''] : []),
  table(rows),
  '',
  '- Modes: none (no deduplication); outbound (identical subgraph requests in flight share one fetch); inbound (also',
  '  identical client requests in flight share one execution). Stock @apollo/gateway has no deduplication: it runs once',
  '  per mode as that mode\'s baseline (x stock). Hive Gateway: outbound is its default; none sets',
  '  `deduplicateInflightRequests: false` on its HTTP transport, inbound `inboundInflightRequestDeduplication: true`',
  '  (bench/federation/hive-gateway.config.mjs); the Rust planner is `--hive-router-runtime`.',
  '- Peak RSS: VmHWM of the gateway process (and any it forked), start-up and warm-up included. Subgraph requests per',
  '  query: requests the subgraphs answered for the measured queries / (responses wrk checked + the one query each',
  '  connection still had in flight when wrk stopped, which the gateway finishes). Gateway CPU per query: user + system',
  '  time of the gateway\'s processes during the measured seconds / the requests wrk completed. Our gateway runs with',
  '  RATE_LIMIT=off (all the load comes from one address) and GRAPHQL_MAX_COST=10000000 (the peers have neither).',
  '',
].join('\n');
console.log(`\n${table(rows)}\n${baseline ? `\n${pairedSummary(rows)}\n` : ''}`);
if (write) {
  const file = baseline ? 'bench/results/federation-compare.md' : 'bench/results/federation.md';
  writeFileSync(join(root, file), report);
  console.log(`wrote ${file}`);
}
if (rows.some((r) => r.failure)) process.exitCode = 1;

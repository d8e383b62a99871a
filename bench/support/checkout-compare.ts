/**
 * Issue 12's before/after: bench:checkout and bench:subscriptions of this working tree against the same benches at
 * the commit before the kernel redesign (bd642bc), on the same workload, with tracing off and on, alternated in one
 * run so that both sides see the same machine. The baseline is a clone checked out and installed outside this
 * repository (default /tmp/artesanias-<commit>, made on first use; this tree is never touched), each bench is that
 * side's own script, and this process only starts them one after another and reads their reports.
 *
 *   npm run bench:checkout:compare [-- --rounds 2 --benches checkout,subscriptions --seconds 5 --subscribers 1000 --events 20 --burst 50 --sampled-ratio 0.1 --baseline bd642bc --baseline-dir DIR]
 *
 * Same workload: head runs with --services core (users, products, inventory, orders, payments: the five services
 * bd642bc had; head's seven newer ones react to every order). The subscription bench starts its own test subgraphs
 * on both sides. Tracing on (head only: bd642bc had none) exports every span over OTLP to a stand-in collector.
 * Rounds alternate the order (A B C, then C B A, …) so a drift in the machine's load falls on every side alike;
 * ratios are per round (head / baseline of that round), summarized by their median. CPU per request or per event is
 * the steadier figure on a shared machine; throughput and latency move with whatever else runs.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { prepareBaselineClone } from './baseline-clone.js';
import { median } from './statistics.js';

const { values } = parseArgs({
  options: {
    baseline: { type: 'string', default: 'bd642bc' },
    'baseline-dir': { type: 'string' },
    rounds: { type: 'string', default: '2' },
    benches: { type: 'string', default: 'checkout,subscriptions' },
    seconds: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '2' },
    concurrency: { type: 'string', default: '32' },
    subscribers: { type: 'string', default: '1000' },
    events: { type: 'string', default: '20' },
    burst: { type: 'string', default: '50' },
    output: { type: 'string' },
    /** Adds head with tracing on, sampling this share of new traces (OTEL_TRACES_SAMPLER=parentbased_traceidratio). */
    'sampled-ratio': { type: 'string' },
  },
});

const head = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
const rounds = Number(values.rounds);
const benches = values.benches.split(',') as ('checkout' | 'subscriptions')[];
const output = values.output ?? join(head, 'bench/results/checkout.md');
if (!(rounds >= 1)) throw new Error(`--rounds must be 1 or more, not ${values.rounds}`);
for (const bench of benches) if (bench !== 'checkout' && bench !== 'subscriptions') throw new Error(`--benches takes checkout and/or subscriptions, not ${bench}`);
const { commit: baselineCommit, dir: baselineDir } = prepareBaselineClone(head, values.baseline, values['baseline-dir']);

interface Variant {
  name: string;
  cwd: string;
  bench: 'checkout' | 'subscriptions';
  args: string[];
  env?: Record<string, string>;
}

const sampledRatio = values['sampled-ratio'];
const sampled = (variant: Variant): Variant[] =>
  sampledRatio === undefined
    ? []
    : [{ ...variant, name: `${variant.name}, ${Number(sampledRatio) * 100}% sampled`, env: { OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: sampledRatio } }];
const checkoutOn: Variant = { name: 'checkout, head, core 5, tracing on', cwd: head, bench: 'checkout', args: [...checkoutArgs(), '--services', 'core', '--tracing', 'on'] };
const subscriptionsOn: Variant = { name: 'subscriptions, head, tracing on', cwd: head, bench: 'subscriptions', args: [...subscriptionArgs(), '--tracing', 'on'] };

function checkoutArgs() {
  return ['--seconds', values.seconds, '--warmup', values.warmup, '--concurrency', values.concurrency];
}
function subscriptionArgs() {
  return ['--subscribers', values.subscribers, '--events', values.events, '--burst', values.burst];
}
const variants: Variant[] = [
  ...(benches.includes('checkout')
    ? [
        { name: `checkout, ${baselineCommit.slice(0, 7)}`, cwd: baselineDir, bench: 'checkout' as const, args: checkoutArgs() },
        { name: 'checkout, head, core 5, tracing off', cwd: head, bench: 'checkout' as const, args: [...checkoutArgs(), '--services', 'core', '--tracing', 'off'] },
        checkoutOn,
        ...sampled(checkoutOn),
      ]
    : []),
  ...(benches.includes('subscriptions')
    ? [
        { name: `subscriptions, ${baselineCommit.slice(0, 7)}`, cwd: baselineDir, bench: 'subscriptions' as const, args: subscriptionArgs() },
        { name: 'subscriptions, head, tracing off', cwd: head, bench: 'subscriptions' as const, args: [...subscriptionArgs(), '--tracing', 'off'] },
        subscriptionsOn,
        ...sampled(subscriptionsOn),
      ]
    : []),
];

/** Runs one side's own npm script; its output goes to a log (and, on failure, to the console). */
function runBench(variant: Variant, log: string): Promise<string> {
  // Neither side may reach anything beyond the machine, and only --tracing decides whether spans are exported.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('OTEL_')));
  env.APOLLO_TELEMETRY_DISABLED = 'true';
  env.LOG_LEVEL = 'warn';
  Object.assign(env, variant.env);
  const script = variant.bench === 'checkout' ? 'bench:checkout' : 'bench:subscriptions';
  return new Promise((resolvePromise, reject) => {
    const child = spawn('npm', ['run', '--silent', script, '--', ...variant.args], { cwd: variant.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (chunk) => (text += chunk));
    child.stderr.on('data', (chunk) => (text += chunk));
    child.on('exit', (code) => {
      writeFileSync(log, text);
      if (code === 0) resolvePromise(text);
      else reject(new Error(`${variant.name} exited with ${code}; its output is in ${log}:\n${text.slice(-3000)}`));
    });
  });
}

type Figures = Record<string, number>;

/** The rows of bench:checkout's console.table (both sides print the same columns). */
function readCheckout(text: string): Figures {
  const lines = text.split('\n').filter((line) => line.startsWith('│'));
  const cells = (line: string) => line.split('│').slice(1, -1).map((c) => c.trim().replace(/^'|'$/g, ''));
  const header = cells(lines[0]!);
  const row = (prefix: string) => {
    const found = lines.map(cells).find((c) => c[header.indexOf('name')]!.startsWith(prefix));
    if (!found) throw new Error(`no "${prefix}" row in the checkout report`);
    return (column: string) => Number(found[header.indexOf(column)]);
  };
  const distinct = row('placeOrder, 70 distinct');
  const hot = row('placeOrder, one hot');
  const query = row('baseline:');
  const capture = /CAPTURED event\).*p50 (\d+) ms/.exec(text);
  return {
    'placeOrder/s': distinct('perSecond'),
    'placeOrder CPU ms': distinct('servingCpuMsPerRequest'),
    'of which PostgreSQL': distinct('ofWhichPostgres'),
    'placeOrder p99 ms': distinct('p99ms'),
    'hot product/s': hot('perSecond'),
    'hot CPU ms': hot('servingCpuMsPerRequest'),
    'query/s': query('perSecond'),
    'query CPU ms': query('servingCpuMsPerRequest'),
    'capture p50 ms': capture ? Number(capture[1]) : NaN,
  };
}

/** The JSON report bench:subscriptions prints last (both sides print the same fields). */
function readSubscriptions(text: string): Figures {
  const lines = text.split('\n');
  const start = lines.lastIndexOf('{');
  const end = lines.lastIndexOf('}');
  const report = JSON.parse(lines.slice(start, end + 1).join('\n'));
  const cpu = report.steady.gatewayCpuMsPerEvent;
  return {
    'steady p50 ms': report.steady.p50,
    'steady p99 ms': report.steady.p99,
    'delivered %': (100 * report.steady.deliveries) / report.steady.expectedDeliveries,
    'gateway CPU ms/event': cpu.user + cpu.system,
    'burst events/s': report.burst.eventsPerSecond,
    'burst CPU ms/event': report.burst.gatewayCpuMsPerEvent,
    'RSS subscribed MB': report.rssSubscribedMB,
  };
}

// Higher is better for these; for the others (CPU, latency, memory) lower is.
const higherIsBetter = new Set(['placeOrder/s', 'hot product/s', 'query/s', 'burst events/s', 'delivered %']);

const fmt = (x: number) => (Number.isFinite(x) ? (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(2)) : 'n/a');

const logDir = join(baselineDir, '..', `artesanias-compare-logs-${process.pid}`);
mkdirSync(logDir, { recursive: true });
const results = new Map<string, Figures[]>(variants.map((v) => [v.name, []]));
const started = Date.now();
for (let round = 0; round < rounds; round++) {
  for (const bench of benches) {
    const ofBench = variants.filter((v) => v.bench === bench);
    for (const variant of round % 2 ? [...ofBench].reverse() : ofBench) {
      const t0 = Date.now();
      const text = await runBench(variant, join(logDir, `${round}-${variant.name.replace(/[^a-z0-9]+/gi, '-')}.log`));
      const figures = variant.bench === 'checkout' ? readCheckout(text) : readSubscriptions(text);
      results.get(variant.name)!.push(figures);
      console.log(`round ${round + 1}/${rounds}  ${variant.name}  (${((Date.now() - t0) / 1000).toFixed(0)} s)  ${Object.entries(figures).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}`);
    }
  }
}

/** Per bench: each figure's median per side, and head / baseline per round (median of the rounds' ratios). */
function tableFor(bench: 'checkout' | 'subscriptions'): string {
  const [base, ...heads] = variants.filter((v) => v.bench === bench);
  const metrics = Object.keys(results.get(base!.name)![0]!);
  const rows = [
    `| ${bench} | ${base!.name.split(', ').slice(1).join(', ')} (median) | ${heads.map((h) => `${h.name.split(', ').slice(1).join(', ')} (median) | ratio head/base per round → median`).join(' | ')} |`,
    `| --- | --- | ${heads.map(() => '--- | ---').join(' | ')} |`,
  ];
  for (const metric of metrics) {
    const baseValues = results.get(base!.name)!.map((f) => f[metric]!);
    const cells = heads.map((h) => {
      const headValues = results.get(h.name)!.map((f) => f[metric]!);
      const ratios = headValues.map((v, i) => v / baseValues[i]!);
      return `${fmt(median(headValues))} | ${ratios.map(fmt).join(', ')} → **${fmt(median(ratios))}**`;
    });
    rows.push(`| ${metric} (${higherIsBetter.has(metric) ? 'higher' : 'lower'} is better) | ${fmt(median(baseValues))} | ${cells.join(' | ')} |`);
  }
  return rows.join('\n');
}

const headCommit = git(head, 'rev-parse', '--short', 'HEAD');
const dirty = git(head, 'status', '--porcelain', '--untracked-files=no') !== '';
const command = `npm run bench:checkout:compare -- ${process.argv.slice(2).join(' ')}`.trim();
const report = [
  '# Checkout and subscriptions: before (bd642bc) and after the kernel redesign',
  '',
  `Written by \`${command}\` (bench/support/checkout-compare.ts) on ${new Date().toISOString()}, ${((Date.now() - started) / 60000).toFixed(1)} min.`,
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}. Head ${headCommit}${dirty ? ' (with uncommitted changes)' : ''}; baseline ${baselineCommit.slice(0, 7)} in ${baselineDir}.`,
  `Rounds: ${rounds}, order alternating. checkout: \`${checkoutArgs().join(' ')}\` (head adds \`--services core\`), one process, real PostgreSQL; subscriptions: \`${subscriptionArgs().join(' ')}\`.`,
  'Tracing on: every span exported over OTLP http/protobuf to a stand-in collector in its own process (bd642bc has no tracing: its figures are the same baseline for both).',
  'CPU figures are the serving side\'s CPU (Node main thread + PostgreSQL for checkout; the gateway process for subscriptions) per request or event: the steadier measure on a loaded machine.',
  '',
  ...benches.flatMap((bench) => [tableFor(bench), '']),
  `Logs of every run: ${logDir}.`,
  '',
];
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, report.join('\n'));
console.log(`\n${report.join('\n')}\nwritten to ${output}`);
process.exit(0);

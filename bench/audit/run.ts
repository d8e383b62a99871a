/**
 * The Guild's federation-gateway-audit (https://github.com/graphql-hive/federation-gateway-audit, 199 tests in 46
 * suites) against this gateway, run by the audit's own CLI: for every suite it serves the suite's subgraphs, starts
 * `supergraph/src/main.ts --supergraph <the suite's supergraph> --port <p> --dedup <mode>` (the command behind
 * `npm run gateway`), checks every query's data and errors, and stops the gateway. Nothing is downloaded here: the
 * audit is a checkout of its own outside this repository (bench/audit/README.md).
 *
 * Run: npm run bench:audit -- --audit-dir /tmp/federation-gateway-audit [--dedup none|outbound|inbound] [--suite <id>]
 * Writes bench/results/audit.md (score by suite, failures) unless --suite narrows the run.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { freePort } from '@shop/local-servers';
import { DEDUP_MODES, DEFAULT_DEDUP, type DedupMode } from '../../supergraph/src/deduplication.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    'audit-dir': { type: 'string', default: process.env.AUDIT_DIR ?? '/tmp/federation-gateway-audit' },
    dedup: { type: 'string', default: DEFAULT_DEDUP },
    suite: { type: 'string' },
  },
});
const auditDir = resolve(values['audit-dir']!);
const dedup = values.dedup as DedupMode;
if (!DEDUP_MODES.includes(dedup)) throw new Error(`--dedup: one of ${DEDUP_MODES.join(', ')}`);
if (!existsSync(join(auditDir, 'src/cli.ts')) || !existsSync(join(auditDir, 'node_modules'))) {
  throw new Error(`No audit checkout with its dependencies at ${auditDir}: see bench/audit/README.md.`);
}

/** Ports nobody listens on: the audit kills whatever listens on the gateway's port before each suite. */
const [gatewayPort, auditPort] = [await freePort(), await freePort()];

// The audit runs a gateway through a shell script given the suite id; it fetches the suite's supergraph from the
// audit's own server first. exec: the audit's SIGTERM reaches the gateway, which stops as it does in production.
const work = mkdtempSync(join(tmpdir(), 'gateway-audit-'));
const script = join(work, 'run.sh');
writeFileSync(
  script,
  [
    'set -e',
    // The audit's server answers for a suite once it has loaded every suite (seconds with tsx): 404 until then.
    `curl -sSf --retry 120 --retry-all-errors --retry-delay 1 "http://localhost:${auditPort}/$1/supergraph" -o supergraph.graphql`,
    `cd ${JSON.stringify(root)}`,
    `exec node --import tsx supergraph/src/main.ts --supergraph ${JSON.stringify(join(work, 'supergraph.graphql'))} --port ${gatewayPort} --dedup ${dedup}`,
    '',
  ].join('\n'),
);
chmodSync(script, 0o755);

const command = values.suite ? ['test-suite', '--test', values.suite] : ['test', '--write', 'results.txt'];
const started = Date.now();
const audit = spawn(
  process.execPath,
  [
    '--import', join(root, 'bench/audit/with-resolvers.mjs'),
    '--import', 'tsx',
    join(auditDir, 'src/cli.ts'),
    ...command,
    '--cwd', work,
    '--run-script', './run.sh',
    '--graphql', `http://127.0.0.1:${gatewayPort}/graphql`,
    '--healthcheck', `http://127.0.0.1:${gatewayPort}/health`,
    '--port', String(auditPort),
    '--reporter', 'dot',
  ],
  {
    // tsx resolves from this repository (node:test runs the audit's test file in child processes with the same flags).
    cwd: root,
    stdio: 'inherit',
    // The gateway starts with tsx on a loaded machine: the audit's 5 s default wait for its health check is short.
    // Its client limits are this platform's defaults; the logs stay quiet but for warnings.
    env: { ...process.env, GATEWAY_TIMEOUT: '120000', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', NODE_ENV: process.env.NODE_ENV ?? 'development' },
  },
);
const code = await new Promise<number>((done) => audit.on('exit', (c) => done(c ?? 1)));
const seconds = Math.round((Date.now() - started) / 1000);

if (!values.suite) {
  const text = readFileSync(join(work, 'results.txt'), 'utf8');
  const lines = text.split('\n');
  const suites: { id: string; dots: string }[] = [];
  for (let i = 0; i + 1 < lines.length && lines[i] !== ''; i += 2) suites.push({ id: lines[i]!, dots: lines[i + 1]! });
  const passed = suites.reduce((n, s) => n + [...s.dots].filter((c) => c === '.').length, 0);
  const total = suites.reduce((n, s) => n + s.dots.length, 0);
  const failing = suites.filter((s) => s.dots.includes('X'));
  const auditCommit = existsSync(join(auditDir, 'package.json')) ? JSON.parse(readFileSync(join(auditDir, 'package.json'), 'utf8')).version : 'unknown';
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(
    join(root, 'bench/results/audit.md'),
    [
      '# federation-gateway-audit',
      '',
      `${passed} of ${total} tests passed, ${suites.length - failing.length} of ${suites.length} suites fully (dedup ${dedup}).`,
      '',
      `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; audit package ${auditCommit}; ${seconds} s.`,
      `Command: \`npm run bench:audit -- --audit-dir <checkout> --dedup ${dedup}\` (bench/audit/README.md).`,
      '',
      '| suite | passed | failed (test index in the suite) |',
      '| --- | --- | --- |',
      ...suites.map((s) => {
        const failed = [...s.dots].flatMap((c, i) => (c === 'X' ? [i] : []));
        return `| ${s.id} | ${s.dots.length - failed.length}/${s.dots.length} | ${failed.join(', ')} |`;
      }),
      '',
    ].join('\n'),
  );
  console.log(`\n${passed}/${total} passed; ${failing.length} suites with failures; bench/results/audit.md written (${seconds} s).`);
}
// The audit's logs (one file per suite: gateway output and the TAP of its tests) stay for reading failures.
console.log(`Logs: ${join(work, 'logs')}`);
process.exit(code);

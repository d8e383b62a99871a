import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPairPem } from '@shop/auth';
import { freePort, scrapeMetrics } from '@shop/testing';
import { startFederationSubgraphs, type FederationSubgraphs } from '../../../bench/federation/subgraphs.js';
import { EXPECTED_RESPONSE_BODY, TEST_QUERY_BODY } from '../../../bench/federation/test-query.js';
import { buildServices } from '../../../scripts/build-services.mjs';
import { until } from '../subscriptions.fixtures.js';

/**
 * `--workers 2`: two gateway processes on one port (node:cluster) over the federation bench's subgraphs, from the
 * production bundle as the image runs it (`node dist/gateway.mjs`). Every request here opens its own connection, so
 * the primary hands them out to both workers in turn.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
// A folder of this file's own, not dist/: other files may be running dist/ bundles meanwhile.
const outdir = `${root}node_modules/.cache/build-services-${randomUUID()}`;
let subgraphs: FederationSubgraphs;
let primary: ChildProcess;
let port: number;
let log = '';

/** The primary's worker processes (its children). */
const workerPids = () =>
  readdirSync(`/proc/${primary.pid}/task`).flatMap((task) =>
    readFileSync(`/proc/${primary.pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
  );
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** One TestQuery on a connection of its own (no keep-alive). */
const testQuery = () =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent: false, headers: { 'content-type': 'application/json', connection: 'close' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body: body.replace(/\n$/, '') }));
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error('no answer within 10 s')));
    req.end(TEST_QUERY_BODY);
  });
const requestsCounted = async () => (await scrapeMetrics(`http://127.0.0.1:${port}/metrics`)).value('graphql_requests_total', { operation_name: 'TestQuery' });

beforeAll(async () => {
  [subgraphs] = await Promise.all([startFederationSubgraphs({ inProcess: true }), buildServices({ outdir, quiet: true })]);
  port = await freePort();
  const { NODE_OPTIONS: _, ...inherited } = process.env;
  primary = spawn(process.execPath, [`${outdir}/gateway.mjs`, '--supergraph', subgraphs.supergraphPath, '--port', String(port), '--workers', '2', '--dedup', 'none'], {
    cwd: root,
    env: { ...inherited, JWT_PUBLIC_KEY: (await generateKeyPairPem()).publicKeyPem, NODE_ENV: 'production', LOG_LEVEL: 'info', RATE_LIMIT: 'off', GRAPHQL_MAX_COST: '10000000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  primary.stdout!.on('data', (chunk) => (log += chunk));
  primary.stderr!.on('data', (chunk) => (log += chunk));
  let last: unknown;
  const answered = () => testQuery().then((r) => (last = r.status) === 200, (error: unknown) => ((last = error), false));
  await until(async () => workerPids().length === 2 && (await answered()), 'both workers to start', 100_000).catch((error) => {
    throw new Error(`${(error as Error).message}: workers ${JSON.stringify(workerPids())}, last answer ${String(last)}\n${log.slice(-3000)}`);
  });
}, 120_000);

afterAll(async () => {
  if (primary && primary.exitCode === null && primary.signalCode === null) {
    const pids = workerPids();
    primary.kill('SIGKILL');
    for (const pid of pids) if (alive(pid)) process.kill(pid, 'SIGKILL');
  }
  await subgraphs?.stop();
  rmSync(outdir, { recursive: true, force: true });
});

describe('the gateway on every core (--workers)', () => {
  it('serves from two processes on one port, and /metrics on either counts what both answered', async () => {
    expect(workerPids()).toHaveLength(2);
    const before = await requestsCounted();
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(...(await Promise.all(Array.from({ length: 4 }, testQuery))));
    expect(answers.filter((a) => a.status !== 200 || a.body !== EXPECTED_RESPONSE_BODY)).toEqual([]);
    // Each scrape lands on one worker or the other; every one of them sees all 20.
    for (let i = 0; i < 4; i++) expect(await requestsCounted()).toBe(before + 20);
  });

  it('starts another worker when one dies, and answers meanwhile', async () => {
    const [victim, survivor] = workerPids();
    process.kill(victim!, 'SIGKILL');
    await until(() => !alive(victim!), 'the killed worker to be gone');
    expect((await testQuery()).status).toBe(200);
    await until(() => workerPids().length === 2 && !workerPids().includes(victim!), 'a new worker', 30_000);
    expect(workerPids()).toContain(survivor);
    const answers = await Promise.all(Array.from({ length: 4 }, testQuery));
    expect(answers.map((a) => a.body === EXPECTED_RESPONSE_BODY)).toEqual([true, true, true, true]);
  });

  it('stops every worker, then itself, on SIGTERM', async () => {
    const pids = workerPids();
    const exited = new Promise<number | null>((resolve) => primary.once('exit', (code) => resolve(code)));
    primary.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(pids.filter(alive)).toEqual([]);
  }, 30_000);
});

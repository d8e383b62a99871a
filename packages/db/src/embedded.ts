import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PGlite } from '@electric-sql/pglite';
import { EXTRA_START_PARAMS } from './cluster-template.mjs';

export { EXTRA_START_PARAMS };

const isFresh = (dir: string) => !existsSync(dir) || readdirSync(dir).length === 0;

interface Waiter {
  resolve(): void;
  reject(error: Error): void;
}
const waiters = new Map<string, { done: Promise<void> } & Waiter>();
let worker: Worker | undefined;

/** The worker that makes clusters; it lives only while some are being made, so it never holds the process open. */
function clusterWorker(): Worker {
  if (worker) return worker;
  // Every folder gets a copy of one cached template (node_modules/.cache, made by npm install or on first need).
  const started = new Worker(new URL('./cluster-worker.mjs', import.meta.url));
  const failAll = (error: Error) => {
    for (const [dir, waiter] of waiters) (waiters.delete(dir), waiter.reject(error));
  };
  started.on('message', ({ dir, error }: { dir: string; error?: string }) => {
    const waiter = waiters.get(dir);
    waiters.delete(dir);
    if (error) waiter?.reject(new Error(`Could not create the PGlite cluster in ${dir}: ${error}`));
    else waiter?.resolve();
    if (waiters.size === 0 && worker === started) (worker = undefined, started.postMessage({ done: true }));
  });
  // Only a worker that dies while in use fails its requests; one terminated when idle has none.
  const died = (error: Error) => {
    if (worker !== started) return;
    worker = undefined;
    failAll(error);
  };
  started.on('error', died);
  started.on('exit', () => died(new Error('The PGlite cluster worker stopped')));
  worker = started;
  return started;
}

/** Resolves once dataDir holds a cluster: a fresh (missing or empty) folder gets a copy of a new one, made off the main thread. */
function ensureCluster(dataDir: string): Promise<void> {
  const dir = resolve(dataDir);
  const pending = waiters.get(dir);
  if (pending) return pending.done;
  if (!isFresh(dir)) return Promise.resolve();
  let waiter!: Waiter;
  const done = new Promise<void>((resolve, reject) => (waiter = { resolve, reject }));
  waiters.set(dir, { done, ...waiter });
  clusterWorker().postMessage({ dir });
  return done;
}

/** Opens the PGlite database in dataDir, first giving a fresh folder its cluster. */
export async function openPGlite(dataDir: string): Promise<PGlite> {
  const [{ PGlite }] = await Promise.all([import('@electric-sql/pglite'), ensureCluster(dataDir)]);
  const client = new PGlite(dataDir, { startParams: [...PGlite.defaultStartParams, ...EXTRA_START_PARAMS] });
  await client.waitReady;
  return client;
}

const prepared = new Map<string, Promise<PGlite>>();

/**
 * Starts opening the databases in dataDirs now (a fresh folder first gets its cluster from a worker thread), so that
 * their boot overlaps whatever the caller does next, such as loading modules; openDatabase then takes them over.
 */
export function prepareEmbeddedDatabases(dataDirs: string[]): void {
  for (const dataDir of dataDirs) {
    const dir = resolve(dataDir);
    if (prepared.has(dir)) continue;
    const client = openPGlite(dir);
    // openDatabase reports a failure; one nobody takes over must not become an unhandled rejection.
    client.catch(() => {});
    prepared.set(dir, client);
  }
}

/** The database prepareEmbeddedDatabases opened for dataDir, handed over once. */
export function takePreparedPGlite(dataDir: string): Promise<PGlite> | undefined {
  const dir = resolve(dataDir);
  const client = prepared.get(dir);
  prepared.delete(dir);
  return client;
}

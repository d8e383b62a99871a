import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import { AggregatorRegistry, type Registry } from 'prom-client';
import { z } from 'zod';
import type { Logger } from '@shop/common';

/**
 * The gateway on every core: with GATEWAY_WORKERS (or --workers) above 1, the command's process is a primary that
 * runs that many gateway processes (node:cluster) sharing its port; the primary accepts connections and hands them
 * out in turn. Each worker is a whole gateway (its own plans, deduplication and subscriptions); /metrics on any of
 * them answers for all of them: the primary asks every worker that listens for its series and sums them
 * (prom-client's AggregatorRegistry.aggregate). A worker that dies is started again; SIGTERM or SIGINT to the
 * primary stops every worker gracefully, then the primary.
 */

/** A positive number, or `auto`: one per core this process may run on (os.availableParallelism, which honours taskset). */
export const zWorkers = z
  .union([z.literal('auto'), z.coerce.number().int().min(1).max(256)])
  .transform((value) => (value === 'auto' ? availableParallelism() : value));

/** Worker -> primary: "the metrics of all of us, please"; primary -> worker: the answer (text or error). */
const METRICS_REQUEST = 'gateway:cluster-metrics';
/** Primary -> each serving worker: "your series"; worker -> primary: them, as prom-client JSON. */
const METRICS_COLLECT = 'gateway:collect-metrics';
const METRICS_TIMEOUT_MS = 5_000;

type MetricsJson = Awaited<ReturnType<Registry['getMetricsAsJSON']>>;
type Message =
  | { type: typeof METRICS_REQUEST; id: number; text?: string; error?: string }
  | { type: typeof METRICS_COLLECT; id: number; metrics?: MetricsJson; error?: string };
const isMessage = (message: unknown): message is Message => {
  const type = (message as { type?: unknown } | null)?.type;
  return type === METRICS_REQUEST || type === METRICS_COLLECT;
};

/** A worker that died within this long of starting is started again only after a growing pause (at most 30 s). */
const HEALTHY_AFTER_MS = 10_000;
/** Workers dying that soon, one after another, this many times: the primary stops and exits 1. */
const GIVE_UP_AFTER = 5;

/** The primary: starts `count` workers (this same command), restarts the ones that die, stops them all on a signal. */
export function runPrimary(count: number, logger: Logger): void {
  const startedAt = new Map<Worker, number>();
  /** Workers that listen: only they are asked for their series (one still starting has none to give yet). */
  const serving = new Set<Worker>();
  const collecting = new Map<number, { parts: MetricsJson[]; waiting: number; done(error?: Error): void }>();
  let nextCollection = 0;
  let stopping = false;
  let failures = 0;

  const fork = () => startedAt.set(cluster.fork(), Date.now());
  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker) ?? 0);
    startedAt.delete(worker);
    serving.delete(worker);
    if (stopping) return;
    failures = lived < HEALTHY_AFTER_MS ? failures + 1 : 0;
    if (failures >= GIVE_UP_AFTER) {
      // A gateway that cannot start (its configuration, its supergraph) fails as one process would, for the supervisor.
      logger.error({ failures }, 'gateway workers keep failing at start; stopping');
      stop(1);
      return;
    }
    const delayMs = failures === 0 ? 0 : Math.min(30_000, 500 * 2 ** (failures - 1));
    logger.error({ pid: worker.process.pid, code, signal, restartInMs: delayMs }, 'gateway worker exited; starting another');
    setTimeout(() => stopping || fork(), delayMs);
  });
  cluster.on('listening', (worker) => serving.add(worker));
  cluster.on('message', (worker, message: unknown) => {
    if (!isMessage(message)) return;
    if (message.type === METRICS_COLLECT) {
      const collection = collecting.get(message.id);
      if (!collection) return;
      if (!message.metrics) return collection.done(new Error(message.error ?? 'a worker sent no metrics'));
      collection.parts.push(message.metrics);
      if (--collection.waiting === 0) collection.done();
      return;
    }
    const reply = (answer: { text?: string; error?: string }) => worker.isConnected() && worker.send({ type: METRICS_REQUEST, id: message.id, ...answer });
    const id = nextCollection++;
    const workers = [...serving].filter((w) => w.isConnected());
    const timer = setTimeout(() => collecting.get(id)?.done(new Error('a worker did not send its metrics')), METRICS_TIMEOUT_MS);
    collecting.set(id, {
      parts: [],
      waiting: workers.length,
      done(error) {
        clearTimeout(timer);
        const { parts } = collecting.get(id)!;
        collecting.delete(id);
        // Never a partial sum: a counter that seemed to go back would read as a reset.
        if (error) reply({ error: error.message });
        else AggregatorRegistry.aggregate(parts).metrics().then((text) => reply({ text }), (e: Error) => reply({ error: e.message }));
      },
    });
    for (const w of workers) w.send({ type: METRICS_COLLECT, id });
    if (workers.length === 0) collecting.get(id)!.done();
  });
  for (let i = 0; i < count; i++) fork();
  logger.info({ workers: count }, 'gateway workers starting');

  function stop(exitCode: number) {
    if (stopping) return;
    stopping = true;
    const workers = [...startedAt.keys()];
    // Each worker stops as one gateway does: no new requests, in-flight ones finish, subscriptions told to reconnect.
    for (const worker of workers) worker.process.kill('SIGTERM');
    Promise.all(workers.map((worker) => (worker.isDead() ? undefined : new Promise((done) => worker.once('exit', done))))).then(() => process.exit(exitCode));
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stop(0));
}

/**
 * In a worker: what its /metrics answers, every worker's series summed by the primary (the worker's own registry is
 * what it contributes). Outside a cluster, the registry itself.
 */
export function clusterMetrics(registry: Registry): Pick<Registry, 'metrics' | 'contentType'> {
  if (!cluster.isWorker) return registry;
  let nextId = 0;
  const waiting = new Map<number, { resolve(text: string): void; reject(error: Error): void }>();
  process.on('message', (message: unknown) => {
    if (!isMessage(message)) return;
    if (message.type === METRICS_COLLECT) {
      // A failing collector fails the scrape at once (500), as it would in a single gateway.
      registry.getMetricsAsJSON().then(
        (metrics) => process.send!({ type: METRICS_COLLECT, id: message.id, metrics }),
        (error: Error) => process.send!({ type: METRICS_COLLECT, id: message.id, error: error.message }),
      );
      return;
    }
    const request = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.text !== undefined) request?.resolve(message.text);
    else request?.reject(new Error(message.error ?? 'no metrics'));
  });
  return {
    contentType: registry.contentType,
    metrics: () =>
      new Promise<string>((resolve, reject) => {
        const id = nextId++;
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error('the primary did not answer for the workers\' metrics'));
        }, METRICS_TIMEOUT_MS + 1_000);
        waiting.set(id, {
          resolve: (text) => (clearTimeout(timer), resolve(text)),
          reject: (error) => (clearTimeout(timer), reject(error)),
        });
        process.send!({ type: METRICS_REQUEST, id });
      }),
  };
}

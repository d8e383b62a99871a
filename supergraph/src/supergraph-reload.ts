import type { SupergraphSdlHook } from '@apollo/gateway';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { Logger } from '@shop/common';
import type { SupergraphSource } from './supergraph-source.js';

/** applied; invalid: does not parse, validate or plan; unhealthy: a subgraph it names did not answer; unreadable: no text to try. */
export const RELOAD_RESULTS = ['applied', 'invalid', 'unhealthy', 'unreadable'] as const;
export type ReloadResult = (typeof RELOAD_RESULTS)[number];

/** A subgraph that accepts the connection and never answers must not hold every later reload behind it. */
const HEALTH_CHECK_TIMEOUT_MS = 10_000;

export interface SupergraphReloadOptions<Prepared> {
  source: SupergraphSource;
  /** The supergraph the gateway starts on (source.load()). */
  initialSdl: string;
  registry: Registry;
  logger: Logger;
  /**
   * Builds what the gateway serves beside @apollo/gateway for a supergraph (the subscription planner); throws when
   * the text is no usable supergraph. It runs before @apollo/gateway sees the text: @apollo/gateway skips validation
   * when NODE_ENV=production and half-updates itself when its query planner then throws, so nothing reaches it unchecked.
   */
  prepare: (sdl: string) => Prepared;
  /** @apollo/gateway serves the new supergraph: switch the rest (subscriptions) to it. */
  activate: (prepared: Prepared, sdl: string) => void;
}

/**
 * The supergraph as @apollo/gateway's `supergraphSdl` hook: it starts on initialSdl and calls the gateway's own
 * `update` for every new text the source reports, after prepare() accepted it and `healthCheck` reached every
 * subgraph it names. A refused text leaves the gateway on what it served (logged, counted in
 * gateway_supergraph_reloads_total{result}, gateway_supergraph_stale = 1); one refused only for an unhealthy
 * subgraph is tried again after source.retryMs, unless a newer text came meanwhile. Queries in flight finish on the
 * plan they started with; open subscriptions keep theirs (see subscriptions/subscription-server.ts).
 */
export function reloadingSupergraph<Prepared>(options: SupergraphReloadOptions<Prepared>): SupergraphSdlHook {
  const { source, logger } = options;
  const reloads = new Counter({
    name: 'gateway_supergraph_reloads_total',
    help: 'New supergraphs the gateway tried, by result: applied, invalid, unhealthy (a subgraph did not answer) or unreadable.',
    labelNames: ['result'],
    registers: [options.registry],
  });
  // Every result from zero, so an alert on increase() sees the first failure.
  for (const result of RELOAD_RESULTS) reloads.inc({ result }, 0);
  const stale = new Gauge({
    name: 'gateway_supergraph_stale',
    help: '1 while the newest supergraph the gateway saw was refused and it serves an older one.',
    registers: [options.registry],
  });
  stale.set(0);

  return async ({ update, healthCheck }) => {
    let current = options.initialSdl;
    let latest = options.initialSdl;
    let stopped = false;
    let queue = Promise.resolve();
    let retry: NodeJS.Timeout | undefined;

    const refuse = (result: Exclude<ReloadResult, 'applied' | 'unreadable'>, error: unknown) => {
      reloads.inc({ result });
      stale.set(1);
      logger.error({ err: error, source: source.description, result }, 'new supergraph refused; the gateway keeps serving the previous one');
    };

    const apply = async (sdl: string) => {
      // A newer text is queued behind this one, or this one is served already.
      if (stopped || sdl !== latest) return;
      if (sdl === current) return void stale.set(0);
      let prepared: Prepared;
      try {
        prepared = options.prepare(sdl);
      } catch (error) {
        return refuse('invalid', error);
      }
      try {
        await withTimeout(healthCheck(sdl), HEALTH_CHECK_TIMEOUT_MS, 'the subgraph health check timed out');
      } catch (error) {
        refuse('unhealthy', error);
        clearTimeout(retry);
        retry = setTimeout(() => enqueue(sdl), source.retryMs).unref();
        return;
      }
      if (stopped || sdl !== latest) return;
      try {
        update(sdl);
      } catch (error) {
        return refuse('invalid', error);
      }
      options.activate(prepared, sdl);
      current = sdl;
      reloads.inc({ result: 'applied' });
      stale.set(0);
      logger.info({ source: source.description }, 'supergraph reloaded');
    };

    // One text at a time, in the order they came: @apollo/gateway refuses an update while one is under way.
    const enqueue = (sdl: string) => {
      queue = queue.then(() => apply(sdl)).catch((error) => logger.error({ err: error }, 'supergraph reload failed'));
    };
    const stopWatching = source.watch({
      onSupergraph(sdl) {
        latest = sdl;
        enqueue(sdl);
      },
      onError(error) {
        reloads.inc({ result: 'unreadable' });
        logger.warn({ err: error, source: source.description }, 'supergraph could not be read; the gateway keeps serving the one it has');
      },
    });
    return {
      supergraphSdl: options.initialSdl,
      async cleanup() {
        stopped = true;
        clearTimeout(retry);
        stopWatching();
      },
    };
  };
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

import { and, gt, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Database, Transaction } from '@shop/db';
import type { PeriodicTask } from '@shop/common';
import { forecastRuns, type AnalyticsSchema } from '../db/schema.js';
import { runForecastBatch, type ForecastBatchOptions } from './batch.js';
import type { ForecastMetrics } from './metrics.js';

export interface ForecastTaskOptions extends Omit<ForecastBatchOptions, 'runId' | 'metrics'> {
  /**
   * The batch's instruments, or a getter for them: the kernel creates workers before the metrics registry, so the
   * subgraph registers them in its metrics hook and the task reads them at each run.
   */
  metrics?: ForecastMetrics | (() => ForecastMetrics | undefined);
  /** Run a batch when the last successful one started longer ago than this (FORECAST_INTERVAL_MS). */
  intervalMs: number;
  /** How often the task looks whether a batch is due (FORECAST_CHECK_INTERVAL_MS, default a minute). */
  checkEveryMs?: number;
  /** A run unfinished this long is taken as dead (its process stopped mid-batch) and no longer holds others off. */
  staleAfterMs?: number;
}

const DEFAULT_STALE_AFTER_MS = 60 * 60_000;
// One advisory lock key for "claim the forecast batch", the same in every replica.
const FORECAST_CLAIM_LOCK = 0x46_52_43_54; // "FRCT"

/**
 * The scheduled forecast batch. It checks every minute whether a batch is due instead of sleeping intervalMs, so a
 * first batch runs soon after start and a restart does not run one again when a recent one exists; the claim
 * (claimForecastRun) lets one replica at a time run it.
 */
export function forecastTask(db: Database<AnalyticsSchema>, options: ForecastTaskOptions): PeriodicTask {
  const checkEveryMs = options.checkEveryMs ?? 60_000;
  return {
    name: 'forecast-batch',
    everyMs: checkEveryMs,
    maxBackoffMs: Math.max(checkEveryMs, 10 * 60_000),
    run: async (signal) => {
      const now = (options.now ?? (() => new Date()))();
      const runId = await claimForecastRun(db, options.intervalMs, now, options.staleAfterMs);
      if (!runId) return;
      const metrics = typeof options.metrics === 'function' ? options.metrics() : options.metrics;
      await runForecastBatch(db, { ...options, runId, metrics, signal });
    },
  };
}

/**
 * Starts a forecast_runs row when a batch is due, under an advisory lock so two replicas checking at once cannot
 * both claim one; null when none is due (or another replica's run is under way).
 */
export async function claimForecastRun(db: Database<AnalyticsSchema>, intervalMs: number, now: Date, staleAfterMs = DEFAULT_STALE_AFTER_MS): Promise<string | null> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${FORECAST_CLAIM_LOCK})`);
    if (!(await forecastDue(tx, intervalMs, now, staleAfterMs))) return null;
    const [run] = await tx.insert(forecastRuns).values({ startedAt: now }).returning({ id: forecastRuns.id });
    return run!.id;
  });
}

/**
 * True unless a batch succeeded that started within intervalMs before `now`, or one is under way (unfinished,
 * started within staleAfterMs).
 */
export async function forecastDue(
  db: Database<AnalyticsSchema> | Transaction<AnalyticsSchema>, intervalMs: number, now: Date, staleAfterMs = DEFAULT_STALE_AFTER_MS,
): Promise<boolean> {
  const recentSuccess = and(isNotNull(forecastRuns.finishedAt), isNull(forecastRuns.error), gt(forecastRuns.startedAt, new Date(now.getTime() - intervalMs)));
  const underWay = and(isNull(forecastRuns.finishedAt), gt(forecastRuns.startedAt, new Date(now.getTime() - staleAfterMs)));
  const [blocking] = await db.select({ id: forecastRuns.id }).from(forecastRuns).where(or(recentSuccess, underWay)).limit(1);
  return !blocking;
}

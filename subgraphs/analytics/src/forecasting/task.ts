import { desc, isNotNull, isNull, and } from 'drizzle-orm';
import type { Database } from '@shop/db';
import type { PeriodicTask } from '@shop/common';
import { forecastRuns, type AnalyticsSchema } from '../db/schema.js';
import { runForecastBatch, type ForecastBatchOptions } from './batch.js';

export interface ForecastTaskOptions extends ForecastBatchOptions {
  /** Run a batch when the last successful one started longer ago than this (FORECAST_INTERVAL_MS). */
  intervalMs: number;
  /** How often the task looks whether a batch is due (default a minute). */
  checkEveryMs?: number;
}

/**
 * The scheduled forecast batch. It checks every minute whether a batch is due (none has succeeded yet, or the last
 * success started over intervalMs ago) instead of sleeping intervalMs, so a first batch runs soon after start and a
 * restart does not run one again when a recent one exists.
 */
export function forecastTask(db: Database<AnalyticsSchema>, options: ForecastTaskOptions): PeriodicTask {
  return {
    name: 'forecast-batch',
    everyMs: options.checkEveryMs ?? 60_000,
    maxBackoffMs: Math.max(options.checkEveryMs ?? 60_000, 10 * 60_000),
    run: async () => {
      const now = (options.now ?? (() => new Date()))();
      if (!(await forecastDue(db, options.intervalMs, now))) return;
      await runForecastBatch(db, options);
    },
  };
}

/** True when no batch has succeeded yet or the last success started more than intervalMs before `now`. */
export async function forecastDue(db: Database<AnalyticsSchema>, intervalMs: number, now: Date): Promise<boolean> {
  const [last] = await db.select({ startedAt: forecastRuns.startedAt }).from(forecastRuns)
    .where(and(isNotNull(forecastRuns.finishedAt), isNull(forecastRuns.error)))
    .orderBy(desc(forecastRuns.startedAt)).limit(1);
  return !last || now.getTime() - last.startedAt.getTime() >= intervalMs;
}

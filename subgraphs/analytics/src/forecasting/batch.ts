import { eq } from 'drizzle-orm';
import type { Database } from '@shop/db';
import type { Logger } from '@shop/common';
import { forecastRuns, forecasts, type AnalyticsSchema } from '../db/schema.js';
import { loadAugurs } from './augurs.js';
import { addDays, utcDay } from '../domain/days.js';
import { forecastSeriesYielding, type SeriesForecast } from './engine.js';
import type { ForecastMetrics } from './metrics.js';
import { allModels, type ForecastModel, type ModelName } from './models.js';
import { loadSeries, type SubjectSeries } from './series.js';

/** Days every stored forecast covers: the longest `days` the API serves. */
export const FORECAST_STORED_DAYS = 90;

export interface ForecastBatchOptions {
  logger: Logger;
  /** Days to forecast and store (default 90). */
  days?: number;
  /** The last day of history (YYYY-MM-DD, UTC); default yesterday, the last complete day. */
  lastDay?: string;
  /** The candidate models (default all: seasonal-naive, ets, mstl, prophet). */
  models?: readonly ForecastModel[];
  /** Back-test window (default 28 days). */
  window?: number;
  metrics?: ForecastMetrics;
  /** A forecast_runs row already claimed for this batch (forecastTask's); else the batch inserts one. */
  runId?: string;
  /** Log progress every this many series (default 25). */
  logEvery?: number;
  now?: () => Date;
  /** Aborted when the service stops: the batch ends after the series under way and records the run as stopped. */
  signal?: AbortSignal;
}

export interface ForecastBatchResult {
  runId: string;
  seriesTotal: number;
  seriesDone: number;
  seriesFailed: number;
  durationMs: number;
  /** How many series chose each model. */
  chosen: Partial<Record<ModelName, number>>;
  /** Milliseconds each model spent over the whole batch. */
  modelMs: Partial<Record<ModelName, number>>;
}

/**
 * Forecasts every product and category from sales_daily and replaces their stored forecasts, one series at a time
 * (each in its own statement, so a failed series leaves the others stored). The fits are synchronous WASM, so it
 * yields to the event loop after each fit: the service keeps answering requests while a batch runs.
 */
export async function runForecastBatch(db: Database<AnalyticsSchema>, options: ForecastBatchOptions): Promise<ForecastBatchResult> {
  const { logger, metrics } = options;
  const now = options.now ?? (() => new Date());
  const started = now();
  const startedMs = performance.now();
  const days = options.days ?? FORECAST_STORED_DAYS;
  const lastDay = options.lastDay ?? addDays(utcDay(started), -1);
  const logEvery = options.logEvery ?? 25;
  const runId = options.runId ?? (await db.insert(forecastRuns).values({ startedAt: started }).returning({ id: forecastRuns.id }))[0]!.id;
  try {
    const models = options.models ?? allModels(await loadAugurs());
    const series = await loadSeries(db, lastDay);
    metrics?.seriesTotal.set(series.length);
    metrics?.seriesDone.set(0);
    await db.update(forecastRuns).set({ seriesTotal: series.length }).where(eq(forecastRuns.id, runId));
    logger.info({ runId, series: series.length, lastDay, days }, 'forecast batch started');

    const result: ForecastBatchResult = { runId, seriesTotal: series.length, seriesDone: 0, seriesFailed: 0, durationMs: 0, chosen: {}, modelMs: {} };
    for (const subject of series) {
      if (options.signal?.aborted) {
        result.durationMs = Math.round(performance.now() - startedMs);
        await db.update(forecastRuns)
          .set({ finishedAt: now(), seriesDone: result.seriesDone, seriesFailed: result.seriesFailed, durationMs: result.durationMs, error: 'stopped: the service stopped mid-batch' })
          .where(eq(forecastRuns.id, runId));
        logger.info({ runId, done: result.seriesDone, total: series.length }, 'forecast batch stopped with the service');
        return result;
      }
      try {
        const forecast = await forecastSeriesYielding(subject, { horizon: days, models, window: options.window });
        await storeForecast(db, subject, forecast, now());
        result.chosen[forecast.model] = (result.chosen[forecast.model] ?? 0) + 1;
        for (const [model, ms] of Object.entries(forecast.timings) as [ModelName, number][]) result.modelMs[model] = (result.modelMs[model] ?? 0) + ms;
        result.seriesDone++;
      } catch (error) {
        result.seriesFailed++;
        metrics?.failures.inc({ kind: 'series' });
        logger.warn({ err: error, runId, subject: { kind: subject.kind, id: subject.id } }, 'forecast of a series failed');
      }
      metrics?.seriesDone.set(result.seriesDone + result.seriesFailed);
      const handled = result.seriesDone + result.seriesFailed;
      if (handled % logEvery === 0 && handled < series.length) {
        logger.info({ runId, done: handled, total: series.length, elapsedMs: Math.round(performance.now() - startedMs) }, 'forecast batch progress');
      }
    }

    result.durationMs = Math.round(performance.now() - startedMs);
    await db.update(forecastRuns)
      .set({ finishedAt: now(), seriesDone: result.seriesDone, seriesFailed: result.seriesFailed, durationMs: result.durationMs })
      .where(eq(forecastRuns.id, runId));
    metrics?.duration.observe(result.durationMs / 1000);
    metrics?.lastSuccess.set(Date.now() / 1000);
    logger.info({ runId, done: result.seriesDone, failed: result.seriesFailed, total: series.length, durationMs: result.durationMs, chosen: result.chosen, modelMs: roundAll(result.modelMs) }, 'forecast batch finished');
    return result;
  } catch (error) {
    metrics?.failures.inc({ kind: 'batch' });
    await db.update(forecastRuns)
      .set({ finishedAt: now(), durationMs: Math.round(performance.now() - startedMs), error: error instanceof Error ? error.message : String(error) })
      .where(eq(forecastRuns.id, runId));
    throw error;
  }
}

async function storeForecast(db: Database<AnalyticsSchema>, subject: SubjectSeries, forecast: SeriesForecast, computedAt: Date): Promise<void> {
  const chosen = forecast.models[0] ?? null;
  const row = {
    computedAt,
    historyDays: forecast.historyDays,
    days: forecast.points.length,
    model: forecast.model,
    points: forecast.points,
    smape: chosen?.smape ?? null,
    mape: chosen?.mape ?? null,
    baselineSmape: chosen?.baselineSmape ?? null,
    backtestWindow: chosen?.window ?? null,
    models: forecast.models,
  };
  await db.insert(forecasts).values({ subjectKind: subject.kind, subjectId: subject.id, ...row })
    .onConflictDoUpdate({ target: [forecasts.subjectKind, forecasts.subjectId], set: row });
}

function roundAll(values: Partial<Record<ModelName, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Math.round(v)]));
}


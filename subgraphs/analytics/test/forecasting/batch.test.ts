import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { and, eq } from 'drizzle-orm';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Viewer } from '@shop/auth';
import { createLogger } from '@shop/common';
import { openDatabase, type Database } from '@shop/db';
import { createTestDatabase } from '@shop/testing';
import { forecastRuns, forecasts, productFacts, salesDaily, schema, stockLevels, type AnalyticsSchema } from '../../src/db/schema.js';
import { addDays, claimForecastRun, forecastDue, forecastTask, registerForecastMetrics, runForecastBatch, syntheticDemand, type ForecastBatchResult, type ForecastMetrics } from '../../src/forecasting/index.js';
import { readCategoryForecast, readProductForecast } from '../../src/forecasting/read.js';
import { forecastResolvers } from '../../src/graphql/forecast-resolvers.js';
import type { AnalyticsContext } from '../../src/graphql/context.js';

const migrationsFolder = fileURLToPath(new URL('../../src/db/migrations', import.meta.url));
const FIRST_DAY = '2025-11-01';
const LAST_DAY = '2026-10-31';

const sellerA: Viewer = { id: randomUUID(), roles: ['SELLER', 'CUSTOMER'] };
const sellerB: Viewer = { id: randomUUID(), roles: ['SELLER', 'CUSTOMER'] };
const admin: Viewer = { id: randomUUID(), roles: ['ADMIN'] };
const customer: Viewer = { id: randomUUID(), roles: ['CUSTOMER'] };
const categoryX = randomUUID();
const categoryY = randomUUID();
const hammock = { productId: randomUUID(), sellerId: sellerA.id, categoryId: categoryX, level: 8 };
const bag = { productId: randomUUID(), sellerId: sellerB.id, categoryId: categoryX, level: 20 };
const unsold = { productId: randomUUID(), sellerId: sellerA.id, categoryId: categoryY, level: 0 };
const [warehouse1, warehouse2] = [randomUUID(), randomUUID()].sort() as [string, string];

let database: { url: string; drop(): Promise<void> };
let opened: { db: Database<AnalyticsSchema>; close(): Promise<void> };
let db: Database<AnalyticsSchema>;
const registry = new Registry();
const logLines: string[] = [];
let result: ForecastBatchResult;

beforeAll(async () => {
  database = await createTestDatabase(inject('databaseUrl'), 'analytics_forecast');
  opened = await openDatabase({ url: database.url, schema, migrationsFolder, maxConnections: 4 });
  db = opened.db;
  await db.insert(productFacts).values([hammock, bag, unsold].map((p) => ({
    productId: p.productId, sellerId: p.sellerId, categoryId: p.categoryId, name: 'x', priceMinor: 10_000_00, currency: 'COP', updatedAt: new Date(),
  })));
  const days = 365;
  for (const [seed, product] of [[1, hammock], [2, bag]] as const) {
    const units = syntheticDemand({ days, seed, level: product.level, firstDay: FIRST_DAY });
    await db.insert(salesDaily).values(units.flatMap((u, i) => u === 0 ? [] : [{
      day: addDays(FIRST_DAY, i), productId: product.productId, sellerId: product.sellerId, categoryId: product.categoryId,
      units: u, orders: u, revenueMinor: u * 10_000_00, currency: 'COP',
    }]));
  }
  // A sale after the last day of history must not count.
  await db.insert(salesDaily).values({ day: addDays(LAST_DAY, 1), productId: hammock.productId, sellerId: sellerA.id, categoryId: categoryX, units: 500, orders: 1, revenueMinor: 1, currency: 'COP' });
  await db.insert(stockLevels).values([
    { productId: hammock.productId, warehouseId: warehouse1, onHand: 32, reserved: 2, available: 30, updatedAt: new Date() },
    { productId: hammock.productId, warehouseId: warehouse2, onHand: 10, reserved: 0, available: 10, updatedAt: new Date() },
    { productId: bag.productId, warehouseId: warehouse1, onHand: 5000, reserved: 0, available: 5000, updatedAt: new Date() },
  ]);
  const logger = createLogger('analytics', new Writable({ write: (chunk, _enc, done) => (logLines.push(String(chunk)), done()) }));
  logger.level = 'info'; // silent under tests by default
  result = await runForecastBatch(db, { logger, lastDay: LAST_DAY, metrics: registerForecastMetrics(registry), logEvery: 2 });
}, 120_000);

afterAll(async () => {
  await opened?.close();
  await database?.drop();
});

describe('forecast batch on PostgreSQL', () => {
  it('forecasts every product and every category that sold, and records the run', async () => {
    expect(result).toMatchObject({ seriesTotal: 4, seriesDone: 4, seriesFailed: 0 });
    const rows = await db.select().from(forecasts);
    expect(rows.map((r) => `${r.subjectKind} ${r.subjectId}`).sort()).toEqual(
      [`PRODUCT ${hammock.productId}`, `PRODUCT ${bag.productId}`, `PRODUCT ${unsold.productId}`, `CATEGORY ${categoryX}`].sort(),
    );
    for (const row of rows) {
      expect(row.days).toBe(90);
      expect(row.points).toHaveLength(90);
      expect(row.points[0]!.date).toBe('2026-11-01');
    }
    const [run] = await db.select().from(forecastRuns);
    expect(run).toMatchObject({ seriesTotal: 4, seriesDone: 4, seriesFailed: 0, error: null });
    expect(run!.finishedAt).toBeInstanceOf(Date);
    expect(run!.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('stores each sold series’ back-test: the chosen model first, every model, the baseline’s sMAPE beside it', async () => {
    const rows = await db.select().from(forecasts);
    for (const row of rows.filter((r) => r.subjectId !== unsold.productId)) {
      expect(row.historyDays).toBe(365);
      expect(row.models.map((m) => m.model).sort()).toEqual(['ets', 'mstl', 'prophet', 'seasonal-naive']);
      expect(row.models[0]!.model).toBe(row.model);
      expect(row.smape).toBe(row.models[0]!.smape);
      expect(row.baselineSmape).toBe(row.models.find((m) => m.model === 'seasonal-naive')!.smape);
      expect(row.smape!).toBeLessThanOrEqual(row.baselineSmape!);
      expect(row.backtestWindow).toBe(28);
      expect(row.mape).not.toBeNull();
    }
    const unsoldRow = rows.find((r) => r.subjectId === unsold.productId)!;
    expect(unsoldRow).toMatchObject({ model: 'seasonal-naive', historyDays: 0, smape: null, models: [] });
    expect(unsoldRow.points.every((p) => p.expected === 0)).toBe(true);
  });

  it('forecasts a category as the sum of its products (their level, not one product’s)', async () => {
    const [category] = await db.select().from(forecasts).where(eqSubject('CATEGORY', categoryX));
    const [product] = await db.select().from(forecasts).where(eqSubject('PRODUCT', bag.productId));
    const week = (points: { expected: number }[]) => points.slice(0, 7).reduce((a, p) => a + p.expected, 0);
    expect(week(category!.points)).toBeGreaterThan(week(product!.points) * 1.15);
  });

  it('logs progress and the end with its timing, and updates the metrics', async () => {
    const logs = logLines.map((l) => JSON.parse(l) as { msg: string; durationMs?: number; done?: number });
    expect(logs.filter((l) => l.msg === 'forecast batch progress').map((l) => l.done)).toEqual([2]);
    const finished = logs.find((l) => l.msg === 'forecast batch finished')!;
    expect(finished).toMatchObject({ done: 4, failed: 0, total: 4 });
    expect(finished.durationMs).toBeGreaterThanOrEqual(0);
    const metrics = Object.fromEntries((await registry.getMetricsAsJSON()).map((m) => [m.name, m.values]));
    expect(metrics['analytics_forecast_series_done']![0]!.value).toBe(4);
    expect(metrics['analytics_forecast_series_total']![0]!.value).toBe(4);
    expect(metrics['analytics_forecast_last_success_timestamp_seconds']![0]!.value).toBeGreaterThan(Date.now() / 1000 - 300);
    const duration = metrics['analytics_forecast_batch_duration_seconds']! as { metricName?: string; value: number }[];
    expect(duration.find((v) => v.metricName?.endsWith('_count'))!.value).toBe(1);
  });

  it('serves a product’s forecast to its seller and admins only, with stock-out and reorder from the stock now', async () => {
    expect(await readProductForecast(db, sellerB, hammock.productId, 30, 7)).toBeNull();
    expect(await readProductForecast(db, customer, hammock.productId, 30, 7)).toBeNull();
    expect(await readProductForecast(db, null, hammock.productId, 30, 7)).toBeNull();
    const forAdmin = await readProductForecast(db, admin, hammock.productId, 30, 7);
    const view = (await readProductForecast(db, sellerA, hammock.productId, 30, 7))!;
    expect(forAdmin).toEqual(view);
    expect(view.points).toHaveLength(30);
    expect(view.available).toBe(40);
    // About 10 a day against 40 available: out within the first week, and the order covers 37 days less the 40.
    const cumulative = view.points.map((_, i) => view.points.slice(0, i + 1).reduce((a, p) => a + p.expected, 0));
    expect(view.predictedStockout).toBe(view.points[cumulative.findIndex((c) => c > 40)]!.date);
    const [row] = await db.select().from(forecasts).where(eqSubject('PRODUCT', hammock.productId));
    const demand37 = row!.points.slice(0, 37).reduce((a, p) => a + p.expected, 0);
    expect(view.suggestedReorder).toBe(Math.ceil(demand37 - 40));
    expect(view.warehouses.map((w) => [w.warehouseId, w.available])).toEqual([[warehouse1, 30], [warehouse2, 10]]);
    // Warehouse 1 serves 3/4 of the demand, warehouse 2 a quarter: their orders add up to about the product's.
    expect(Math.abs(view.warehouses[0]!.suggestedReorder + view.warehouses[1]!.suggestedReorder - view.suggestedReorder)).toBeLessThanOrEqual(1);
    const bagView = (await readProductForecast(db, sellerB, bag.productId, 90, 7))!;
    expect(bagView).toMatchObject({ predictedStockout: null, suggestedReorder: 0, days: 90 });
  });

  it('serves category forecasts to admins only', async () => {
    expect(await readCategoryForecast(db, sellerA, categoryX, 30)).toBeNull();
    expect((await readCategoryForecast(db, admin, categoryX, 14))!.points).toHaveLength(14);
  });

  it('answers through the resolvers with dates as instants, and refuses days outside 1..90 with BAD_USER_INPUT', async () => {
    const query = forecastResolvers.Query as unknown as Record<string, (parent: unknown, args: unknown, ctx: AnalyticsContext) => Promise<unknown>>;
    const ctx: AnalyticsContext = { db, viewer: sellerA, forecastLeadTimeDays: 7 };
    const answer = await query.demandForecast!({}, { productId: hammock.productId, days: 7 }, ctx) as { points: { date: string }[]; accuracy: { model: string }; product: { id: string }; warehouses: { warehouse: { id: string } }[] };
    expect(answer.points[0]!.date).toBe('2026-11-01T00:00:00.000Z');
    expect(answer.product).toEqual({ id: hammock.productId });
    expect(answer.warehouses.map((w) => w.warehouse.id)).toEqual([warehouse1, warehouse2]);
    expect(answer.accuracy.model).not.toBe('');
    for (const days of [0, 91, 1.5]) {
      await expect(query.demandForecast!({}, { productId: hammock.productId, days }, ctx)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: ['days'] } });
    }
    await expect(query.demandForecast!({}, { productId: 'nope', days: 7 }, ctx)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: ['productId'] } });
    expect(await query.demandForecast!({}, { productId: randomUUID(), days: 7 }, { db, viewer: admin, forecastLeadTimeDays: 7 })).toBeNull();
  });

  it('a second batch replaces the forecasts; another is due only after the interval', async () => {
    expect(await forecastDue(db, 60 * 60_000, new Date())).toBe(false);
    expect(await forecastDue(db, 60 * 60_000, new Date(Date.now() + 2 * 60 * 60_000))).toBe(true);
    const logger = createLogger('analytics', new Writable({ write: (_c, _e, done) => done() }));
    await runForecastBatch(db, { logger, lastDay: addDays(LAST_DAY, 1) });
    const rows = await db.select().from(forecasts);
    expect(rows).toHaveLength(4);
    // The day after LAST_DAY (its 500 units) is history now.
    const hammockRow = rows.find((r) => r.subjectId === hammock.productId)!;
    expect(hammockRow.historyDays).toBe(366);
    expect(hammockRow.points[0]!.date).toBe('2026-11-02');
    expect(await db.select().from(forecastRuns)).toHaveLength(2);
  });

  it('the periodic task runs a batch only when the last success is older than the interval', async () => {
    const logger = createLogger('analytics', new Writable({ write: (_c, _e, done) => done() }));
    const runs = async () => (await db.select().from(forecastRuns)).length;
    const before = await runs();
    await forecastTask(db, { logger, lastDay: LAST_DAY, intervalMs: 60 * 60_000 }).run(new AbortController().signal);
    expect(await runs()).toBe(before);
    const later = () => new Date(Date.now() + 2 * 60 * 60_000);
    // Metrics registered after the task was made (as the kernel does) are the ones it updates.
    let metrics: ForecastMetrics | undefined;
    const task = forecastTask(db, { logger, lastDay: LAST_DAY, intervalMs: 60 * 60_000, now: later, metrics: () => metrics });
    expect(task).toMatchObject({ name: 'forecast-batch', everyMs: 60_000 });
    const lateRegistry = new Registry();
    metrics = registerForecastMetrics(lateRegistry);
    await task.run(new AbortController().signal);
    expect(await runs()).toBe(before + 1);
    expect((await lateRegistry.getSingleMetric('analytics_forecast_series_done')!.get()).values[0]!.value).toBe(4);
  });

  it('stops between series when the service stops, recording the run as stopped rather than holding the stop up', async () => {
    const logger = createLogger('analytics', new Writable({ write: (_c, _e, done) => done() }));
    const stopping = new AbortController();
    stopping.abort();
    const result = await runForecastBatch(db, { logger, lastDay: LAST_DAY, signal: stopping.signal });
    expect(result).toMatchObject({ seriesDone: 0, seriesFailed: 0 });
    const [run] = await db.select().from(forecastRuns).where(eq(forecastRuns.id, result.runId));
    expect(run).toMatchObject({ seriesDone: 0, error: expect.stringMatching(/^stopped/) });
    expect(run!.finishedAt).not.toBeNull();
  });

  it('of two replicas claiming a due batch at once, one gets it; a run under way holds others off until it is stale', async () => {
    const at = new Date(Date.now() + 10 * 60 * 60_000);
    const claims = await Promise.all([claimForecastRun(db, 60 * 60_000, at), claimForecastRun(db, 60 * 60_000, at)]);
    expect(claims.filter((c) => c !== null)).toHaveLength(1);
    expect(await forecastDue(db, 60 * 60_000, new Date(at.getTime() + 30 * 60_000))).toBe(false);
    expect(await forecastDue(db, 60 * 60_000, new Date(at.getTime() + 2 * 60 * 60_000), 60 * 60_000)).toBe(true);
  });
});

function eqSubject(kind: 'PRODUCT' | 'CATEGORY', id: string) {
  return and(eq(forecasts.subjectKind, kind), eq(forecasts.subjectId, id));
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { count, sql } from 'drizzle-orm';
import { createTokenIssuer, generateKeyPairPem } from '@shop/auth';
import { demo } from '@shop/demo-store';
import { openDatabase, type Database } from '@shop/db';
import { InProcessEventBus } from '@shop/events';
import { startSubgraph, type RunningSubgraph } from '@shop/kernel';
import { createTestDatabase, graphqlRequest } from '@shop/testing';
import { eventLog, salesDaily, schema, type AnalyticsSchema } from '../src/db/schema.js';
import { rebuildReadModel } from '../src/domain/event-log.js';
import { demoHistory, seedDemoHistory } from '../src/domain/seed.js';
import { analytics as definition } from '../src/subgraph.js';
import { orderStory } from './support/events.js';

const now = new Date('2026-12-06T18:00:00Z');
const rows = <T>(result: unknown): T[] => (Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows);

/** Mean units per ISO weekday (1 = Monday) over every day of sales_daily's range, days with no sales counted as 0. */
async function unitsByWeekday(db: Pick<Database<AnalyticsSchema>, 'execute'>): Promise<Map<number, number>> {
  const found = rows<{ dow: number; mean: string }>(
    await db.execute(sql`
      with days as (select generate_series(min(day), max(day), interval '1 day')::date as day from sales_daily),
      per_day as (select d.day, coalesce(sum(s.units), 0) as units from days d left join sales_daily s on s.day = d.day group by d.day)
      select extract(isodow from day)::int as dow, avg(units) as mean from per_day group by 1`),
  );
  return new Map(found.map((r) => [Number(r.dow), Number(r.mean)]));
}

describe('a shorter demo history', () => {
  it("is the year's last days: the same orders on those days, none before them", () => {
    const year = demoHistory(now);
    const recent = demoHistory(now, undefined, 60);
    const firstDay = '2026-10-08';
    const ordersPlaced = (events: typeof year.events) => events.filter((e) => e.type === 'order.status_changed' && (e.payload as { from: unknown }).from === null);
    const placed = ordersPlaced(recent.events);
    expect(placed.length).toBeGreaterThan(600);
    expect(placed.every((e) => e.occurredAt.slice(0, 10) >= firstDay)).toBe(true);
    // Each day's order volume follows the year's trend and season: about the same count as the year's tail.
    const yearTail = ordersPlaced(year.events).filter((e) => e.occurredAt.slice(0, 10) >= firstDay).length;
    expect(placed.length / yearTail).toBeGreaterThan(0.85);
    expect(placed.length / yearTail).toBeLessThan(1.15);
  });
});

describe('the demo seed on PostgreSQL', () => {
  let database: { url: string; drop(): Promise<void> };
  let opened: Awaited<ReturnType<typeof openDatabase<AnalyticsSchema>>>;
  beforeAll(async () => {
    database = await createTestDatabase(inject('databaseUrl'), 'analytics_seed');
    opened = await openDatabase({ url: database.url, schema, migrationsFolder: fileURLToPath(definition.database.migrations), maxConnections: 2 });
  });
  afterAll(async () => {
    await opened?.close();
    await database?.drop();
  });

  it('writes a year of events with a visible weekly pattern and an upward trend, once; a rebuild reaches the same sales_daily', async () => {
    const { db } = opened;
    const started = performance.now();
    const seeded = await seedDemoHistory(db, now);
    const seedMs = performance.now() - started;
    expect(seeded!.events).toBeGreaterThan(10_000);

    const [span] = rows<{ days: number; first: string; last: string; products: number }>(
      await db.execute(sql`select count(distinct day)::int as days, min(day)::text as first, max(day)::text as last, count(distinct product_id)::int as products from sales_daily`),
    );
    expect(span!.days).toBeGreaterThanOrEqual(360);
    expect(span!.last).toBe('2026-12-06');
    expect(span!.products).toBe(demo.products.length);

    const weekday = await unitsByWeekday(db);
    const monday = weekday.get(1)!;
    const saturday = weekday.get(6)!;
    const midweek = (weekday.get(2)! + weekday.get(3)! + weekday.get(4)!) / 3;
    expect(saturday).toBeGreaterThan(monday * 1.5);
    expect(saturday).toBeGreaterThan(midweek * 1.3);

    const [trend] = rows<{ first: string; last: string }>(
      await db.execute(sql`select sum(units) filter (where day < '2026-03-07') as first, sum(units) filter (where day > '2026-09-06') as last from sales_daily`),
    );
    expect(Number(trend!.last)).toBeGreaterThan(Number(trend!.first) * 1.2);

    // every product has a seller, a category and a cost; current stock is known per warehouse
    const [facts] = rows<{ n: number; costed: number }>(await db.execute(sql`select count(*)::int as n, count(cost_price_minor)::int as costed from product_facts`));
    expect(facts).toEqual({ n: demo.products.length, costed: demo.products.length });
    const [levels] = rows<{ n: number }>(await db.execute(sql`select count(*)::int as n from stock_levels`));
    expect(levels!.n).toBe(demo.stock.length);

    // once: a second run does nothing
    const [logged] = await db.select({ n: count() }).from(eventLog);
    expect(await seedDemoHistory(db, now)).toBeNull();
    expect((await db.select({ n: count() }).from(eventLog))[0]!.n).toBe(logged!.n);

    const daily = await db.select().from(salesDaily).orderBy(salesDaily.day, salesDaily.productId);
    const rebuildStarted = performance.now();
    await rebuildReadModel(db);
    const rebuildMs = performance.now() - rebuildStarted;
    expect(await db.select().from(salesDaily).orderBy(salesDaily.day, salesDaily.productId)).toEqual(daily);
    console.log(`seed on PostgreSQL: ${seeded!.events} events, ${seeded!.orders} orders in ${Math.round(seedMs)} ms; rebuild ${Math.round(rebuildMs)} ms`);
  }, 120_000);
});

describe('the demo seed on embedded PGlite (npm start)', () => {
  let dataDir: string;
  let running: RunningSubgraph<AnalyticsSchema, any>;
  let startMs: number;
  const bus = new InProcessEventBus(20);
  let admin: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'analytics-pglite-'));
    const keys = await generateKeyPairPem();
    admin = await (await createTokenIssuer(keys.privateKeyPem, keys.publicKeyPem)).issue({ id: demo.admin.id, roles: ['ADMIN'] });
    const started = performance.now();
    running = await startSubgraph(definition, { config: { PORT: 0, HOST: '127.0.0.1', JWT_PUBLIC_KEY: keys.publicKeyPem, SEED_DEMO: 'true', DATA_DIR: dataDir }, bus });
    startMs = performance.now() - started;
  }, 180_000);
  afterAll(async () => {
    await running?.stop();
    await bus.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts seeded within seconds and reports the year with its weekly pattern through the API', async () => {
    const to = new Date();
    const from = new Date(to.getTime() - 364 * 86_400_000);
    const res = await graphqlRequest(
      running.url,
      `query($from: DateTime!, $to: DateTime!) { salesReport(from: $from, to: $to) { totals { units orders revenue { amount } } week: series(granularity: WEEK) { units } day: series(granularity: DAY) { period units } topProducts(first: 3) { product { id } profit { amount } } topCategories { category { id } } repeatCustomerRate conversionRate } inventoryHealth(first: 5) { product { id } daysOfCover } }`,
      { from: from.toISOString(), to: to.toISOString() },
      admin,
    );
    expect(res.errors).toBeUndefined();
    const report = res.data.salesReport;
    expect(report.totals.orders).toBeGreaterThan(3000);
    expect(report.topProducts).toHaveLength(3);
    expect(report.topCategories).toHaveLength(new Set(demo.products.map((p) => p.categoryId)).size);
    expect(report.repeatCustomerRate).toBeGreaterThan(0.3);
    expect(report.conversionRate).toBeGreaterThan(0.7);
    const byWeekday = new Map<number, number[]>();
    for (const p of report.day as { period: string; units: number }[]) byWeekday.set(new Date(p.period).getUTCDay(), [...(byWeekday.get(new Date(p.period).getUTCDay()) ?? []), p.units]);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(byWeekday.get(6)!)).toBeGreaterThan(mean(byWeekday.get(1)!) * 1.5);
    expect(res.data.inventoryHealth).toHaveLength(5);
    console.log(`analytics on PGlite: started, migrated and seeded in ${Math.round(startMs)} ms`);
    expect(startMs).toBeLessThan(60_000);

    // a live order on top of the seeded year, through the consumers on PGlite
    const story = orderStory(demo.customer.id, [{ productId: demo.products[0]!.id, quantity: 2, unitPriceMinor: 1_000_000 }]);
    for (const event of [story.placed(new Date(Date.now() - 2000)), ...story.paid(new Date(Date.now() - 1000))]) await bus.publish(event);
    await bus.drain();
    const after = await graphqlRequest(running.url, `query($from: DateTime!, $to: DateTime!) { salesReport(from: $from, to: $to) { totals { units orders revenue { amount } } } }`, { from: from.toISOString(), to: new Date().toISOString() }, admin);
    expect(after.data.salesReport.totals).toEqual({ units: report.totals.units + 2, orders: report.totals.orders + 1, revenue: { amount: (Number(report.totals.revenue.amount) + 20_000).toFixed(2) } });
  });
});

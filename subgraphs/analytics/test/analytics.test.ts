import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { count, sql } from 'drizzle-orm';
import { money } from '@shop/common';
import { eventLog, salesDaily } from '../src/db/schema.js';
import { expectedHealth, expectedReport, type Expected } from './support/expected.js';
import { orderStory, product, stock } from './support/events.js';
import { startHarness, type Harness } from './support/harness.js';

const DAY = 86_400_000;
const now = new Date();
const daysAgo = (d: number, minutes = 0) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - d * DAY + 12 * 3_600_000 + minutes * 60_000);

const seller1 = randomUUID();
const seller2 = randomUUID();
/** Sells only the products of the any-order test. */
const seller3 = randomUUID();
const catA = randomUUID();
const catB = randomUUID();
const [p1, p2, p3, p4, p5] = Array.from({ length: 5 }, () => randomUUID()) as [string, string, string, string, string];
const [c1, c2, c3, c4] = Array.from({ length: 4 }, () => randomUUID()) as [string, string, string, string];
const [w1, w2] = [randomUUID(), randomUUID()];

const REPORT = `query($from: DateTime!, $to: DateTime!) {
  salesReport(from: $from, to: $to) {
    from to
    totals { period units orders revenue { amount currency } averageBasket { amount currency } }
    day: series(granularity: DAY) { period units orders revenue { amount currency } averageBasket { amount currency } }
    week: series(granularity: WEEK) { period units orders revenue { amount currency } averageBasket { amount currency } }
    month: series(granularity: MONTH) { period units orders revenue { amount currency } averageBasket { amount currency } }
    topProducts(first: 50) { product { id } units revenue { amount currency } profit { amount currency } }
    topCategories(first: 50) { category { id } units revenue { amount currency } }
    repeatCustomerRate conversionRate
  }
}`;
const HEALTH = `{ inventoryHealth(first: 50) { product { id } available daysOfCover turnover deadStock } }`;
const REBUILD = `mutation { rebuildAnalytics }`;

let h: Harness;
let admin: string;
let s1: string;
let s2: string;
const range = { from: daysAgo(45).toISOString(), to: new Date(now.getTime() + DAY).toISOString() };

/** The story: placed, paid, expired, cancelled after paying and refunded, events out of order, a duplicate payment refunded. */
async function playScenario() {
  await h.deliver(
    product(p1, seller1, catA, 100_000, 55_000, daysAgo(60)),
    product(p2, seller1, catB, 30_000, null, daysAgo(60)),
    product(p3, seller2, catA, 50_000, 20_000, daysAgo(60)),
    product(p5, seller1, catB, 10_000, 4_000, daysAgo(60)),
    // a later price and cost for p1 (an older event delivered after it must not undo it)
    product(p1, seller1, catA, 110_000, 60_000, daysAgo(30)),
    product(p1, seller1, catB, 90_000, 10_000, daysAgo(59)),
  );
  const o1 = orderStory(c1, [{ productId: p1, quantity: 2, unitPriceMinor: 100_000 }, { productId: p3, quantity: 1, unitPriceMinor: 50_000 }]);
  await h.deliver(o1.placed(daysAgo(40)), ...o1.paid(daysAgo(40, 5)));
  const o2 = orderStory(c1, [{ productId: p1, quantity: 1, unitPriceMinor: 110_000 }]);
  await h.deliver(o2.placed(daysAgo(20)), ...o2.paid(daysAgo(20, 3)));
  // a duplicate payment of o2, refunded: o2 stays paid, nothing is taken back
  await h.deliver(o2.refunded(daysAgo(19), randomUUID()));
  const o3 = orderStory(c2, [{ productId: p2, quantity: 3, unitPriceMinor: 30_000 }, { productId: p3, quantity: 1, unitPriceMinor: 50_000 }]);
  await h.deliver(o3.placed(daysAgo(10)), o3.expired(daysAgo(10, 30)));
  const o4 = orderStory(c2, [{ productId: p3, quantity: 2, unitPriceMinor: 50_000 }]);
  await h.deliver(o4.placed(daysAgo(8)), ...o4.paid(daysAgo(8, 2)), o4.cancelledAfterPaying(daysAgo(5)), o4.refunded(daysAgo(5, 1)));
  // out of order across publishers: the refund first, then the cancellation, the payment, the placing
  const o5 = orderStory(c3, [{ productId: p1, quantity: 1, unitPriceMinor: 110_000 }, { productId: p2, quantity: 1, unitPriceMinor: 30_000 }]);
  await h.deliver(o5.refunded(daysAgo(2, 1)), o5.cancelledAfterPaying(daysAgo(2)), ...o5.paid(daysAgo(3, 4)).reverse(), o5.placed(daysAgo(3)));
  // paid before its product's product.changed arrived
  const o6 = orderStory(c3, [{ productId: p4, quantity: 4, unitPriceMinor: 25_000 }, { productId: p2, quantity: 2, unitPriceMinor: 30_000 }]);
  await h.deliver(o6.placed(daysAgo(1)), ...o6.paid(daysAgo(1, 10)));
  await h.deliver(product(p4, seller2, catB, 25_000, 12_500, daysAgo(70)));
  // placed, never paid
  const o7 = orderStory(c4, [{ productId: p3, quantity: 1, unitPriceMinor: 50_000 }]);
  await h.deliver(o7.placed(daysAgo(2)));
  // c1 again, across a month boundary on most days: a third order in the last week
  const o8 = orderStory(c1, [{ productId: p5, quantity: 1, unitPriceMinor: 10_000 }, { productId: p3, quantity: 3, unitPriceMinor: 50_000 }]);
  await h.deliver(o8.placed(daysAgo(6)), ...o8.paid(daysAgo(6, 1)));

  await h.deliver(
    stock(p1, [{ warehouseId: w1, onHand: 20 }], daysAgo(35)),
    stock(p1, [{ warehouseId: w1, onHand: 10, reserved: 2 }, { warehouseId: w2, onHand: 5 }], daysAgo(1)),
    stock(p2, [{ warehouseId: w1, onHand: 8 }], daysAgo(1)),
    stock(p3, [{ warehouseId: w1, onHand: 0 }], daysAgo(1)),
    stock(p4, [{ warehouseId: w2, onHand: 5 }], daysAgo(1)),
    stock(p5, [{ warehouseId: w2, onHand: 7 }], daysAgo(50)),
    stock(p2, [{ warehouseId: w1, onHand: 12 }], daysAgo(25)), // older than the one above: stock_levels keep the newer
  );
}

beforeAll(async () => {
  h = await startHarness(inject('databaseUrl'), 'analytics');
  [admin, s1, s2] = await Promise.all([h.tokenFor(randomUUID(), ['ADMIN']), h.tokenFor(seller1, ['SELLER']), h.tokenFor(seller2, ['SELLER'])]);
  await playScenario();
}, 60_000);
afterAll(async () => h?.stop());

const cash = (minor: number) => money(BigInt(Math.round(minor)), 'COP');
const report = async (token: string) => {
  const res = await h.query(REPORT, range, token);
  expect(res.errors).toBeUndefined();
  return res.data.salesReport;
};
const health = async (token: string) => {
  const res = await h.query(HEALTH, {}, token);
  expect(res.errors).toBeUndefined();
  return res.data.inventoryHealth as { product: { id: string }; available: number; daysOfCover: number | null; turnover: number; deadStock: boolean }[];
};

function expectReportEquals(actual: any, expected: Expected) {
  const point = (f: { units: number; orders: number; revenue: number }) => ({ units: f.units, orders: f.orders, revenue: cash(f.revenue), averageBasket: cash(f.orders > 0 ? f.revenue / f.orders : 0) });
  const { period: _period, ...totals } = actual.totals;
  expect(totals).toEqual(point(expected.totals));
  for (const [field, g] of [['day', 'DAY'], ['week', 'WEEK'], ['month', 'MONTH']] as const) {
    const series = actual[field] as { period: string; units: number; orders: number }[];
    const periods = series.map((p) => p.period.slice(0, 10));
    expect(new Set(periods).size).toBe(periods.length);
    for (const key of expected.series[g].keys()) expect(periods).toContain(key);
    for (const p of series) {
      const { period, ...figures } = p;
      expect(figures, `${g} ${period}`).toEqual(point(expected.series[g].get(period.slice(0, 10)) ?? { units: 0, orders: 0, revenue: 0 }));
    }
  }
  expect(actual.topProducts).toEqual(
    expected.topProducts.map((p) => ({ product: { id: p.productId }, units: p.units, revenue: cash(p.revenue), profit: p.profit === null ? null : cash(p.profit) })),
  );
  expect(actual.topCategories).toEqual(expected.topCategories.map((c) => ({ category: { id: c.categoryId }, units: c.units, revenue: cash(c.revenue) })));
  expect(actual.repeatCustomerRate).toBeCloseTo(expected.repeatCustomerRate, 12);
  expect(actual.conversionRate).toBeCloseTo(expected.conversionRate, 12);
}

async function expectHealthEquals(actual: Awaited<ReturnType<typeof health>>, sellerId: string | null) {
  const expected = await expectedHealth(h.db, now, sellerId);
  expect(actual.map((r) => r.product.id).sort()).toEqual(expected.map((e) => e.productId).sort());
  for (const e of expected) {
    const row = actual.find((r) => r.product.id === e.productId)!;
    const average = (e.onHandStart + e.onHandNow) / 2;
    expect(row, e.productId).toEqual({
      product: { id: e.productId }, available: e.available, daysOfCover: e.sold > 0 ? e.available / (e.sold / 30) : null, turnover: average > 0 ? e.sold / average : 0, deadStock: e.available > 0 && e.sold <= 0,
    });
  }
  const covers = actual.map((r) => r.daysOfCover ?? Infinity);
  expect(covers).toEqual([...covers].sort((a, b) => a - b));
}

describe('sales report', () => {
  it('equals a direct SQL computation over event_log, field by field, for an admin and for each seller', async () => {
    const from = new Date(range.from);
    const to = new Date(range.to);
    const all = await report(admin);
    const expected = await expectedReport(h.db, from, to, null);
    expectReportEquals(all, expected);
    // the scenario is not trivial: refunds, a duplicate refund, an expired order, a late product all show
    expect(expected.totals).toEqual({ units: 2 + 1 + 1 + 4 + 2 + 1 + 3, orders: 4, revenue: 250_000 + 110_000 + 160_000 + 10_000 + 150_000 });
    expect(expected.repeatCustomerRate).toBeCloseTo(2 / 3);
    expect(expected.conversionRate).toBeCloseTo(6 / 8);
    expectReportEquals(await report(s1), await expectedReport(h.db, from, to, seller1));
    expectReportEquals(await report(s2), await expectedReport(h.db, from, to, seller2));
    // a narrower window: only the last 7 days (the refund of o4 falls in it, its sale does not)
    const week = { from: daysAgo(7).toISOString(), to: now.toISOString() };
    const narrow = await h.query(REPORT, week, admin);
    expectReportEquals(narrow.data.salesReport, await expectedReport(h.db, new Date(week.from), new Date(week.to), null));
  });

  it('profit is revenue less the current cost price times units; null without a cost price', async () => {
    const all = await report(admin);
    const byId = new Map(all.topProducts.map((p: any) => [p.product.id, p]));
    expect((byId.get(p1) as any).profit).toEqual(cash(200_000 + 110_000 - 3 * 60_000));
    expect((byId.get(p2) as any).profit).toBeNull();
  });

  it('inventory health equals the SQL over the stock and sales events, least cover first', async () => {
    await expectHealthEquals(await health(admin), null);
    await expectHealthEquals(await health(s1), seller1);
    const p5Row = (await health(s1)).find((r) => r.product.id === p5)!;
    expect(p5Row).toMatchObject({ available: 7, deadStock: false }); // sold one in the window
    const p2Row = (await health(s1)).find((r) => r.product.id === p2)!;
    expect(p2Row.available).toBe(8);
  });

  it('refuses a range that ends before it starts or spans more than two years, with BAD_USER_INPUT', async () => {
    for (const variables of [
      { from: range.to, to: range.from },
      { from: range.from, to: range.from },
      { from: '2023-01-01T00:00:00Z', to: '2025-01-01T00:00:01Z' },
      { from: 'yesterday', to: range.to },
    ]) {
      const res = await h.query(REPORT, variables, admin);
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe('BAD_USER_INPUT');
    }
    expect((await h.query(REPORT, { from: '2023-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z' }, admin)).errors).toBeUndefined();
  });
});

describe('events in any order', () => {
  it('an order books the same sale and refund whatever order its events and its product arrive in; sales_daily follows the late product', async () => {
    const shuffle = <T>(items: T[], seed: number) => {
      const out = [...items];
      for (let i = out.length - 1, x = seed; i > 0; i--) {
        x = (x * 1103515245 + 12345) % 2 ** 31;
        const j = x % (i + 1);
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    };
    const booked = [];
    for (let seed = 1; seed <= 12; seed++) {
      const late = randomUUID();
      const story = orderStory(randomUUID(), [{ productId: late, quantity: 3, unitPriceMinor: 7_000 }, { productId: p2, quantity: 1, unitPriceMinor: 30_000 }]);
      const events = [story.placed(daysAgo(4)), ...story.paid(daysAgo(4, 3)), story.cancelledAfterPaying(daysAgo(3)), story.refunded(daysAgo(3, 2)), product(late, seller3, catA, 7_000, 1_000, daysAgo(90))];
      for (const event of shuffle(events, seed)) await h.deliver(event);
      const ledger = await h.db.execute(sql`select product_id = ${late} as late, kind, at, units, revenue_minor from sales_ledger where order_id = ${story.orderId} order by kind desc, late desc`);
      booked.push(JSON.stringify((Array.isArray(ledger) ? ledger : (ledger as { rows: unknown[] }).rows)));
      const daily = await h.db.select().from(salesDaily).where(sql`${salesDaily.productId} = ${late}`);
      expect(daily.map((d) => [d.sellerId, d.categoryId]), `seed ${seed}`).toEqual([[seller3, catA], [seller3, catA]]);
    }
    expect(new Set(booked).size).toBe(1);
    expect(JSON.parse(booked[0]!)).toHaveLength(4); // two products, sold then taken back
  });
});

describe('rebuildAnalytics', () => {
  it('empties the read model and replays event_log to identical figures', async () => {
    const before = { all: await report(admin), s1: await report(s1), health: await health(admin) };
    const dailyBefore = await h.db.select().from(salesDaily).orderBy(salesDaily.day, salesDaily.productId);
    await h.db.execute(sql`update sales_daily set units = units + 1000`); // damage it: the rebuild must not keep anything
    const res = await h.query(REBUILD, {}, admin);
    expect(res).toMatchObject({ data: { rebuildAnalytics: true } });
    expect(await h.db.select().from(salesDaily).orderBy(salesDaily.day, salesDaily.productId)).toEqual(dailyBefore);
    expect({ all: await report(admin), s1: await report(s1), health: await health(admin) }).toEqual(before);
  });
});

describe('who sees what', () => {
  it("a seller sees only their own products' figures; the other seller's never appear", async () => {
    const mine = await report(s1);
    const ids = mine.topProducts.map((p: any) => p.product.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id: string) => [p1, p2, p5].includes(id))).toBe(true);
    const theirs = await report(s2);
    expect(theirs.topProducts.map((p: any) => p.product.id).every((id: string) => [p3, p4].includes(id))).toBe(true);
    // o1 has lines of both: each seller counts it, with their own lines' revenue only
    expect(Number(mine.totals.revenue.amount) + Number(theirs.totals.revenue.amount)).toBe(Number((await report(admin)).totals.revenue.amount));
    expect((await health(s2)).map((r) => r.product.id).sort()).toEqual([p3, p4].sort());
    const stranger = await h.tokenFor(randomUUID(), ['SELLER']);
    const none = await report(stranger);
    expect(none.totals).toMatchObject({ units: 0, orders: 0 });
    expect(none.topProducts).toEqual([]);
    expect(await health(stranger)).toEqual([]);
  });

  it('a customer gets FORBIDDEN and anyone signed out UNAUTHENTICATED, for every field; only admins rebuild', async () => {
    const customer = await h.tokenFor(c1, ['CUSTOMER']);
    for (const [query, variables] of [[REPORT, range], [HEALTH, {}], [REBUILD, {}]] as const) {
      expect((await h.query(query, variables, customer)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await h.query(query, variables)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect((await h.query(REBUILD, {}, s1)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('each event once', () => {
  it('a redelivered event changes nothing', async () => {
    const before = { all: await report(admin), health: await health(admin) };
    const [logged] = await h.db.select({ n: count() }).from(eventLog);
    const envelopes = (await h.db.select({ envelope: eventLog.envelope }).from(eventLog)).map((r) => r.envelope);
    await h.deliver(...envelopes);
    const [after] = await h.db.select({ n: count() }).from(eventLog);
    expect(after!.n).toBe(logged!.n);
    expect({ all: await report(admin), health: await health(admin) }).toEqual(before);
  });
});

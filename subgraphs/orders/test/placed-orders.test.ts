import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type Database } from '@shop/db';
import { outbox } from '@shop/events';
import { createTestDatabase } from '@shop/testing';
import { orderLines, orders, schema, type OrdersSchema } from '../src/db/schema.js';
import { PlacedOrders, type NewOrder } from '../src/domain/placed-orders.js';
import { migrationsFolder } from './harness.js';

// PlacedOrders is placeOrder's group commit: concurrent placements share one write transaction.
let db: Database<OrdersSchema>;
let close: () => Promise<void>;
let dropDatabase: () => Promise<void>;
let statements: string[] = [];
beforeAll(async () => {
  const database = await createTestDatabase(inject('databaseUrl'), 'orders_placed');
  dropDatabase = database.drop;
  ({ db, close } = await openDatabase({ url: database.url, schema, migrationsFolder, onQuery: (sql) => statements.push(sql) }));
});
afterAll(async () => {
  await close?.();
  await dropDatabase?.();
});

const newOrder = (lines = 2): NewOrder => ({
  orderId: randomUUID(),
  customerId: randomUUID(),
  idempotencyKey: randomUUID(),
  reservedUntil: new Date(Date.now() + 60_000),
  lines: Array.from({ length: lines }, (_, i) => ({ productId: randomUUID(), quantity: i + 1, unitPriceMinor: 250n, currency: 'USD' })),
  shipping: null,
  fromCart: false,
});

describe('PlacedOrders', () => {
  it('writes 30 concurrent placements in a few transactions, each with its lines, number and event', async () => {
    const placed = new PlacedOrders(db);
    const batch = Array.from({ length: 30 }, () => newOrder());
    statements = [];
    const rows = await Promise.all(batch.map((order) => placed.insert(order)));

    expect(rows.map((r) => r.id)).toEqual(batch.map((o) => o.orderId));
    expect(rows.every((r) => r.status === 'AWAITING_PAYMENT' && r.totalMinor === 750n)).toBe(true);
    expect(new Set(rows.map((r) => r.number)).size).toBe(30);
    const ids = batch.map((o) => o.orderId);
    expect(await db.select().from(orderLines).where(inArray(orderLines.orderId, ids))).toHaveLength(60);
    expect(await db.select().from(outbox).where(inArray(outbox.aggregateId, ids))).toHaveLength(30);
    // Grouped: far fewer order inserts than orders (the first goes alone, the rest gather behind it).
    const orderInserts = statements.filter((s) => s.startsWith('insert into "orders"')).length;
    expect(orderInserts).toBeGreaterThanOrEqual(1);
    expect(orderInserts).toBeLessThanOrEqual(3);
  });

  it('gives a batch member whose id is taken its own error and writes the others', async () => {
    const placed = new PlacedOrders(db);
    const taken = newOrder();
    await placed.insert(taken);
    const twin = { ...newOrder(), orderId: taken.orderId };
    const others = [newOrder(), newOrder()];

    // Loaded in one tick, the three leave together as one batch.
    statements = [];
    const outcomes = await Promise.allSettled([placed.insert(twin), ...others.map((o) => placed.insert(o))]);
    // They were tried as one transaction (three rows in one insert), which the taken id failed, then one by one.
    const orderInserts = statements.filter((s) => s.startsWith('insert into "orders"'));
    expect(orderInserts.map((s) => s.split('), (').length)).toEqual([3, 1, 1, 1]);

    expect(outcomes[0]!.status).toBe('rejected');
    expect(JSON.stringify((outcomes[0] as PromiseRejectedResult).reason.cause ?? (outcomes[0] as PromiseRejectedResult).reason)).toContain('23505');
    expect(outcomes.slice(1).map((o) => o.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(await db.select().from(orders).where(inArray(orders.id, others.map((o) => o.orderId)))).toHaveLength(2);
    // The taken order is as it was: one order, its own customer and lines.
    const [stored] = await db.select().from(orders).where(eq(orders.id, taken.orderId));
    expect(stored!.customerId).toBe(taken.customerId);
    expect(await db.select().from(orderLines).where(eq(orderLines.orderId, taken.orderId))).toHaveLength(2);
  });

  it('finds concurrent lookups with one query', async () => {
    const placed = new PlacedOrders(db);
    const written = await placed.insert(newOrder());
    await placed.find(randomUUID());
    statements = [];
    const found = await Promise.all([placed.find(written.id), placed.find(randomUUID()), placed.find(written.id)]);
    expect(found.map((r) => r?.id)).toEqual([written.id, undefined, written.id]);
    expect(statements.filter((s) => s.startsWith('select'))).toHaveLength(1);
  });
});

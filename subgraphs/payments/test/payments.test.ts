import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTokenIssuer, generateKeyPairPem } from '@shop/auth';
import { demo } from '@shop/demo-store';
import { openDatabase, type Database } from '@shop/db';
import { InProcessEventBus } from '@shop/events';
import { startSubgraph, type RunningSubgraph } from '@shop/kernel';
import { createTestDatabase, graphqlRequest } from '@shop/testing';
import { payments, schema, type PaymentRow, type PaymentsSchema } from '../src/db/schema.js';
import { seedDemoPayments } from '../src/domain/seed.js';
import { payments as paymentsSubgraph } from '../src/subgraph.js';
import { startOrdersStub } from './orders-stub.js';

const migrationsFolder = fileURLToPath(paymentsSubgraph.database.migrations);

let server: RunningSubgraph<PaymentsSchema, Awaited<ReturnType<typeof paymentsSubgraph.services>>>;
let db: Database<PaymentsSchema>;
let closeDb: () => Promise<void>;
let drop: () => Promise<void>;
let keys: Awaited<ReturnType<typeof generateKeyPairPem>>;
const queries: string[] = [];
const bus = new InProcessEventBus();
/** Payment is @ownerOrAdmin: these reads are an admin's (anonymous ones see no payment, see the direct-subgraph test). */
let adminToken: string;
const asAdmin = (url: string, query: string, variables: Record<string, unknown>) => graphqlRequest(url, query, variables, adminToken);
/** The statements a request made: the outbox relay polls on its own. */
const requestQueries = () => queries.filter((q) => !/"outbox"/.test(q));

beforeAll(async () => {
  const database = await createTestDatabase(inject('databaseUrl'), 'payments');
  drop = database.drop;
  keys = await generateKeyPairPem();
  adminToken = await (await createTokenIssuer(keys.privateKeyPem, keys.publicKeyPem)).issue({ id: randomUUID(), roles: ['ADMIN'] });
  // payOrder is not used here: orders is never called, and the recovery worker stays quiet so queries can be counted.
  server = await startSubgraph(paymentsSubgraph, {
    config: { PORT: 0, DATABASE_URL: database.url, JWT_PUBLIC_KEY: keys.publicKeyPem, SEED_DEMO: 'true', ORDERS_URL: 'http://127.0.0.1:9/graphql', RECOVERY_INTERVAL_MS: 3_600_000 },
    onQuery: (q) => queries.push(q),
    bus,
  });
  ({ db, close: closeDb } = await openDatabase({ url: database.url, schema, migrationsFolder }));
});
afterAll(async () => {
  await server?.stop();
  await bus.close();
  await closeDb?.();
  await drop?.();
});

/** Writes an attempt as payOrder will, so reads can be tested before paying exists. */
async function insertPayment(orderId: string, createdAt: string, values: Partial<typeof payments.$inferInsert> = {}): Promise<PaymentRow> {
  const [row] = await db
    .insert(payments)
    .values({ orderId, customerId: demo.customer.id, amountMinor: 18000000n, currency: 'COP', method: 'CARD', cardBrand: 'VISA', cardLast4: '4242', idempotencyKey: randomUUID(), createdAt: new Date(createdAt), updatedAt: new Date(createdAt), ...values })
    .returning();
  return row!;
}

const ORDER_PAYMENTS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { id payment { id status failureReason } payments { id status } } } }`;
const PAYMENT = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Payment { id order { id } amount { amount currency } method status failureReason cardLast4 createdAt updatedAt } } }`;

describe('demo seed', () => {
  it('seeds the captured payment of the demo past order, once', async () => {
    const res = await asAdmin(server.url, PAYMENT, { r: [{ __typename: 'Payment', id: demo.pastPayment.id }] });
    expect(res.data._entities[0]).toEqual({
      id: demo.pastPayment.id,
      order: { id: demo.pastOrder.id },
      amount: { amount: (Number(demo.pastPayment.amountMinor) / 100).toFixed(2), currency: 'COP' },
      method: 'CARD',
      status: 'CAPTURED',
      failureReason: null,
      cardLast4: '4242',
      createdAt: demo.pastPayment.createdAt.toISOString(),
      updatedAt: demo.pastPayment.createdAt.toISOString(),
    });
    const order = await asAdmin(server.url, ORDER_PAYMENTS, { r: [{ __typename: 'Order', id: demo.pastOrder.id }] });
    expect(order.data._entities[0]).toMatchObject({ payment: { id: demo.pastPayment.id, status: 'CAPTURED' }, payments: [{ id: demo.pastPayment.id }] });
    expect(await seedDemoPayments(db)).toBe(false);
  });
});

describe('Order.payment and Order.payments', () => {
  it('gives the latest attempt as payment and every attempt oldest first as payments', async () => {
    const orderId = randomUUID();
    // Inserted out of time order, so the answer cannot just follow insertion order.
    const captured = await insertPayment(orderId, '2026-03-01T10:05:00Z', { status: 'CAPTURED' });
    const declined = await insertPayment(orderId, '2026-03-01T10:00:00Z', { status: 'FAILED', failureReason: 'CARD_DECLINED' });
    const broke = await insertPayment(orderId, '2026-03-01T10:02:00Z', { status: 'FAILED', failureReason: 'INSUFFICIENT_FUNDS', method: 'PSE', cardBrand: null, cardLast4: null });
    const res = await asAdmin(server.url, ORDER_PAYMENTS, { r: [{ __typename: 'Order', id: orderId }] });
    expect(res.data._entities[0]).toEqual({
      id: orderId,
      payment: { id: captured.id, status: 'CAPTURED', failureReason: null },
      payments: [
        { id: declined.id, status: 'FAILED' },
        { id: broke.id, status: 'FAILED' },
        { id: captured.id, status: 'CAPTURED' },
      ],
    });
  });

  it('answers null and an empty list for an order with no attempt, and null for a malformed reference', async () => {
    const res = await asAdmin(server.url, ORDER_PAYMENTS, { r: [{ __typename: 'Order', id: randomUUID() }, { __typename: 'Order', id: 'nope' }] });
    expect(res.data._entities[0]).toMatchObject({ payment: null, payments: [] });
    expect(res.data._entities[1]).toBeNull();
  });

  it('resolves 50 Order references selecting payment and payments with ONE payments query', async () => {
    const orderIds = Array.from({ length: 50 }, () => randomUUID());
    for (const [i, orderId] of orderIds.entries()) {
      if (i % 5 === 0) continue; // some orders have no attempt yet
      await insertPayment(orderId, '2026-04-01T09:00:00Z', { status: 'FAILED', failureReason: 'CARD_DECLINED' });
      await insertPayment(orderId, '2026-04-01T09:10:00Z', { status: 'AUTHORIZED' });
    }
    queries.length = 0;
    const res = await asAdmin(server.url, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { payment { status } payments { id } } } }`, {
      r: orderIds.map((id) => ({ __typename: 'Order', id })),
    });
    expect(res.errors).toBeUndefined();
    expect(res.data._entities).toHaveLength(50);
    expect(res.data._entities[0]).toEqual({ payment: null, payments: [] });
    expect(res.data._entities[1]).toEqual({ payment: { status: 'AUTHORIZED' }, payments: [{ id: expect.any(String) }, { id: expect.any(String) }] });
    expect(requestQueries().filter((q) => /from "payments"/.test(q))).toHaveLength(1);
    expect(requestQueries()).toHaveLength(1);
  });
});

describe('Payment references', () => {
  it('resolves N Payment references by id in one query; unknown and malformed ids are null', async () => {
    const orderId = randomUUID();
    const made = [
      await insertPayment(orderId, '2026-05-01T00:00:00Z', { status: 'FAILED', failureReason: 'CARD_DECLINED' }),
      await insertPayment(orderId, '2026-05-01T00:01:00Z', { method: 'PSE', cardBrand: null, cardLast4: null }),
    ];
    queries.length = 0;
    const res = await asAdmin(server.url, PAYMENT, { r: [...made.map((p) => ({ __typename: 'Payment', id: p.id })), { __typename: 'Payment', id: randomUUID() }, { __typename: 'Payment', id: '1 or 1=1' }] });
    expect(res.data._entities.map((p: { id: string } | null) => p?.id ?? null)).toEqual([made[0]!.id, made[1]!.id, null, null]);
    expect(res.data._entities[1]).toMatchObject({ method: 'PSE', cardLast4: null, order: { id: orderId }, amount: { amount: '180000.00', currency: 'COP' } });
    expect(requestQueries()).toHaveLength(1);
  });
});

describe('payments table', () => {
  it('has no column that could hold a card number or CVC, and refuses more than four digits, a zero amount or a FAILED without reason', async () => {
    const columns = await db.execute(sql`select column_name from information_schema.columns where table_name = 'payments'`);
    const names = (Array.isArray(columns) ? columns : (columns as unknown as { rows: unknown[] }).rows).map((c) => (c as { column_name: string }).column_name).sort();
    expect(names).toEqual(['amount_minor', 'card_brand', 'card_last4', 'created_at', 'currency', 'customer_id', 'drive_attempts', 'drive_lease_until', 'failure_reason', 'id', 'idempotency_key', 'method', 'order_id', 'provider_reference', 'status', 'updated_at']);
    const orderId = randomUUID();
    await expect(insertPayment(orderId, '2026-06-01T00:00:00Z', { cardLast4: '4242424242424242' })).rejects.toThrow();
    await expect(insertPayment(orderId, '2026-06-01T00:00:00Z', { cardLast4: '42a2' })).rejects.toThrow();
    await expect(insertPayment(orderId, '2026-06-01T00:00:00Z', { amountMinor: 0n })).rejects.toThrow();
    await expect(insertPayment(orderId, '2026-06-01T00:00:00Z', { status: 'FAILED' })).rejects.toThrow();
    const key = randomUUID();
    await insertPayment(orderId, '2026-06-01T00:00:00Z', { idempotencyKey: key });
    await expect(insertPayment(orderId, '2026-06-01T00:00:01Z', { idempotencyKey: key })).rejects.toThrow();
    const res = await asAdmin(server.url, ORDER_PAYMENTS, { r: [{ __typename: 'Order', id: orderId }] });
    expect(res.data._entities[0].payments).toHaveLength(1);
  });
});

describe('embedded database', () => {
  it('migrates, seeds, answers and pays (through the recovery worker too) on PGlite', { timeout: 120_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'payments-pglite-'));
    const stub = await startOrdersStub(keys.publicKeyPem);
    const embedded = await startSubgraph(paymentsSubgraph, {
      config: { PORT: 0, DATA_DIR: dataDir, JWT_PUBLIC_KEY: keys.publicKeyPem, SEED_DEMO: 'true', ORDERS_URL: stub.url, PAYMENT_PROVIDER_LATENCY_MS: 5, DRIVE_LEASE_MS: 200, RECOVERY_INTERVAL_MS: 100 },
      bus,
    });
    try {
      const issuer = await createTokenIssuer(keys.privateKeyPem, keys.publicKeyPem);
      const customerId = randomUUID();
      const orderId = randomUUID();
      stub.orders.set(orderId, { id: orderId, status: 'AWAITING_PAYMENT', totalAmount: '99000.00', currency: 'COP', customerId });
      const paid = await graphqlRequest(
        embedded.url,
        `mutation($input: PayOrderInput!) { payOrder(input: $input) { payment { id status } errors { code } } }`,
        { input: { orderId, method: 'CARD', card: { number: '4242424242424242', expMonth: 12, expYear: 2099, cvc: '123' }, idempotencyKey: 'pglite' } },
        await issuer.issue({ id: customerId, roles: ['CUSTOMER'] }),
      );
      expect(paid.data.payOrder).toMatchObject({ errors: [], payment: { status: 'PENDING' } });
      const status = () => asAdmin(embedded.url, ORDER_PAYMENTS, { r: [{ __typename: 'Order', id: orderId }] }).then((r) => r.data._entities[0].payment.status);
      await expect.poll(status, { timeout: 20_000 }).toBe('CAPTURED');
      const res = await asAdmin(embedded.url, ORDER_PAYMENTS, { r: [{ __typename: 'Order', id: demo.pastOrder.id }, { __typename: 'Order', id: randomUUID() }] });
      expect(res.data._entities).toEqual([
        { id: demo.pastOrder.id, payment: { id: demo.pastPayment.id, status: 'CAPTURED', failureReason: null }, payments: [{ id: demo.pastPayment.id, status: 'CAPTURED' }] },
        { id: expect.any(String), payment: null, payments: [] },
      ]);
    } finally {
      await embedded.stop();
      await stub.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

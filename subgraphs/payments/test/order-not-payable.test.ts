import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { openDatabase, type Database } from '@shop/db';
import { outbox } from '@shop/events';
import { createTestDatabase } from '@shop/testing';
import { payments, schema, type PaymentsSchema } from '../src/db/schema.js';
import { payOrder } from '../src/domain/pay.js';
import type { OrderDirectory, OrderToPay } from '../src/order-directory.js';
import { payments as paymentsSubgraph } from '../src/subgraph.js';

let db: Database<PaymentsSchema>;
let close: () => Promise<void>;
let drop: () => Promise<void>;

beforeAll(async () => {
  const database = await createTestDatabase(inject('databaseUrl'), 'payments_not_payable');
  drop = database.drop;
  ({ db, close } = await openDatabase({ url: database.url, schema, migrationsFolder: fileURLToPath(paymentsSubgraph.database.migrations) }));
});
afterAll(async () => {
  await close?.();
  await drop?.();
});

const customer = { id: randomUUID(), roles: ['CUSTOMER' as const] };
const directoryOf = (order: OrderToPay): OrderDirectory => ({ findOrder: async (id) => (id === order.id ? order : null) });
const card = { number: '4242424242424242', expMonth: 12, expYear: new Date().getUTCFullYear() + 3, cvc: '123' };

describe('payOrder of an order whose total is not above 0', () => {
  it.each([['0.00'], ['0'], ['-10.00']])('answers ORDER_NOT_PAYABLE for a total of %s and creates nothing, never a 500', async (amount) => {
    const order: OrderToPay = { id: randomUUID(), status: 'AWAITING_PAYMENT', total: { amount, currency: 'COP' }, customer: { id: customer.id } };
    const result = await payOrder(db, directoryOf(order), customer, { orderId: order.id, method: 'CARD', card, idempotencyKey: randomUUID() }, { leaseMs: 5000 });
    expect(result).toEqual({ ok: false, errors: [{ code: 'ORDER_NOT_PAYABLE', message: expect.stringMatching(/nothing to pay/), field: ['input', 'orderId'] }] });
    expect((await db.select({ n: count() }).from(payments).where(eq(payments.orderId, order.id)))[0]!.n).toBe(0);
    expect((await db.select({ n: count() }).from(outbox))[0]!.n).toBe(0);
  });

  it.each([
    ['expMonth -1', { expMonth: -1 }, 'expMonth'],
    ['expMonth 2^31-1', { expMonth: 2 ** 31 - 1 }, 'expMonth'],
    ['expYear 2101', { expYear: 2101 }, 'expYear'],
    ['expYear -2026', { expYear: -2026 }, 'expYear'],
    ['a fractional expYear', { expYear: 2030.5 }, 'expYear'],
  ])('refuses a card with %s as INVALID_INPUT at its field before asking orders', async (_name, change, field) => {
    const orders: OrderDirectory = { findOrder: async () => expect.unreachable('orders is not asked about bad input') };
    const result = await payOrder(db, orders, customer, { orderId: randomUUID(), method: 'CARD', card: { ...card, ...change }, idempotencyKey: randomUUID() }, { leaseMs: 5000 });
    expect(result.ok ? [] : result.errors).toContainEqual(expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'card', field] }));
  });

  it('still charges the smallest positive total, 0.01', async () => {
    const order: OrderToPay = { id: randomUUID(), status: 'AWAITING_PAYMENT', total: { amount: '0.01', currency: 'COP' }, customer: { id: customer.id } };
    const result = await payOrder(db, directoryOf(order), customer, { orderId: order.id, method: 'PSE', idempotencyKey: randomUUID() }, { leaseMs: 5000 });
    expect(result.ok && result.value.payment).toMatchObject({ status: 'PENDING', amountMinor: 1n });
  });
});

import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { asc, eq, sql } from 'drizzle-orm';
import { pino } from 'pino';
import { createTokenIssuer, generateKeyPairPem, type TokenIssuer, createServiceCredentials, processServiceSecret } from '@shop/auth';
import { openDatabase, type Database } from '@shop/db';
import { InProcessEventBus, newEvent, outbox } from '@shop/events';
import { startSubgraph, type RunningSubgraph } from '@shop/kernel';
import { createTestDatabase, graphqlRequest } from '@shop/testing';
import { payments, schema, type PaymentRow, type PaymentsSchema, type PaymentStatus } from '../src/db/schema.js';
import { payOrder } from '../src/domain/pay.js';
import { RemoteOrderLookup } from '@shop/orders/lookup';
import { SimulatedPaymentProvider, testCards } from '../src/provider/simulated-payment-provider.js';
import { payments as paymentsSubgraph } from '../src/subgraph.js';
import { startOrdersStub, type StubOrder } from './orders-stub.js';
import { ProviderSpy } from './provider-spy.js';

const migrationsFolder = fileURLToPath(paymentsSubgraph.database.migrations);
const LATENCY_MS = 20;

let server: RunningSubgraph<PaymentsSchema, Awaited<ReturnType<typeof paymentsSubgraph.services>>>;
let stub: Awaited<ReturnType<typeof startOrdersStub>>;
let db: Database<PaymentsSchema>;
let closeDb: () => Promise<void>;
let drop: () => Promise<void>;
let issuer: TokenIssuer;
const bus = new InProcessEventBus(20);
const spy = new ProviderSpy(new SimulatedPaymentProvider({ latencyMs: LATENCY_MS }));
/** Every log line the subgraph writes, at the most verbose level and without redaction, to prove nothing leaks. */
const logLines: string[] = [];

const customerId = randomUUID();
const otherCustomerId = randomUUID();
let customerToken: string;
let otherToken: string;
let adminToken: string;

beforeAll(async () => {
  const database = await createTestDatabase(inject('databaseUrl'), 'payments_pay');
  drop = database.drop;
  const keys = await generateKeyPairPem();
  issuer = await createTokenIssuer(keys.privateKeyPem, keys.publicKeyPem);
  customerToken = await issuer.issue({ id: customerId, roles: ['CUSTOMER'] });
  otherToken = await issuer.issue({ id: otherCustomerId, roles: ['CUSTOMER'] });
  adminToken = await issuer.issue({ id: randomUUID(), roles: ['ADMIN'] });
  stub = await startOrdersStub(keys.publicKeyPem);
  server = await startSubgraph(paymentsSubgraph, {
    config: {
      PORT: 0,
      DATABASE_URL: database.url,
      JWT_PUBLIC_KEY: keys.publicKeyPem,
      SEED_DEMO: 'false',
      ORDERS_URL: stub.url,
      PROVIDER_TIMEOUT_MS: 5000,
      DRIVE_LEASE_MS: 8000,
      // Recovery is exercised in recovery.test.ts with drivers the tests control.
      RECOVERY_INTERVAL_MS: 3_600_000,
    },
    bus,
    // The subgraph builds its driver over the given provider.
    services: { provider: spy },
    logger: pino({ level: 'trace' }, { write: (line: string) => void logLines.push(line) }),
  });
  ({ db, close: closeDb } = await openDatabase({ url: database.url, schema, migrationsFolder }));
});
afterAll(async () => {
  await server?.stop();
  await stub?.stop();
  await bus.close();
  await closeDb?.();
  await drop?.();
});

const PAY = `mutation($input: PayOrderInput!) { payOrder(input: $input) { payment { id status amount { amount currency } method cardLast4 failureReason order { id } } errors { code message field } } }`;

function newOrder(values: Partial<StubOrder> = {}): StubOrder {
  const order: StubOrder = { id: randomUUID(), status: 'AWAITING_PAYMENT', totalAmount: '123456.78', currency: 'COP', customerId, ...values };
  stub.orders.set(order.id, order);
  return order;
}

const card = (number: string, extra: Partial<{ expMonth: number; expYear: number; cvc: string }> = {}) => ({ number, expMonth: 12, expYear: new Date().getUTCFullYear() + 3, cvc: '123', ...extra });

async function pay(input: Record<string, unknown>, token: string | null = customerToken) {
  return graphqlRequest(server.url, PAY, { input: { idempotencyKey: randomUUID(), ...input } }, token ?? undefined);
}

async function paymentRow(id: string): Promise<PaymentRow> {
  const [row] = await db.select().from(payments).where(eq(payments.id, id));
  return row!;
}

async function paymentsOfOrder(orderId: string): Promise<PaymentRow[]> {
  return db.select().from(payments).where(eq(payments.orderId, orderId));
}

/** Waits until the asynchronous provider steps have finished with this payment. */
async function settledPayment(id: string, timeoutMs = 10_000): Promise<PaymentRow> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await paymentRow(id);
    if (!['PENDING', 'AUTHORIZED'].includes(row.status)) return row;
    if (Date.now() > deadline) throw new Error(`payment ${id} still ${row.status}`);
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}

/** The statuses the payment went through, as its payment.status_changed events in the outbox say, in commit order. */
async function statusSequence(paymentId: string): Promise<string[]> {
  const rows = await db.select().from(outbox).where(eq(outbox.aggregateId, paymentId)).orderBy(asc(outbox.seq));
  expect(rows.every((r) => r.type === 'payment.status_changed' && r.source === 'payments')).toBe(true);
  return rows.map((r) => (r.payload as { status: string }).status);
}

async function outboxRowsOfOrder(orderId: string) {
  return db.select().from(outbox).where(sql`${outbox.payload}->>'orderId' = ${orderId}`);
}

describe('payOrder with the simulated provider', () => {
  it.each([
    { name: '4242 4242 4242 4242', number: '4242 4242 4242 4242', status: 'CAPTURED', reason: null, sequence: ['PENDING', 'AUTHORIZED', 'CAPTURED'], brand: 'VISA', last4: '4242' },
    { name: 'another Luhn-valid number (Mastercard)', number: '5555555555554444', status: 'CAPTURED', reason: null, sequence: ['PENDING', 'AUTHORIZED', 'CAPTURED'], brand: 'MASTERCARD', last4: '4444' },
    { name: '4000 0000 0000 0002', number: testCards.declined, status: 'FAILED', reason: 'CARD_DECLINED', sequence: ['PENDING', 'FAILED'], brand: 'VISA', last4: '0002' },
    { name: '4000 0000 0000 9995', number: testCards.insufficientFunds, status: 'FAILED', reason: 'INSUFFICIENT_FUNDS', sequence: ['PENDING', 'FAILED'], brand: 'VISA', last4: '9995' },
  ])('card $name ends $status ($reason) after PENDING, for exactly the order total', async ({ number, status, reason, sequence, brand, last4 }) => {
    const order = newOrder();
    const res = await pay({ orderId: order.id, method: 'CARD', card: card(number) });
    expect(res.errors).toBeUndefined();
    expect(res.data.payOrder).toMatchObject({ errors: [], payment: { status: 'PENDING', amount: { amount: '123456.78', currency: 'COP' }, method: 'CARD', cardLast4: last4, order: { id: order.id } } });
    const done = await settledPayment(res.data.payOrder.payment.id);
    expect(done).toMatchObject({ status, failureReason: reason, amountMinor: 12345678n, currency: 'COP', customerId, cardBrand: brand, cardLast4: last4 });
    expect(await statusSequence(done.id)).toEqual(sequence);
    expect(spy.count('authorize', done.id)).toBe(1);
    expect(spy.count('capture', done.id)).toBe(status === 'CAPTURED' ? 1 : 0);
  });

  it('card 4000 0000 0000 0077 succeeds after about 3 seconds', async () => {
    const order = newOrder();
    const started = Date.now();
    const res = await pay({ orderId: order.id, method: 'CARD', card: card(testCards.slow) });
    expect(res.data.payOrder.payment.status).toBe('PENDING');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await paymentRow(res.data.payOrder.payment.id)).status).toBe('PENDING');
    const done = await settledPayment(res.data.payOrder.payment.id);
    expect(done.status).toBe('CAPTURED');
    expect(Date.now() - started).toBeGreaterThanOrEqual(2900);
    expect(await statusSequence(done.id)).toEqual(['PENDING', 'AUTHORIZED', 'CAPTURED']);
  });

  it('PSE succeeds after the latency, with no card data', async () => {
    const order = newOrder({ totalAmount: '50000.00' });
    const res = await pay({ orderId: order.id, method: 'PSE' });
    expect(res.data.payOrder).toMatchObject({ errors: [], payment: { status: 'PENDING', method: 'PSE', cardLast4: null, amount: { amount: '50000.00' } } });
    const done = await settledPayment(res.data.payOrder.payment.id);
    expect(done).toMatchObject({ status: 'CAPTURED', cardBrand: null, cardLast4: null, amountMinor: 5000000n });
    expect(await statusSequence(done.id)).toEqual(['PENDING', 'AUTHORIZED', 'CAPTURED']);
  });

  it('answers before the provider does: the request does not wait for authorization', async () => {
    const order = newOrder();
    const res = await pay({ orderId: order.id, method: 'CARD', card: card(testCards.slow) });
    expect(res.data.payOrder.payment.status).toBe('PENDING');
    expect((await paymentRow(res.data.payOrder.payment.id)).status).toBe('PENDING');
    await settledPayment(res.data.payOrder.payment.id);
  });

  it('publishes payment.status_changed events with the documented payload', async () => {
    const order = newOrder();
    const seen: Record<string, unknown>[] = [];
    const unsubscribe = await bus.broadcast(['payment.status_changed'], async (event) => void (event.aggregateId && seen.push({ aggregateId: event.aggregateId, ...event.payload })));
    try {
      const res = await pay({ orderId: order.id, method: 'CARD', card: card(testCards.success) });
      const id = res.data.payOrder.payment.id;
      await settledPayment(id);
      await expect.poll(() => seen.filter((e) => e.aggregateId === id).length, { timeout: 5000 }).toBe(3);
      expect(seen.filter((e) => e.aggregateId === id).at(-1)).toEqual({ aggregateId: id, paymentId: id, orderId: order.id, customerId, status: 'CAPTURED', failureReason: null, amountMinor: '12345678', currency: 'COP' });
    } finally {
      await unsubscribe();
    }
  });
});

describe('payOrder input validation', () => {
  const year = new Date().getUTCFullYear();
  const month = new Date().getUTCMonth() + 1;
  const cases: { name: string; input: (orderId: string) => Record<string, unknown>; field: string[] }[] = [
    { name: 'a number that fails Luhn', input: (orderId) => ({ orderId, method: 'CARD', card: card('4242424242424241') }), field: ['input', 'card', 'number'] },
    { name: 'a number with letters', input: (orderId) => ({ orderId, method: 'CARD', card: card('4242-4242-4242-4242') }), field: ['input', 'card', 'number'] },
    { name: 'a number too short', input: (orderId) => ({ orderId, method: 'CARD', card: card('42424') }), field: ['input', 'card', 'number'] },
    { name: 'a number too long', input: (orderId) => ({ orderId, method: 'CARD', card: card('4'.repeat(20)) }), field: ['input', 'card', 'number'] },
    { name: 'an expiry year in the past', input: (orderId) => ({ orderId, method: 'CARD', card: card(testCards.success, { expYear: year - 1 }) }), field: ['input', 'card', 'expYear'] },
    ...(month > 1 ? [{ name: 'an expiry month earlier this year', input: (orderId: string) => ({ orderId, method: 'CARD', card: card(testCards.success, { expYear: year, expMonth: month - 1 }) }), field: ['input', 'card', 'expMonth'] }] : []),
    { name: 'month 13', input: (orderId) => ({ orderId, method: 'CARD', card: card(testCards.success, { expMonth: 13 }) }), field: ['input', 'card', 'expMonth'] },
    { name: 'month 0', input: (orderId) => ({ orderId, method: 'CARD', card: card(testCards.success, { expMonth: 0 }) }), field: ['input', 'card', 'expMonth'] },
    { name: 'a two-digit CVC', input: (orderId) => ({ orderId, method: 'CARD', card: card(testCards.success, { cvc: '12' }) }), field: ['input', 'card', 'cvc'] },
    { name: 'a five-digit CVC', input: (orderId) => ({ orderId, method: 'CARD', card: card(testCards.success, { cvc: '12345' }) }), field: ['input', 'card', 'cvc'] },
    { name: 'a CVC with letters', input: (orderId) => ({ orderId, method: 'CARD', card: card(testCards.success, { cvc: '12a' }) }), field: ['input', 'card', 'cvc'] },
    { name: 'CARD without a card', input: (orderId) => ({ orderId, method: 'CARD' }), field: ['input', 'card'] },
    { name: 'PSE with a card', input: (orderId) => ({ orderId, method: 'PSE', card: card(testCards.success) }), field: ['input', 'card'] },
    { name: 'an empty idempotency key', input: (orderId) => ({ orderId, method: 'PSE', idempotencyKey: '' }), field: ['input', 'idempotencyKey'] },
    { name: 'an idempotency key of 201 characters', input: (orderId) => ({ orderId, method: 'PSE', idempotencyKey: 'k'.repeat(201) }), field: ['input', 'idempotencyKey'] },
  ];

  it.each(cases)('rejects $name with INVALID_INPUT and creates no payment', async ({ input, field }) => {
    const order = newOrder();
    const res = await pay(input(order.id));
    expect(res.errors).toBeUndefined();
    expect(res.data.payOrder.payment).toBeNull();
    expect(res.data.payOrder.errors).toContainEqual({ code: 'INVALID_INPUT', message: expect.any(String), field });
    expect(await paymentsOfOrder(order.id)).toEqual([]);
    expect(await outboxRowsOfOrder(order.id)).toEqual([]);
  });

  it('rejects a malformed order id with INVALID_INPUT', async () => {
    const res = await pay({ orderId: 'not-an-id', method: 'PSE' });
    expect(res.data.payOrder.errors).toEqual([{ code: 'INVALID_INPUT', message: 'Must be a valid ID.', field: ['input', 'orderId'] }]);
  });

  it('accepts a number with spaces and a 4-digit CVC, keeping only brand and last four', async () => {
    const order = newOrder();
    const res = await pay({ orderId: order.id, method: 'CARD', card: card('3782 822463 10005', { cvc: '1234' }) });
    expect(res.data.payOrder.errors).toEqual([]);
    expect(await paymentRow(res.data.payOrder.payment.id)).toMatchObject({ cardBrand: 'AMEX', cardLast4: '0005' });
    await settledPayment(res.data.payOrder.payment.id);
  });

  it('is UNAUTHENTICATED when signed out, and writes nothing', async () => {
    const order = newOrder();
    const res = await pay({ orderId: order.id, method: 'PSE' }, null);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await paymentsOfOrder(order.id)).toEqual([]);
  });
});

describe('payOrder authorization and order state', () => {
  it("answers NOT_FOUND for another customer's order, and writes nothing", async () => {
    const order = newOrder();
    const charges = spy.calls.authorize.length;
    const res = await pay({ orderId: order.id, method: 'CARD', card: card(testCards.success) }, otherToken);
    expect(res.data.payOrder).toEqual({ payment: null, errors: [{ code: 'NOT_FOUND', message: 'No such order.', field: ['input', 'orderId'] }] });
    expect(await paymentsOfOrder(order.id)).toEqual([]);
    expect(await outboxRowsOfOrder(order.id)).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, LATENCY_MS * 3));
    expect(spy.calls.authorize.length).toBe(charges);
  });

  it('answers NOT_FOUND for an order orders does not know', async () => {
    const orderId = randomUUID();
    const res = await pay({ orderId, method: 'PSE' });
    expect(res.data.payOrder.errors).toEqual([{ code: 'NOT_FOUND', message: 'No such order.', field: ['input', 'orderId'] }]);
    expect(await paymentsOfOrder(orderId)).toEqual([]);
  });

  it("lets an admin pay a customer's order, charged to that customer", async () => {
    const order = newOrder();
    const res = await pay({ orderId: order.id, method: 'PSE' }, adminToken);
    expect(res.data.payOrder.errors).toEqual([]);
    expect(await settledPayment(res.data.payOrder.payment.id)).toMatchObject({ status: 'CAPTURED', customerId });
  });

  it.each(['PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED'])('answers INVALID_TRANSITION for an order that is %s, and writes nothing', async (status) => {
    const order = newOrder({ status });
    const res = await pay({ orderId: order.id, method: 'CARD', card: card(testCards.success) });
    expect(res.data.payOrder.payment).toBeNull();
    expect(res.data.payOrder.errors).toEqual([{ code: 'INVALID_TRANSITION', message: expect.stringContaining(status), field: ['input', 'orderId'] }]);
    expect(await paymentsOfOrder(order.id)).toEqual([]);
    expect(await outboxRowsOfOrder(order.id)).toEqual([]);
  });

  it('answers SERVICE_UNAVAILABLE when orders does not answer, and writes nothing', async () => {
    const order = newOrder();
    const down = new RemoteOrderLookup({ url: 'http://127.0.0.1:9/graphql', timeoutMs: 500, credentials: createServiceCredentials('payments', processServiceSecret()) });
    const result = await payOrder(db, down, { id: customerId, roles: ['CUSTOMER'] }, { orderId: order.id, method: 'PSE', idempotencyKey: randomUUID() }, { leaseMs: 1000 });
    expect(result).toEqual({ ok: false, errors: [{ code: 'SERVICE_UNAVAILABLE', message: expect.any(String), field: null }] });
    expect(await paymentsOfOrder(order.id)).toEqual([]);
  });
});

describe('one payment per order, once per idempotency key', () => {
  it('10 concurrent payOrder with the same key create one payment and charge once', async () => {
    const order = newOrder();
    const input = { orderId: order.id, method: 'CARD', card: card(testCards.success), idempotencyKey: `replay-${randomUUID()}` };
    const responses = await Promise.all(Array.from({ length: 10 }, () => pay(input)));
    const ids = new Set(responses.map((r) => r.data.payOrder.payment?.id));
    expect(responses.every((r) => r.data.payOrder.errors.length === 0)).toBe(true);
    expect(ids.size).toBe(1);
    const [id] = [...ids] as string[];
    await settledPayment(id!);
    expect(await paymentsOfOrder(order.id)).toHaveLength(1);
    expect(spy.count('authorize', id!)).toBe(1);
    expect(spy.count('capture', id!)).toBe(1);
    // A replay after the fact returns the stored payment as it is now.
    const later = await pay(input);
    expect(later.data.payOrder.payment).toMatchObject({ id, status: 'CAPTURED' });
    expect(spy.count('authorize', id!)).toBe(1);
    expect(await statusSequence(id!)).toEqual(['PENDING', 'AUTHORIZED', 'CAPTURED']);
  });

  it('refuses a second payment while one is in flight (PAYMENT_IN_PROGRESS) and after capture (INVALID_TRANSITION)', async () => {
    const order = newOrder();
    const first = await pay({ orderId: order.id, method: 'CARD', card: card(testCards.slow) });
    const during = await pay({ orderId: order.id, method: 'PSE' });
    expect(during.data.payOrder).toEqual({ payment: null, errors: [{ code: 'PAYMENT_IN_PROGRESS', message: expect.any(String), field: ['input', 'orderId'] }] });
    await settledPayment(first.data.payOrder.payment.id);
    // The stub order still says AWAITING_PAYMENT: payments' own guard must hold.
    const after = await pay({ orderId: order.id, method: 'PSE' });
    expect(after.data.payOrder.errors).toEqual([{ code: 'INVALID_TRANSITION', message: 'This order is already paid.', field: ['input', 'orderId'] }]);
    expect(await paymentsOfOrder(order.id)).toHaveLength(1);
  });

  it('allows a retry with a new key after a FAILED payment; the same key returns the failed one', async () => {
    const order = newOrder();
    const declinedKey = randomUUID();
    const declined = await pay({ orderId: order.id, method: 'CARD', card: card(testCards.declined), idempotencyKey: declinedKey });
    expect(await settledPayment(declined.data.payOrder.payment.id)).toMatchObject({ status: 'FAILED', failureReason: 'CARD_DECLINED' });
    const again = await pay({ orderId: order.id, method: 'CARD', card: card(testCards.success), idempotencyKey: declinedKey });
    expect(again.data.payOrder.payment).toMatchObject({ id: declined.data.payOrder.payment.id, status: 'FAILED' });
    const retry = await pay({ orderId: order.id, method: 'CARD', card: card(testCards.success) });
    expect(retry.data.payOrder.errors).toEqual([]);
    expect(await settledPayment(retry.data.payOrder.payment.id)).toMatchObject({ status: 'CAPTURED' });
    expect((await paymentsOfOrder(order.id)).map((p) => p.status).sort()).toEqual(['CAPTURED', 'FAILED']);
  });

  it('refuses a key already used for another order', async () => {
    const key = randomUUID();
    const first = await pay({ orderId: newOrder().id, method: 'PSE', idempotencyKey: key });
    await settledPayment(first.data.payOrder.payment.id);
    const other = newOrder();
    const res = await pay({ orderId: other.id, method: 'PSE', idempotencyKey: key });
    expect(res.data.payOrder.errors).toEqual([{ code: 'INVALID_INPUT', message: expect.any(String), field: ['input', 'idempotencyKey'] }]);
    expect(await paymentsOfOrder(other.id)).toEqual([]);
  });

  it('scopes the key to the customer: two customers may use the same key', async () => {
    const key = `shared-${randomUUID()}`;
    const mine = await pay({ orderId: newOrder().id, method: 'PSE', idempotencyKey: key });
    const theirs = await pay({ orderId: newOrder({ customerId: otherCustomerId }).id, method: 'PSE', idempotencyKey: key }, otherToken);
    expect(mine.data.payOrder.payment.id).not.toBe(theirs.data.payOrder.payment.id);
    await settledPayment(mine.data.payOrder.payment.id);
    await settledPayment(theirs.data.payOrder.payment.id);
  });
});

describe('refunds from order events', () => {
  async function capturedPayment() {
    const order = newOrder();
    const res = await pay({ orderId: order.id, method: 'CARD', card: card(testCards.success) });
    const payment = await settledPayment(res.data.payOrder.payment.id);
    expect(payment.status).toBe('CAPTURED');
    return { order, payment };
  }

  it('refunds a captured payment once when an order cancelled from PAID is delivered twice', async () => {
    const { order, payment } = await capturedPayment();
    const event = newEvent('orders', 'order.status_changed', order.id, { orderId: order.id, customerId, from: 'PAID', to: 'CANCELLED', reason: 'ADMIN', lines: [] });
    await bus.publish(event);
    await bus.drain();
    await bus.publish(event);
    await bus.drain();
    expect((await paymentRow(payment.id)).status).toBe('REFUNDED');
    expect(spy.count('refund', payment.id)).toBe(1);
    expect(await statusSequence(payment.id)).toEqual(['PENDING', 'AUTHORIZED', 'CAPTURED', 'REFUNDED']);
  });

  it('refunds once on order.refund_requested delivered twice, and once more events about the same payment change nothing', async () => {
    const { order, payment } = await capturedPayment();
    const event = newEvent('orders', 'order.refund_requested', order.id, { orderId: order.id, paymentId: payment.id, reason: 'ORDER_NOT_AWAITING_PAYMENT' });
    await Promise.all([bus.publish(event), bus.publish(event)]);
    await bus.drain();
    // A different event asking for the same refund finds it REFUNDED.
    await bus.publish(newEvent('orders', 'order.status_changed', order.id, { orderId: order.id, customerId, from: 'PAID', to: 'CANCELLED', reason: 'ADMIN', lines: [] }));
    await bus.drain();
    expect((await paymentRow(payment.id)).status).toBe('REFUNDED');
    expect(spy.count('refund', payment.id)).toBe(1);
    expect((await statusSequence(payment.id)).filter((s) => s === 'REFUNDED')).toHaveLength(1);
  });

  it('leaves payments alone for a cancel from AWAITING_PAYMENT and a refund request of a failed payment', async () => {
    const { order, payment } = await capturedPayment();
    await bus.publish(newEvent('orders', 'order.status_changed', order.id, { orderId: order.id, customerId, from: 'AWAITING_PAYMENT', to: 'CANCELLED', reason: 'EXPIRED', lines: [] }));
    const failedOrder = newOrder();
    const failed = await pay({ orderId: failedOrder.id, method: 'CARD', card: card(testCards.declined) });
    await settledPayment(failed.data.payOrder.payment.id);
    await bus.publish(newEvent('orders', 'order.refund_requested', failedOrder.id, { orderId: failedOrder.id, paymentId: failed.data.payOrder.payment.id, reason: 'x' }));
    await bus.drain();
    expect((await paymentRow(payment.id)).status).toBe('CAPTURED');
    expect((await paymentRow(failed.data.payOrder.payment.id)).status).toBe('FAILED');
    expect(spy.count('refund', payment.id) + spy.count('refund', failed.data.payOrder.payment.id)).toBe(0);
  });

  it('retries a refund whose provider call failed, and refunds once', async () => {
    const { order, payment } = await capturedPayment();
    let failures = 1;
    spy.before = async (operation, key) => {
      if (operation === 'refund' && key === payment.id && failures-- > 0) throw new Error('provider unreachable');
    };
    try {
      await bus.publish(newEvent('orders', 'order.status_changed', order.id, { orderId: order.id, customerId, from: 'PAID', to: 'CANCELLED', reason: 'ADMIN', lines: [] }));
      await bus.drain();
    } finally {
      spy.before = undefined;
    }
    expect((await paymentRow(payment.id)).status).toBe('REFUNDED');
    expect(spy.count('refund', payment.id)).toBe(2);
    expect((await statusSequence(payment.id)).filter((s) => s === 'REFUNDED')).toHaveLength(1);
  });
});

describe('card data', () => {
  it('never reaches a row or a log line: not the number, not the CVC', async () => {
    // A distinctive card, paid successfully and also through a failing provider call (which logs a warning).
    const number = '4111 1111 1111 1111';
    const digits = number.replace(/ /g, '');
    const cvc = '9071';
    const ok = await pay({ orderId: newOrder().id, method: 'CARD', card: card(number, { cvc }) });
    await settledPayment(ok.data.payOrder.payment.id);
    const flaky = newOrder();
    spy.before = async (operation) => {
      if (operation === 'authorize') throw new Error(`provider unreachable while charging ${digits} cvc ${cvc}`);
    };
    try {
      const res = await pay({ orderId: flaky.id, method: 'CARD', card: card(number, { cvc }) });
      await expect.poll(() => logLines.some((l) => l.includes(res.data.payOrder.payment.id) && l.includes('will retry')), { timeout: 5000 }).toBe(true);
    } finally {
      spy.before = undefined;
    }
    await pay({ orderId: newOrder().id, method: 'CARD', card: card('4111 1111 1111 1112', { cvc }) });

    const tables = await Promise.all(['payments', 'outbox', 'inbox'].map((table) => db.execute(sql`select row_to_json(t)::text as row from ${sql.identifier(table)} t`)));
    const dump = tables.flatMap((rows) => [...(rows as unknown as { row: string }[])].map((r) => r.row)).join('\n');
    expect(dump).toContain('"card_last4":"1111"');
    expect(dump).not.toContain(digits);
    expect(dump).not.toContain('4111 1111');
    expect(dump).not.toMatch(new RegExp(`[^0-9a-f-]${cvc}[^0-9a-f-]`));
    const logs = logLines.join('\n');
    expect(logLines.length).toBeGreaterThan(1);
    expect(logs).not.toContain(digits);
    expect(logs).not.toContain('4111 1111');
    expect(logs).not.toMatch(new RegExp(`[^0-9a-f-]${cvc}[^0-9a-f-]`));
    expect(logs.toLowerCase()).not.toContain('"cvc"');
  });
});

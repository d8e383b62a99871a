import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { demo } from '@shop/demo-store';
import { openDatabase, type Database } from '@shop/db';
import { inbox, newEvent } from '@shop/events';
import { graphqlRequest } from '@shop/testing';
import { orderLines, orders, orderStatus, schema, type OrderRow, type OrdersSchema, type OrderStatus } from '../src/db/schema.js';
import { expireOrders } from '../src/domain/expire-orders.js';
import { allocateOrderNumber } from '../src/domain/orders.js';
import { orderTransitions, transitionOrder } from '../src/domain/transitions.js';
import { eventsOf, eventually, historyOf, migrationsFolder, startHarness, writtenRows, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('orders_lifecycle');
});
afterAll(async () => h?.stop());

const [p0, p1] = demo.products.map((p) => p.id);
const STATUSES = orderStatus.enumValues;

/** An order written straight into a status, as if it had got there through its history. */
async function seedOrder(status: OrderStatus, options: { customerId?: string; reservedUntil?: Date; paidPaymentId?: string } = {}): Promise<OrderRow> {
  const id = randomUUID();
  const [order] = await h.db
    .insert(orders)
    .values({
      id,
      number: await allocateOrderNumber(h.db),
      customerId: options.customerId ?? randomUUID(),
      status,
      cancellationReason: status === 'CANCELLED' ? 'CUSTOMER' : null,
      currency: 'COP',
      totalMinor: 3500n,
      reservedUntil: options.reservedUntil ?? new Date(Date.now() + 60_000),
      paidPaymentId: options.paidPaymentId ?? (['PAID', 'SHIPPED', 'DELIVERED'].includes(status) ? randomUUID() : null),
      idempotencyKey: randomUUID(),
    })
    .returning();
  await h.db.insert(orderLines).values([
    { orderId: id, lineNo: 1, productId: p0!, quantity: 1, unitPriceMinor: 1500n, currency: 'COP' },
    { orderId: id, lineNo: 2, productId: p1!, quantity: 2, unitPriceMinor: 1000n, currency: 'COP' },
  ]);
  return order!;
}
const rowOf = async (id: string) => (await h.db.select().from(orders).where(eq(orders.id, id)))[0]!;

describe('orderTransitions', () => {
  it('is exactly the documented state machine', () => {
    expect(orderTransitions).toEqual({
      AWAITING_PAYMENT: ['PAID', 'CANCELLED'],
      PAID: ['SHIPPED', 'CANCELLED'],
      SHIPPED: ['DELIVERED'],
      DELIVERED: [],
      CANCELLED: [],
    });
  });

  const pairs = STATUSES.flatMap((from) => STATUSES.map((to) => [from, to, orderTransitions[from].includes(to)] as const));
  it.each(pairs)('transitionOrder %s -> %s: allowed = %s', async (from, to, allowed) => {
    const order = await seedOrder(from);
    const actorId = randomUUID();
    const result = await h.db.transaction((tx) => transitionOrder(tx, order.id, to, { reason: to === 'CANCELLED' ? 'ADMIN' : null, actorId }));
    const after = await rowOf(order.id);
    if (allowed) {
      expect(result.ok).toBe(true);
      expect(after.status).toBe(to);
      expect(after.cancellationReason).toBe(to === 'CANCELLED' ? 'ADMIN' : order.cancellationReason);
      expect(await historyOf(h.db, order.id)).toEqual([{ from, to, reason: to === 'CANCELLED' ? 'ADMIN' : null, actorId }]);
      expect(await eventsOf(h.db, order.id)).toEqual([
        {
          type: 'order.status_changed',
          payload: { orderId: order.id, customerId: order.customerId, number: order.number, total: { amountMinor: Number(order.totalMinor), currency: order.currency }, shipping: null, from, to, reason: to === 'CANCELLED' ? 'ADMIN' : null, lines: [{ productId: p0, quantity: 1, unitPriceMinor: 1500 }, { productId: p1, quantity: 2, unitPriceMinor: 1000 }] },
        },
      ]);
    } else {
      expect(result).toEqual({ ok: false, errors: [{ code: 'INVALID_TRANSITION', message: `An order cannot go from ${from} to ${to}.`, field: null }] });
      expect(after).toEqual(order);
      expect(await historyOf(h.db, order.id)).toEqual([]);
      expect(await eventsOf(h.db, order.id)).toEqual([]);
    }
  });

  it('applies only one of two racing transitions from the same status (conditional update)', async () => {
    const order = await seedOrder('AWAITING_PAYMENT');
    let commitFirst!: () => void;
    const gate = new Promise<void>((resolve) => (commitFirst = resolve));
    let firstApplied!: () => void;
    const applied = new Promise<void>((resolve) => (firstApplied = resolve));
    const first = h.db.transaction(async (tx) => {
      const result = await transitionOrder(tx, order.id, 'CANCELLED', { reason: 'EXPIRED', actorId: null });
      firstApplied();
      await gate;
      return result;
    });
    await applied;
    // The second reads AWAITING_PAYMENT (the first has not committed), then its UPDATE waits and finds the status changed.
    const second = h.db.transaction((tx) => transitionOrder(tx, order.id, 'PAID', { reason: 'PAYMENT_CAPTURED', actorId: null, paymentId: randomUUID() }));
    await new Promise((resolve) => setTimeout(resolve, 150));
    commitFirst();
    const [a, b] = await Promise.all([first, second]);
    expect(a.ok).toBe(true);
    expect(b).toMatchObject({ ok: false, errors: [{ code: 'INVALID_TRANSITION' }] });
    expect(await rowOf(order.id)).toMatchObject({ status: 'CANCELLED', cancellationReason: 'EXPIRED', paidPaymentId: null });
    expect(await historyOf(h.db, order.id)).toHaveLength(1);
    expect(await eventsOf(h.db, order.id)).toHaveLength(1);
  });
});

const CANCEL = `mutation($id: ID!) { cancelOrder(id: $id) { order { id status cancellationReason reservedUntil } errors { code field message } } }`;
const ADVANCE = `mutation($id: ID!, $s: OrderStatus!) { advanceOrder(id: $id, status: $s) { order { id status } errors { code field message } } }`;

describe('cancelOrder', () => {
  const admin = demo.admin.id;

  it.each([
    ['the customer', 'AWAITING_PAYMENT', 'CUSTOMER'],
    ['an admin', 'AWAITING_PAYMENT', 'ADMIN'],
    ['an admin', 'PAID', 'ADMIN'],
  ] as const)('lets %s cancel an order that is %s, with reason %s', async (who, status, reason) => {
    const customer = randomUUID();
    const order = await seedOrder(status, { customerId: customer });
    const token = who === 'the customer' ? await h.issue(customer) : await h.issue(admin, ['ADMIN']);
    const res = await graphqlRequest(h.server.url, CANCEL, { id: order.id }, token);
    expect(res.data.cancelOrder).toEqual({ order: { id: order.id, status: 'CANCELLED', cancellationReason: reason, reservedUntil: null }, errors: [] });
    expect(await historyOf(h.db, order.id)).toEqual([{ from: status, to: 'CANCELLED', reason, actorId: who === 'the customer' ? customer : admin }]);
    expect((await eventsOf(h.db, order.id)).map((e) => [e.type, e.payload.from, e.payload.to, e.payload.reason])).toEqual([['order.status_changed', status, 'CANCELLED', reason]]);
    expect((await rowOf(order.id)).reservedUntil).toEqual(order.reservedUntil);
  });

  it.each([
    ['the customer', 'PAID', 'INVALID_TRANSITION', null],
    ['the customer', 'SHIPPED', 'INVALID_TRANSITION', null],
    ['the customer', 'CANCELLED', 'INVALID_TRANSITION', null],
    ['an admin', 'SHIPPED', 'INVALID_TRANSITION', null],
    ['an admin', 'DELIVERED', 'INVALID_TRANSITION', null],
    ['an admin', 'CANCELLED', 'INVALID_TRANSITION', null],
    ['another customer', 'AWAITING_PAYMENT', 'NOT_FOUND', ['id']],
    ['another customer', 'PAID', 'NOT_FOUND', ['id']],
  ] as const)('refuses %s cancelling an order that is %s with %s, changing nothing', async (who, status, code, field) => {
    const customer = randomUUID();
    const order = await seedOrder(status, { customerId: customer });
    const token = who === 'the customer' ? await h.issue(customer) : who === 'an admin' ? await h.issue(admin, ['ADMIN']) : await h.issue(randomUUID());
    const rows = await writtenRows(h.db);
    const res = await graphqlRequest(h.server.url, CANCEL, { id: order.id }, token);
    expect(res.data.cancelOrder).toEqual({ order: null, errors: [{ code, field, message: expect.any(String) }] });
    expect(await rowOf(order.id)).toEqual(order);
    expect(await writtenRows(h.db)).toEqual(rows);
  });

  it('answers NOT_FOUND for an unknown order, UNAUTHENTICATED signed out and BAD_USER_INPUT for a malformed id', async () => {
    const unknown = await graphqlRequest(h.server.url, CANCEL, { id: randomUUID() }, await h.issue(admin, ['ADMIN']));
    expect(unknown.data.cancelOrder.errors).toEqual([{ code: 'NOT_FOUND', field: ['id'], message: expect.any(String) }]);
    const order = await seedOrder('AWAITING_PAYMENT');
    const anonymous = await graphqlRequest(h.server.url, CANCEL, { id: order.id });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const malformed = await graphqlRequest(h.server.url, CANCEL, { id: 'ORD-000001' }, await h.issue(randomUUID()));
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await rowOf(order.id)).status).toBe('AWAITING_PAYMENT');
  });
});

describe('advanceOrder', () => {
  it('lets an admin move a paid order to SHIPPED and then DELIVERED, one event each', async () => {
    const order = await seedOrder('PAID');
    const token = await h.issue(demo.admin.id, ['ADMIN']);
    const shipped = await graphqlRequest(h.server.url, ADVANCE, { id: order.id, s: 'SHIPPED' }, token);
    expect(shipped.data.advanceOrder).toEqual({ order: { id: order.id, status: 'SHIPPED' }, errors: [] });
    const delivered = await graphqlRequest(h.server.url, ADVANCE, { id: order.id, s: 'DELIVERED' }, token);
    expect(delivered.data.advanceOrder).toEqual({ order: { id: order.id, status: 'DELIVERED' }, errors: [] });
    expect((await eventsOf(h.db, order.id)).map((e) => [e.payload.from, e.payload.to])).toEqual([['PAID', 'SHIPPED'], ['SHIPPED', 'DELIVERED']]);
    expect((await historyOf(h.db, order.id)).map((r) => r.actorId)).toEqual([demo.admin.id, demo.admin.id]);
  });

  it.each([
    ['AWAITING_PAYMENT', 'SHIPPED'],
    ['PAID', 'DELIVERED'],
    ['PAID', 'PAID'],
    ['PAID', 'CANCELLED'],
    ['AWAITING_PAYMENT', 'PAID'],
    ['SHIPPED', 'SHIPPED'],
    ['DELIVERED', 'SHIPPED'],
    ['CANCELLED', 'SHIPPED'],
  ] as const)('refuses an admin advancing %s to %s with INVALID_TRANSITION, changing nothing', async (from, to) => {
    const order = await seedOrder(from);
    const rows = await writtenRows(h.db);
    const res = await graphqlRequest(h.server.url, ADVANCE, { id: order.id, s: to }, await h.issue(demo.admin.id, ['ADMIN']));
    expect(res.data.advanceOrder).toEqual({ order: null, errors: [{ code: 'INVALID_TRANSITION', field: null, message: expect.any(String) }] });
    expect(await rowOf(order.id)).toEqual(order);
    expect(await writtenRows(h.db)).toEqual(rows);
  });

  it('is FORBIDDEN for anyone but an admin (even the owner or a seller) and NOT_FOUND for an unknown order', async () => {
    const customer = randomUUID();
    const order = await seedOrder('PAID', { customerId: customer });
    for (const token of [await h.issue(customer), await h.issue(randomUUID(), ['SELLER', 'CUSTOMER'])]) {
      const res = await graphqlRequest(h.server.url, ADVANCE, { id: order.id, s: 'SHIPPED' }, token);
      expect(res.data.advanceOrder).toEqual({ order: null, errors: [{ code: 'FORBIDDEN', field: null, message: expect.any(String) }] });
    }
    expect(await rowOf(order.id)).toEqual(order);
    const unknown = await graphqlRequest(h.server.url, ADVANCE, { id: randomUUID(), s: 'SHIPPED' }, await h.issue(demo.admin.id, ['ADMIN']));
    expect(unknown.data.advanceOrder.errors).toEqual([{ code: 'NOT_FOUND', field: ['id'], message: expect.any(String) }]);
    const anonymous = await graphqlRequest(h.server.url, ADVANCE, { id: order.id, s: 'SHIPPED' });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('payment.status_changed consumer', () => {
  const paymentEvent = (order: OrderRow, paymentId: string, status: string) =>
    newEvent('payments', 'payment.status_changed', paymentId, {
      paymentId,
      orderId: order.id,
      customerId: order.customerId,
      status,
      failureReason: status === 'FAILED' ? 'CARD_DECLINED' : null,
      amountMinor: String(order.totalMinor),
      currency: order.currency,
    });
  const deliver = async (...events: ReturnType<typeof paymentEvent>[]) => {
    await Promise.all(events.map((e) => h.bus.publish(e)));
    await h.bus.drain();
  };

  it('pays an order once when the same CAPTURED event arrives twice, even at the same time', async () => {
    const order = await seedOrder('AWAITING_PAYMENT');
    const paymentId = randomUUID();
    const event = paymentEvent(order, paymentId, 'CAPTURED');
    await deliver(event, event);
    await deliver(event);
    expect(await rowOf(order.id)).toMatchObject({ status: 'PAID', paidPaymentId: paymentId });
    expect(await historyOf(h.db, order.id)).toEqual([{ from: 'AWAITING_PAYMENT', to: 'PAID', reason: 'PAYMENT_CAPTURED', actorId: null }]);
    expect((await eventsOf(h.db, order.id)).map((e) => [e.type, e.payload.from, e.payload.to])).toEqual([['order.status_changed', 'AWAITING_PAYMENT', 'PAID']]);
    expect(await h.db.select().from(inbox).where(eq(inbox.eventId, event.id))).toHaveLength(1);
  });

  it('fills number, total and each line\'s unit price in every order.status_changed of a life: paid by a capture, then cancelled by an admin', async () => {
    const order = await seedOrder('AWAITING_PAYMENT');
    await deliver(paymentEvent(order, randomUUID(), 'CAPTURED'));
    const res = await graphqlRequest(h.server.url, CANCEL, { id: order.id }, await h.issue(demo.admin.id, ['ADMIN']));
    expect(res.data.cancelOrder.errors).toEqual([]);
    const facts = { number: order.number, total: { amountMinor: 3500, currency: 'COP' }, lines: [{ productId: p0, quantity: 1, unitPriceMinor: 1500 }, { productId: p1, quantity: 2, unitPriceMinor: 1000 }] };
    expect((await eventsOf(h.db, order.id)).map((e) => e.payload)).toEqual([
      expect.objectContaining({ from: 'AWAITING_PAYMENT', to: 'PAID', ...facts }),
      expect.objectContaining({ from: 'PAID', to: 'CANCELLED', reason: 'ADMIN', ...facts }),
    ]);
  });

  it('leaves the order AWAITING_PAYMENT after a FAILED payment, so a later capture still pays it', async () => {
    const order = await seedOrder('AWAITING_PAYMENT');
    await deliver(paymentEvent(order, randomUUID(), 'FAILED'), paymentEvent(order, randomUUID(), 'AUTHORIZED'));
    expect(await rowOf(order.id)).toEqual(order);
    expect(await eventsOf(h.db, order.id)).toEqual([]);
    const retry = randomUUID();
    await deliver(paymentEvent(order, retry, 'CAPTURED'));
    expect(await rowOf(order.id)).toMatchObject({ status: 'PAID', paidPaymentId: retry });
  });

  it('asks for a refund when a capture arrives for an order that expired or was cancelled, which stays CANCELLED', async () => {
    const order = await seedOrder('AWAITING_PAYMENT', { reservedUntil: new Date(Date.now() - 1000) });
    await expireOrders(h.db, new Date());
    const paymentId = randomUUID();
    const event = paymentEvent(order, paymentId, 'CAPTURED');
    await deliver(event, event);
    expect(await rowOf(order.id)).toMatchObject({ status: 'CANCELLED', cancellationReason: 'EXPIRED', paidPaymentId: null });
    expect((await eventsOf(h.db, order.id)).map((e) => [e.type, e.payload])).toEqual([
      ['order.status_changed', expect.objectContaining({ from: 'AWAITING_PAYMENT', to: 'CANCELLED', reason: 'EXPIRED' })],
      ['order.refund_requested', { orderId: order.id, paymentId, reason: 'ORDER_CANCELLED' }],
    ]);
  });

  it('asks for a refund of a second payment captured for an already paid order, but not of the one that paid it', async () => {
    const paidBy = randomUUID();
    const order = await seedOrder('PAID', { paidPaymentId: paidBy });
    const second = randomUUID();
    await deliver(paymentEvent(order, paidBy, 'CAPTURED'), paymentEvent(order, second, 'CAPTURED'));
    expect(await rowOf(order.id)).toEqual(order);
    expect((await eventsOf(h.db, order.id)).map((e) => [e.type, e.payload])).toEqual([['order.refund_requested', { orderId: order.id, paymentId: second, reason: 'ORDER_ALREADY_PAID' }]]);
  });

  it('publishes what it recorded through the outbox relay', async () => {
    const seen: string[] = [];
    const unsubscribe = await h.bus.broadcast(['order.#'], async (e) => void seen.push(`${e.type}:${e.aggregateId}:${(e.payload as any).to ?? ''}`));
    try {
      const order = await seedOrder('AWAITING_PAYMENT');
      await deliver(paymentEvent(order, randomUUID(), 'CAPTURED'));
      await eventually(() => expect(seen).toContain(`order.status_changed:${order.id}:PAID`));
    } finally {
      await unsubscribe();
    }
  });
});

describe('expireOrders', () => {
  it('cancels each lapsed unpaid order exactly once with two sweepers racing, and never a paid one or one still in time', async () => {
    const past = new Date(Date.now() - 60_000);
    const lapsed = await Promise.all(Array.from({ length: 40 }, () => seedOrder('AWAITING_PAYMENT', { reservedUntil: past })));
    const paid = await seedOrder('PAID', { reservedUntil: past });
    const inTime = await seedOrder('AWAITING_PAYMENT', { reservedUntil: new Date(Date.now() + 60_000) });
    // A second replica: its own connection pool over the same database.
    const other = await openDatabase({ url: h.databaseUrl, schema, migrationsFolder });
    try {
      const now = new Date();
      const [one, two] = await Promise.all([expireOrders(h.db, now, 7), expireOrders(other.db as Database<OrdersSchema>, now, 7)]);
      expect(one + two).toBe(40);
      const ids = lapsed.map((o) => o.id);
      const history = await h.db.execute(sql`select order_id, count(*)::int as n from order_status_history where to_status = 'CANCELLED' and order_id in ${ids} group by order_id`);
      const rows = (Array.isArray(history) ? history : (history as any).rows) as { order_id: string; n: number }[];
      expect(rows).toHaveLength(40);
      expect(rows.every((r) => r.n === 1)).toBe(true);
      for (const order of lapsed) {
        expect((await eventsOf(h.db, order.id)).map((e) => [e.payload.to, e.payload.reason])).toEqual([['CANCELLED', 'EXPIRED']]);
        expect(await rowOf(order.id)).toMatchObject({ status: 'CANCELLED', cancellationReason: 'EXPIRED' });
      }
      expect(await rowOf(paid.id)).toEqual(paid);
      expect(await rowOf(inTime.id)).toEqual(inTime);
      expect(await expireOrders(h.db, new Date())).toBe(0);
    } finally {
      await other.close();
    }
  });
});

import { createServiceCredentials, processServiceSecret } from '@shop/auth';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { demo } from '@shop/demo-store';
import { graphqlRequest } from '@shop/testing';
import { cartLines, carts, orderLines, orders } from '../src/db/schema.js';
import { orderIdFor } from '../src/domain/order-id.js';
import { RemoteStockReservations } from '../src/stock-reservations.js';
import { eventsOf, eventually, historyOf, startHarness, writtenRows, type Harness } from './harness.js';

const TTL_MS = 10 * 60_000;
let h: Harness;

beforeAll(async () => {
  h = await startHarness('orders_place', { config: { RESERVATION_TTL: TTL_MS } });
});
afterAll(async () => h?.stop());

const [a, b, c, d] = demo.products.slice(0, 4);
const priceOf = (p: typeof a) => p!.priceMinor;
beforeEach(() => {
  h.inventory.mode = 'up';
  for (const p of demo.products) h.inventory.available.set(p.id, 100);
});

const ORDER_FIELDS = `id number status customer { id } total { amount currency } lines { product { id } quantity unitPrice { amount currency } total { amount } } cancellationReason reservedUntil createdAt`;
const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { ${ORDER_FIELDS} } errors { code field message } } }`;
const ORDER = `query($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`;
const ADD = `mutation($p: ID!, $q: Int!) { addToCart(productId: $p, quantity: $q) { errors { code } } }`;
const CART = `{ cart { lines { product { id } quantity } } }`;
const amount = (minor: bigint) => `${minor / 100n}.${String(minor % 100n).padStart(2, '0')}`;

async function place(customerId: string, input: Record<string, unknown>, url = h.server.url) {
  const res = await graphqlRequest(url, PLACE, { input }, await h.issue(customerId));
  expect(res.errors).toBeUndefined();
  return res.data.placeOrder as { order: any; errors: { code: string; field: string[] | null; message: string }[] };
}

describe('placeOrder', () => {
  it('places an order from explicit lines: AWAITING_PAYMENT, prices from products, stock reserved until now + TTL, history and event', async () => {
    const customer = randomUUID();
    const before = Date.now();
    const { order, errors } = await place(customer, { lines: [{ productId: a!.id, quantity: 2 }, { productId: b!.id, quantity: 1 }], idempotencyKey: 'k1' });
    expect(errors).toEqual([]);
    const total = priceOf(a) * 2n + priceOf(b);
    expect(order).toMatchObject({
      id: orderIdFor(customer, 'k1'),
      number: expect.stringMatching(/^ORD-\d{6,}$/),
      status: 'AWAITING_PAYMENT',
      customer: { id: customer },
      total: { amount: amount(total), currency: 'COP' },
      lines: [
        { product: { id: a!.id }, quantity: 2, unitPrice: { amount: amount(priceOf(a)), currency: 'COP' }, total: { amount: amount(priceOf(a) * 2n) } },
        { product: { id: b!.id }, quantity: 1, unitPrice: { amount: amount(priceOf(b)), currency: 'COP' }, total: { amount: amount(priceOf(b)) } },
      ],
      cancellationReason: null,
    });
    const reservedUntil = Date.parse(order.reservedUntil);
    expect(reservedUntil).toBeGreaterThanOrEqual(before + TTL_MS);
    expect(reservedUntil).toBeLessThanOrEqual(Date.now() + TTL_MS);
    const reservation = h.inventory.reservations.get(order.id);
    expect(reservation).toEqual({ lines: [{ productId: a!.id, quantity: 2 }, { productId: b!.id, quantity: 1 }], expiresAt: order.reservedUntil, released: false });
    expect(h.inventory.available.get(a!.id)).toBe(98);
    const [row] = await h.db.select().from(orders).where(eq(orders.id, order.id));
    expect(row!.totalMinor).toBe(total);
    expect(await historyOf(h.db, order.id)).toEqual([{ from: null, to: 'AWAITING_PAYMENT', reason: 'PLACED', actorId: customer }]);
    expect(await eventsOf(h.db, order.id)).toEqual([
      { type: 'order.status_changed', payload: { orderId: order.id, customerId: customer, number: row!.number, total: { amountMinor: Number(total), currency: row!.currency }, shipping: null, from: null, to: 'AWAITING_PAYMENT', reason: null, lines: [{ productId: a!.id, quantity: 2, unitPriceMinor: Number(priceOf(a)) }, { productId: b!.id, quantity: 1, unitPriceMinor: Number(priceOf(b)) }] } },
    ]);
  });

  it("orders the viewer's cart when lines are omitted, and empties the cart in the same step", async () => {
    const customer = randomUUID();
    const token = await h.issue(customer);
    await graphqlRequest(h.server.url, ADD, { p: c!.id, q: 3 }, token);
    await graphqlRequest(h.server.url, ADD, { p: d!.id, q: 1 }, token);
    const { order, errors } = await place(customer, { idempotencyKey: 'from-cart' });
    expect(errors).toEqual([]);
    expect(order.lines.map((l: any) => [l.product.id, l.quantity])).toEqual([[c!.id, 3], [d!.id, 1]]);
    expect(order.total.amount).toBe(amount(priceOf(c) * 3n + priceOf(d)));
    expect((await graphqlRequest(h.server.url, CART, {}, token)).data.cart.lines).toEqual([]);
    const [cart] = await h.db.select().from(carts).where(eq(carts.customerId, customer));
    expect(await h.db.select().from(cartLines).where(eq(cartLines.cartId, cart!.id))).toEqual([]);
    // A replay finds the order although the cart is empty now.
    expect((await place(customer, { idempotencyKey: 'from-cart' })).order.id).toBe(order.id);
  });

  it('keeps the price of the moment it was placed when the product price changes afterwards', async () => {
    const customer = randomUUID();
    const product = demo.products[10]!;
    const { order } = await place(customer, { lines: [{ productId: product.id, quantity: 2 }], idempotencyKey: 'snap' });
    const catalogEntry = h.products.products.get(product.id)!;
    const oldAmount = catalogEntry.price.amount;
    catalogEntry.price = { amount: '1.00', currency: 'COP' };
    try {
      const later = await graphqlRequest(h.server.url, ORDER, { id: order.id }, await h.issue(customer));
      expect(later.data.order.lines[0].unitPrice.amount).toBe(oldAmount);
      expect(later.data.order.total.amount).toBe(amount(product.priceMinor * 2n));
      const fresh = await place(customer, { lines: [{ productId: product.id, quantity: 2 }], idempotencyKey: 'snap-2' });
      expect(fresh.order.total.amount).toBe('2.00');
    } finally {
      catalogEntry.price = { amount: oldAmount, currency: 'COP' };
    }
  });

  it('answers OUT_OF_STOCK naming each short line and writes nothing, holding no stock', async () => {
    const customer = randomUUID();
    h.inventory.available.set(a!.id, 1);
    h.inventory.available.set(c!.id, 4);
    const rows = await writtenRows(h.db);
    const { order, errors } = await place(customer, { lines: [{ productId: a!.id, quantity: 2 }, { productId: b!.id, quantity: 1 }, { productId: c!.id, quantity: 5 }], idempotencyKey: 'short' });
    expect(order).toBeNull();
    expect(errors).toEqual([
      { code: 'OUT_OF_STOCK', field: ['input', 'lines', '0', 'quantity'], message: 'Only 1 of 2 available.' },
      { code: 'OUT_OF_STOCK', field: ['input', 'lines', '2', 'quantity'], message: 'Only 4 of 5 available.' },
    ]);
    expect(await writtenRows(h.db)).toEqual(rows);
    expect([h.inventory.available.get(a!.id), h.inventory.available.get(b!.id), h.inventory.available.get(c!.id)]).toEqual([1, 100, 4]);
    expect(h.inventory.reservations.has(orderIdFor(customer, 'short'))).toBe(false);
  });

  it('returns the same order for a replay with the same key, and 10 concurrent replays make one order and one reservation', async () => {
    const customer = randomUUID();
    const input = { lines: [{ productId: d!.id, quantity: 3 }], idempotencyKey: 'replay' };
    const reservedBefore = h.inventory.calls.reserved;
    const results = await Promise.all(Array.from({ length: 10 }, () => place(customer, input)));
    const ids = new Set(results.map((r) => r.order?.id));
    expect(results.every((r) => r.errors.length === 0)).toBe(true);
    expect(ids).toEqual(new Set([orderIdFor(customer, 'replay')]));
    expect(new Set(results.map((r) => r.order.number)).size).toBe(1);
    expect(await h.db.select().from(orders).where(eq(orders.customerId, customer))).toHaveLength(1);
    expect(h.inventory.calls.reserved - reservedBefore).toBe(1);
    expect(h.inventory.available.get(d!.id)).toBe(97);
    const [orderId] = ids;
    expect(await eventsOf(h.db, orderId!)).toHaveLength(1);
    expect(await historyOf(h.db, orderId!)).toHaveLength(1);

    // Later replays, even with other lines, return the stored order without asking inventory again.
    const callsBefore = h.inventory.calls.reserve;
    const again = await place(customer, { lines: [{ productId: a!.id, quantity: 1 }], idempotencyKey: 'replay' });
    expect(again.order).toEqual(results[0]!.order);
    expect(h.inventory.calls.reserve).toBe(callsBefore);
  });

  it('scopes the idempotency key to the customer: the same key from two customers places two orders', async () => {
    const [one, two] = [randomUUID(), randomUUID()];
    const input = { lines: [{ productId: a!.id, quantity: 1 }], idempotencyKey: 'shared-key' };
    const first = await place(one, input);
    const second = await place(two, input);
    expect(first.order.id).not.toBe(second.order.id);
    expect(second.order.customer.id).toBe(two);
  });

  const badInputs: [string, string, string[], (customer: string) => Promise<Record<string, unknown>> | Record<string, unknown>][] = [
    ['quantity 0', 'INVALID_INPUT', ['input', 'lines', '0', 'quantity'], () => ({ lines: [{ productId: a!.id, quantity: 0 }], idempotencyKey: 'x' })],
    ['a negative quantity', 'INVALID_INPUT', ['input', 'lines', '1', 'quantity'], () => ({ lines: [{ productId: a!.id, quantity: 1 }, { productId: b!.id, quantity: -2 }], idempotencyKey: 'x' })],
    ['quantity 1000', 'INVALID_INPUT', ['input', 'lines', '0', 'quantity'], () => ({ lines: [{ productId: a!.id, quantity: 1000 }], idempotencyKey: 'x' })],
    ['the same product on two lines', 'INVALID_INPUT', ['input', 'lines', '2', 'productId'], () => ({ lines: [{ productId: a!.id, quantity: 1 }, { productId: b!.id, quantity: 1 }, { productId: a!.id.toUpperCase(), quantity: 2 }], idempotencyKey: 'x' })],
    ['an unknown product', 'NOT_FOUND', ['input', 'lines', '1', 'productId'], () => ({ lines: [{ productId: a!.id, quantity: 1 }, { productId: randomUUID(), quantity: 1 }], idempotencyKey: 'x' })],
    ['an archived product', 'NOT_FOUND', ['input', 'lines', '0', 'productId'], () => ({ lines: [{ productId: demo.products[69]!.id, quantity: 1 }], idempotencyKey: 'x' })],
    ['a draft product', 'NOT_FOUND', ['input', 'lines', '0', 'productId'], () => ({ lines: [{ productId: demo.products[68]!.id, quantity: 1 }], idempotencyKey: 'x' })],
    ['a malformed product id', 'INVALID_INPUT', ['input', 'lines', '0', 'productId'], () => ({ lines: [{ productId: "1'; drop table orders; --", quantity: 1 }], idempotencyKey: 'x' })],
    ['no lines at all', 'INVALID_INPUT', ['input', 'lines'], () => ({ lines: [], idempotencyKey: 'x' })],
    ['51 lines', 'INVALID_INPUT', ['input', 'lines'], () => ({ lines: demo.products.slice(0, 51).map((p) => ({ productId: p.id, quantity: 1 })), idempotencyKey: 'x' })],
    ['an empty cart', 'INVALID_INPUT', ['input', 'lines'], () => ({ idempotencyKey: 'x' })],
    ['an empty idempotency key', 'INVALID_INPUT', ['input', 'idempotencyKey'], () => ({ lines: [{ productId: a!.id, quantity: 1 }], idempotencyKey: '' })],
    ['an idempotency key of 201 characters', 'INVALID_INPUT', ['input', 'idempotencyKey'], () => ({ lines: [{ productId: a!.id, quantity: 1 }], idempotencyKey: 'k'.repeat(201) })],
  ];

  it.each(badInputs)('refuses %s with %s at %j and writes nothing', async (_name, code, field, input) => {
    h.products.products.get(demo.products[68]!.id)!.status = 'DRAFT';
    h.products.products.get(demo.products[69]!.id)!.status = 'ARCHIVED';
    const customer = randomUUID();
    const rows = await writtenRows(h.db);
    const reserveCalls = h.inventory.calls.reserve;
    const { order, errors } = await place(customer, await input(customer));
    expect(order).toBeNull();
    expect(errors).toContainEqual({ code, field, message: expect.any(String) });
    expect(errors.every((e) => e.code === code)).toBe(true);
    expect(await writtenRows(h.db)).toEqual(rows);
    expect(h.inventory.calls.reserve).toBe(reserveCalls);
  });

  it('refuses a quantity of 2^31 or a fraction as a GraphQL BAD_USER_INPUT error without a stack trace, writing nothing', async () => {
    const rows = await writtenRows(h.db);
    const token = await h.issue(randomUUID());
    for (const quantity of [2 ** 31, 1.5]) {
      const res = await graphqlRequest(h.server.url, PLACE, { input: { lines: [{ productId: a!.id, quantity }], idempotencyKey: 'big' } }, token);
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(res)).not.toMatch(/stack|\.ts:/);
    }
    expect(await writtenRows(h.db)).toEqual(rows);
  });

  it('is UNAUTHENTICATED when signed out', async () => {
    const res = await graphqlRequest(h.server.url, PLACE, { input: { lines: [{ productId: a!.id, quantity: 1 }], idempotencyKey: 'anon' } });
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers SERVICE_UNAVAILABLE when inventory fails or times out, writes nothing, and releases the reservation id', async () => {
    const slow = await h.startReplica({ services: { reservations: new RemoteStockReservations({ url: h.inventory.url, timeoutMs: 300, credentials: createServiceCredentials('orders', processServiceSecret()) }) } });
    for (const [mode, url] of [['down', h.server.url], ['hang', slow.url], ['hang-reserve', slow.url]] as const) {
      h.inventory.mode = mode;
      const customer = randomUUID();
      const rows = await writtenRows(h.db);
      const { order, errors } = await place(customer, { lines: [{ productId: a!.id, quantity: 1 }], idempotencyKey: mode }, url);
      expect(order).toBeNull();
      expect(errors).toEqual([{ code: 'SERVICE_UNAVAILABLE', field: null, message: expect.any(String) }]);
      expect(await writtenRows(h.db)).toEqual(rows);
      const orderId = orderIdFor(customer, mode);
      await eventually(() => expect(h.inventory.requests).toContain(`POST /internal/reservations/${orderId}/release`));
    }
  });

  it('refuses a key whose failed attempt was compensated (inventory keeps its id released), and places with a new key', async () => {
    const slow = await h.startReplica({ services: { reservations: new RemoteStockReservations({ url: h.inventory.url, timeoutMs: 300, credentials: createServiceCredentials('orders', processServiceSecret()) }) } });
    h.inventory.mode = 'hang-reserve';
    const customer = randomUUID();
    const orderId = orderIdFor(customer, 'spent');
    const first = await place(customer, { lines: [{ productId: a!.id, quantity: 1 }], idempotencyKey: 'spent' }, slow.url);
    expect(first.errors[0]!.code).toBe('SERVICE_UNAVAILABLE');
    await eventually(() => expect(h.inventory.reservations.get(orderId)?.released).toBe(true));
    h.inventory.mode = 'up';
    const rows = await writtenRows(h.db);
    const sameKey = await place(customer, { lines: [{ productId: a!.id, quantity: 1 }], idempotencyKey: 'spent' });
    expect(sameKey).toEqual({ order: null, errors: [{ code: 'INVALID_INPUT', field: ['input', 'idempotencyKey'], message: expect.any(String) }] });
    expect(await writtenRows(h.db)).toEqual(rows);
    const newKey = await place(customer, { lines: [{ productId: a!.id, quantity: 1 }], idempotencyKey: 'spent-again' });
    expect(newKey.order.status).toBe('AWAITING_PAYMENT');
  });

  it('places the order with the same key after an outage in which inventory recorded nothing', async () => {
    h.inventory.mode = 'down';
    const customer = randomUUID();
    expect((await place(customer, { lines: [{ productId: b!.id, quantity: 1 }], idempotencyKey: 'outage' })).errors[0]!.code).toBe('SERVICE_UNAVAILABLE');
    // The compensation's release also met the outage.
    await eventually(() => expect(h.inventory.requests).toContain(`POST /internal/reservations/${orderIdFor(customer, 'outage')}/release`));
    h.inventory.mode = 'up';
    const retry = await place(customer, { lines: [{ productId: b!.id, quantity: 1 }], idempotencyKey: 'outage' });
    expect(retry.order).toMatchObject({ id: orderIdFor(customer, 'outage'), status: 'AWAITING_PAYMENT' });
    expect(h.inventory.reservations.get(retry.order.id)?.released).toBe(false);
  });

  it('releases the reservation when writing the order fails for another reason, and writes nothing', async () => {
    const customer = randomUUID();
    const product = demo.products[20]!;
    const entry = h.products.products.get(product.id)!;
    const oldPrice = entry.price;
    // A currency code longer than the column's three characters (products never answers one): the insert fails
    // after inventory held the stock.
    entry.price = { amount: '1000.00', currency: 'COPX' };
    h.inventory.available.set(product.id, 1000);
    const rows = await writtenRows(h.db);
    try {
      const res = await graphqlRequest(h.server.url, PLACE, { input: { lines: [{ productId: product.id, quantity: 999 }], idempotencyKey: 'write-fails' } }, await h.issue(customer));
      expect(res.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      entry.price = oldPrice;
    }
    expect(await writtenRows(h.db)).toEqual(rows);
    expect(h.inventory.reservations.get(orderIdFor(customer, 'write-fails'))?.released).toBe(true);
    expect(h.inventory.available.get(product.id)).toBe(1000);
  });

  it('refuses an order whose total is past what one order holds (15-digit price x 999), before holding any stock', async () => {
    const customer = randomUUID();
    const product = demo.products[21]!;
    const entry = h.products.products.get(product.id)!;
    const oldPrice = entry.price;
    entry.price = { amount: '999999999999999.99', currency: 'COP' };
    h.inventory.available.set(product.id, 1000);
    const rows = await writtenRows(h.db);
    try {
      const res = await graphqlRequest(h.server.url, PLACE, { input: { lines: [{ productId: product.id, quantity: 999 }], idempotencyKey: 'too-large' } }, await h.issue(customer));
      expect(res.errors).toBeUndefined();
      expect(res.data.placeOrder).toMatchObject({ order: null, errors: [{ code: 'INVALID_INPUT', field: ['input', 'lines'] }] });
    } finally {
      entry.price = oldPrice;
    }
    expect(await writtenRows(h.db)).toEqual(rows);
    expect(h.inventory.reservations.has(orderIdFor(customer, 'too-large'))).toBe(false);
  });

  it('refuses lines in two currencies at the line that differs', async () => {
    const entry = h.products.products.get(b!.id)!;
    const oldPrice = entry.price;
    entry.price = { amount: '10.00', currency: 'USD' };
    try {
      const { errors } = await place(randomUUID(), { lines: [{ productId: a!.id, quantity: 1 }, { productId: b!.id, quantity: 1 }], idempotencyKey: 'fx' });
      expect(errors).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'lines', '1', 'productId'], message: expect.any(String) }]);
    } finally {
      entry.price = oldPrice;
    }
  });

  it.each([['0.00'], ['-1.00']])('refuses a line whose product is priced %s with NOT_PURCHASABLE at the line, holding no stock and writing nothing', async (price) => {
    const customer = randomUUID();
    const entry = h.products.products.get(c!.id)!;
    const oldPrice = entry.price;
    entry.price = { amount: price, currency: 'COP' };
    const rows = await writtenRows(h.db);
    try {
      const { order, errors } = await place(customer, { lines: [{ productId: a!.id, quantity: 1 }, { productId: c!.id, quantity: 2 }], idempotencyKey: `free-${price}` });
      expect(order).toBeNull();
      expect(errors).toEqual([{ code: 'NOT_PURCHASABLE', field: ['input', 'lines', '1', 'productId'], message: 'This product has no price yet and cannot be ordered.' }]);
    } finally {
      entry.price = oldPrice;
    }
    expect(await writtenRows(h.db)).toEqual(rows);
    expect(h.inventory.reservations.has(orderIdFor(customer, `free-${price}`))).toBe(false);
  });

  it('is cancelled as EXPIRED by the running sweeper once its reservation lapses', async () => {
    const quick = await h.startReplica({ config: { RESERVATION_TTL: 200, EXPIRY_SWEEP_INTERVAL: 100 } });
    const customer = randomUUID();
    const { order } = await place(customer, { lines: [{ productId: a!.id, quantity: 1 }], idempotencyKey: 'lapse' }, quick.url);
    expect(order.status).toBe('AWAITING_PAYMENT');
    expect(order.reservedUntil).not.toBeNull();
    await eventually(async () => {
      const res = await graphqlRequest(quick.url, ORDER, { id: order.id }, await h.issue(customer));
      expect(res.data.order).toMatchObject({ status: 'CANCELLED', cancellationReason: 'EXPIRED', reservedUntil: null });
    });
    // The column keeps when the reservation lapsed; only the API hides it once the order stopped waiting.
    const [row] = await h.db.select().from(orders).where(eq(orders.id, order.id));
    expect(row!.reservedUntil?.toISOString()).toBe(order.reservedUntil);
    expect((await eventsOf(h.db, order.id)).map((e) => [e.payload.from, e.payload.to, e.payload.reason])).toEqual([
      [null, 'AWAITING_PAYMENT', null],
      ['AWAITING_PAYMENT', 'CANCELLED', 'EXPIRED'],
    ]);
    expect(await h.db.select().from(orderLines).where(eq(orderLines.orderId, order.id))).toHaveLength(1);
  });
});

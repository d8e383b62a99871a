import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { demo } from '@shop/demo-store';
import { inbox, newEvent } from '@shop/events';
import { SubgraphUnavailableError } from '@shop/server';
import type { QuoteRequest } from '@shop/shipping/contract';
import type { QuoteOutcome, ShippingQuotes } from '@shop/shipping/quotes';
import type { AddressBook } from '@shop/users/address-book';
import type { AddressRecord } from '@shop/users/contract';
import { graphqlRequest } from '@shop/testing';
import { orders } from '../src/db/schema.js';
import { orderIdFor } from '../src/domain/order-id.js';
import { eventsOf, historyOf, startHarness, writtenRows, type Harness } from './harness.js';

/** users' saved addresses, in memory: (user, address) -> record; 'down' throws as an unreachable users does. */
class FakeAddressBook implements AddressBook {
  readonly saved = new Map<string, AddressRecord>();
  calls = 0;
  down = false;
  save(userId: string, address: Partial<AddressRecord> = {}): AddressRecord {
    const record: AddressRecord = { id: randomUUID(), recipient: 'Camila Rojas', line1: 'Carrera 7 # 72-41', line2: null, city: 'Bogotá', region: 'Bogotá D.C.', postalCode: '110231', country: 'CO', phone: null, ...address };
    this.saved.set(`${userId}/${record.id}`, record);
    return record;
  }
  async findAddress(userId: string, addressId: string) {
    this.calls += 1;
    if (this.down) throw new SubgraphUnavailableError('users', 'down');
    return this.saved.get(`${userId}/${addressId}`) ?? null;
  }
}

const STANDARD = randomUUID();
const EXPRESS = randomUUID();
/** shipping's quotes: a fixed cost per method and region, plus one peso per unit (so lines matter); express skips Amazonas. */
class FakeShippingQuotes implements ShippingQuotes {
  readonly requests: QuoteRequest[] = [];
  down = false;
  readonly regions = new Map([
    ['bogotá d.c.', 850_000],
    ['antioquia', 1_290_050],
    ['amazonas', 4_500_000],
  ]);
  async quote(request: QuoteRequest): Promise<QuoteOutcome> {
    this.requests.push(request);
    if (this.down) throw new SubgraphUnavailableError('shipping', 'down');
    const method = request.methodId === STANDARD ? { id: STANDARD, name: 'Estándar', carrier: 'Servientrega' } : request.methodId === EXPRESS ? { id: EXPRESS, name: 'Exprés', carrier: 'Coordinadora' } : null;
    if (!method) return { ok: false, code: 'NOT_FOUND', message: 'No shipping method has this id.' };
    const base = this.regions.get(request.region.toLowerCase());
    if (base === undefined) return { ok: false, code: 'INVALID_INPUT', message: 'Not a Colombian department.' };
    if (method.id === EXPRESS && request.region === 'Amazonas') return { ok: false, code: 'REGION_NOT_SERVED', message: 'Express does not reach Amazonas.' };
    const units = request.lines.reduce((sum, line) => sum + line.quantity, 0);
    return { ok: true, quote: { method, costMinor: base * (method.id === EXPRESS ? 2 : 1) + units * 100, currency: 'COP', estimatedDays: 3 } };
  }
}

const addresses = new FakeAddressBook();
const quotes = new FakeShippingQuotes();
let h: Harness;

beforeAll(async () => {
  h = await startHarness('orders_shipping', { services: { addresses, shippingQuotes: quotes } });
});
afterAll(async () => h?.stop());
beforeEach(() => {
  addresses.down = false;
  quotes.down = false;
  h.inventory.mode = 'up';
  for (const p of demo.products) h.inventory.available.set(p.id, 100);
});

const [a, b] = demo.products;
const ORDER_FIELDS = `id status total { amount currency } shippingCost { amount currency } shippingMethod { id } shippingAddress { id recipient line1 line2 city region postalCode country phone } lines { quantity }`;
const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { ${ORDER_FIELDS} } errors { code field message } } }`;
const ORDER = `query($id: ID!) { order(id: $id) { ${ORDER_FIELDS} history { from to reason by { id } } } }`;
const ADD = `mutation($p: ID!, $q: Int!) { addToCart(productId: $p, quantity: $q) { errors { code } } }`;
const amount = (minor: bigint) => `${minor / 100n}.${String(minor % 100n).padStart(2, '0')}`;
const linesOf = () => [
  { productId: a!.id, quantity: 2 },
  { productId: b!.id, quantity: 1 },
];
const linesMinor = a!.priceMinor * 2n + b!.priceMinor;

async function place(customerId: string, input: Record<string, unknown>) {
  const res = await graphqlRequest(h.server.url, PLACE, { input }, await h.issue(customerId));
  expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
  return res.data.placeOrder as { order: any; errors: { code: string; field: string[] | null; message: string }[] };
}

describe('placeOrder with shipping', () => {
  it('adds the quoted cost to the lines exactly and keeps the address, method and cost as they were at checkout', async () => {
    const customer = randomUUID();
    const address = addresses.save(customer, { region: 'Antioquia', city: 'Medellín', line2: 'Apto 301' });
    const { order, errors } = await place(customer, { lines: linesOf(), idempotencyKey: 'k', shippingAddressId: address.id, shippingMethodId: EXPRESS });
    expect(errors).toEqual([]);
    const cost = BigInt(1_290_050 * 2 + 3 * 100);
    expect(quotes.requests.at(-1)).toEqual({ region: 'Antioquia', methodId: EXPRESS, lines: linesOf() });
    expect(order).toMatchObject({
      status: 'AWAITING_PAYMENT',
      total: { amount: amount(linesMinor + cost), currency: 'COP' },
      shippingCost: { amount: amount(cost), currency: 'COP' },
      shippingMethod: { id: EXPRESS },
      shippingAddress: address,
    });
    const [row] = await h.db.select().from(orders).where(eq(orders.id, order.id));
    expect(row).toMatchObject({ totalMinor: linesMinor + cost, shippingCostMinor: cost, shippingMethodId: EXPRESS, shippingAddress: address });
    expect((await eventsOf(h.db, order.id))[0]!.payload).toMatchObject({ total: { amountMinor: Number(linesMinor + cost) }, shipping: { methodId: EXPRESS, costMinor: Number(cost), region: 'Antioquia' } });

    // The saved address changes (or goes) afterwards: the order keeps its copy.
    addresses.saved.set(`${customer}/${address.id}`, { ...address, line1: 'Otra calle 1' });
    const later = await graphqlRequest(h.server.url, ORDER, { id: order.id }, await h.issue(customer));
    expect(later.data.order.shippingAddress).toEqual(address);
  });

  it('orders the cart with shipping the same way, and empties it', async () => {
    const customer = randomUUID();
    const token = await h.issue(customer);
    for (const line of linesOf()) await graphqlRequest(h.server.url, ADD, { p: line.productId, q: line.quantity }, token);
    const address = addresses.save(customer);
    const { order, errors } = await place(customer, { idempotencyKey: 'cart', shippingAddressId: address.id, shippingMethodId: STANDARD });
    expect(errors).toEqual([]);
    const cost = BigInt(850_000 + 3 * 100);
    expect(order.total.amount).toBe(amount(linesMinor + cost));
    expect(order.shippingCost.amount).toBe(amount(cost));
    expect((await graphqlRequest(h.server.url, '{ cart { lines { quantity } } }', {}, token)).data.cart.lines).toEqual([]);
  });

  it('answers a replay with the stored order without asking users or shipping again', async () => {
    const customer = randomUUID();
    const address = addresses.save(customer);
    const input = { lines: linesOf(), idempotencyKey: 'again', shippingAddressId: address.id, shippingMethodId: STANDARD };
    const first = await place(customer, input);
    const [addressCalls, quoteCalls] = [addresses.calls, quotes.requests.length];
    addresses.down = true;
    quotes.down = true;
    const replay = await place(customer, { ...input, shippingMethodId: EXPRESS });
    expect(replay).toEqual(first);
    expect([addresses.calls, quotes.requests.length]).toEqual([addressCalls, quoteCalls]);
  });

  it('an order without shipping has none, and its total is the lines alone', async () => {
    const customer = randomUUID();
    const { order } = await place(customer, { lines: linesOf(), idempotencyKey: 'none' });
    expect(order).toMatchObject({ total: { amount: amount(linesMinor) }, shippingCost: null, shippingMethod: null, shippingAddress: null });
    expect((await eventsOf(h.db, order.id))[0]!.payload.shipping).toBeNull();
  });

  const refusals: [string, (customer: string) => Record<string, unknown>, { code: string; field: string[] }][] = [
    ['an address without a method', (c) => ({ shippingAddressId: addresses.save(c).id }), { code: 'INVALID_INPUT', field: ['input', 'shippingMethodId'] }],
    ['a method without an address', () => ({ shippingMethodId: STANDARD }), { code: 'INVALID_INPUT', field: ['input', 'shippingAddressId'] }],
    ['an address id that is no id', () => ({ shippingAddressId: 'home', shippingMethodId: STANDARD }), { code: 'INVALID_INPUT', field: ['input', 'shippingAddressId'] }],
    ['another customer’s address', () => ({ shippingAddressId: addresses.save(randomUUID()).id, shippingMethodId: STANDARD }), { code: 'NOT_FOUND', field: ['input', 'shippingAddressId'] }],
    ['an address nobody has', () => ({ shippingAddressId: randomUUID(), shippingMethodId: STANDARD }), { code: 'NOT_FOUND', field: ['input', 'shippingAddressId'] }],
    ['a method nobody has', (c) => ({ shippingAddressId: addresses.save(c).id, shippingMethodId: randomUUID() }), { code: 'NOT_FOUND', field: ['input', 'shippingMethodId'] }],
    ['a method that does not serve the region (REGION_NOT_SERVED)', (c) => ({ shippingAddressId: addresses.save(c, { region: 'Amazonas' }).id, shippingMethodId: EXPRESS }), { code: 'SHIPPING_UNAVAILABLE', field: ['input', 'shippingMethodId'] }],
    ['a region shipping does not know', (c) => ({ shippingAddressId: addresses.save(c, { region: 'Atlantis' }).id, shippingMethodId: STANDARD }), { code: 'SHIPPING_UNAVAILABLE', field: ['input', 'shippingAddressId'] }],
    ['an address outside Colombia', (c) => ({ shippingAddressId: addresses.save(c, { country: 'PE', region: 'Lima' }).id, shippingMethodId: STANDARD }), { code: 'SHIPPING_UNAVAILABLE', field: ['input', 'shippingAddressId'] }],
  ];
  it.each(refusals)('refuses %s, placing nothing and holding no stock', async (_name, shipping, expected) => {
    const customer = randomUUID();
    const rows = await writtenRows(h.db);
    const { order, errors } = await place(customer, { lines: linesOf(), idempotencyKey: 'refused', ...shipping(customer) });
    expect(order).toBeNull();
    expect(errors).toEqual([{ ...expected, message: expect.any(String) }]);
    expect(await writtenRows(h.db)).toEqual(rows);
    expect(h.inventory.reservations.has(orderIdFor(customer, 'refused'))).toBe(false);
  });

  it.each(['users', 'shipping'])('is SERVICE_UNAVAILABLE when %s does not answer, placing nothing and holding no stock; the same key works once it is back', async (service) => {
    const customer = randomUUID();
    const address = addresses.save(customer);
    const input = { lines: linesOf(), idempotencyKey: `down-${service}`, shippingAddressId: address.id, shippingMethodId: STANDARD };
    if (service === 'users') addresses.down = true;
    else quotes.down = true;
    const rows = await writtenRows(h.db);
    const reserves = h.inventory.calls.reserve;
    const { order, errors } = await place(customer, input);
    expect(order).toBeNull();
    expect(errors).toEqual([{ code: 'SERVICE_UNAVAILABLE', field: null, message: expect.any(String) }]);
    expect(await writtenRows(h.db)).toEqual(rows);
    expect(h.inventory.calls.reserve).toBe(reserves);
    addresses.down = false;
    quotes.down = false;
    expect((await place(customer, input)).errors).toEqual([]);
  });
});

describe('shipment.status_changed consumer', () => {
  async function paidOrder(): Promise<{ id: string; customerId: string }> {
    const customerId = randomUUID();
    const address = addresses.save(customerId);
    const { order } = await place(customerId, { lines: linesOf(), idempotencyKey: randomUUID(), shippingAddressId: address.id, shippingMethodId: STANDARD });
    const paymentId = randomUUID();
    await h.bus.publish(
      newEvent('payments', 'payment.status_changed', paymentId, { paymentId, orderId: order.id, customerId, status: 'CAPTURED', failureReason: null, amountMinor: '1', currency: 'COP' }),
    );
    await h.bus.drain();
    return { id: order.id, customerId };
  }
  const shipmentEvent = (order: { id: string; customerId: string }, from: string | null, to: string) =>
    newEvent('shipping', 'shipment.status_changed', order.id, { shipmentId: randomUUID(), orderId: order.id, customerId: order.customerId, methodId: STANDARD, trackingNumber: 'SRV-0001', from, to });
  const deliver = async (...events: ReturnType<typeof shipmentEvent>[]) => {
    for (const event of events) await h.bus.publish(event);
    await h.bus.drain();
  };
  const statusOf = async (id: string) => (await h.db.select({ status: orders.status }).from(orders).where(eq(orders.id, id)))[0]!.status;

  it('ships a paid order when its shipment is in transit and delivers it when delivered, by the system, each once however often the events come', async () => {
    const order = await paidOrder();
    const label = shipmentEvent(order, null, 'LABEL_CREATED');
    await deliver(label);
    expect(await statusOf(order.id)).toBe('PAID');
    expect(await h.db.select().from(inbox).where(eq(inbox.eventId, label.id))).toEqual([]);
    const inTransit = shipmentEvent(order, 'LABEL_CREATED', 'IN_TRANSIT');
    await deliver(inTransit, inTransit);
    expect(await statusOf(order.id)).toBe('SHIPPED');
    const delivered = shipmentEvent(order, 'IN_TRANSIT', 'DELIVERED');
    // Repeated, and a late in-transit from another delivery of the carrier's scan: nothing moves back or twice.
    await deliver(delivered, delivered, shipmentEvent(order, 'LABEL_CREATED', 'IN_TRANSIT'));
    expect(await statusOf(order.id)).toBe('DELIVERED');
    expect((await historyOf(h.db, order.id)).slice(1)).toEqual([
      { from: 'AWAITING_PAYMENT', to: 'PAID', reason: 'PAYMENT_CAPTURED', actorId: null },
      { from: 'PAID', to: 'SHIPPED', reason: 'SHIPPED', actorId: null },
      { from: 'SHIPPED', to: 'DELIVERED', reason: 'DELIVERED', actorId: null },
    ]);
    const events = await eventsOf(h.db, order.id);
    expect(events.map((e) => [e.payload.from, e.payload.to])).toEqual([
      [null, 'AWAITING_PAYMENT'],
      ['AWAITING_PAYMENT', 'PAID'],
      ['PAID', 'SHIPPED'],
      ['SHIPPED', 'DELIVERED'],
    ]);
    // Every event of the order carries its shipping.
    for (const event of events) expect(event.payload.shipping).toEqual({ methodId: STANDARD, costMinor: 850_000 + 300, region: 'Bogotá D.C.' });
    const seen = await graphqlRequest(h.server.url, ORDER, { id: order.id }, await h.issue(order.customerId));
    expect(seen.data.order.history.slice(2)).toEqual([
      { from: 'PAID', to: 'SHIPPED', reason: 'SHIPPED', by: null },
      { from: 'SHIPPED', to: 'DELIVERED', reason: 'DELIVERED', by: null },
    ]);
  });

  it('delivers a paid order whose in-transit event it never saw through SHIPPED first, in order', async () => {
    const order = await paidOrder();
    await deliver(shipmentEvent(order, 'IN_TRANSIT', 'DELIVERED'));
    expect(await statusOf(order.id)).toBe('DELIVERED');
    expect((await historyOf(h.db, order.id)).slice(2).map((c) => [c.from, c.to, c.reason])).toEqual([
      ['PAID', 'SHIPPED', 'SHIPPED'],
      ['SHIPPED', 'DELIVERED', 'DELIVERED'],
    ]);
    expect((await eventsOf(h.db, order.id)).slice(2).map((e) => e.payload.to)).toEqual(['SHIPPED', 'DELIVERED']);
  });

  it('leaves a cancelled order cancelled and an unknown order alone', async () => {
    const customerId = randomUUID();
    const address = addresses.save(customerId);
    const { order } = await place(customerId, { lines: linesOf(), idempotencyKey: 'cancel', shippingAddressId: address.id, shippingMethodId: STANDARD });
    const cancelled = await graphqlRequest(h.server.url, 'mutation($id: ID!) { cancelOrder(id: $id) { errors { code } } }', { id: order.id }, await h.issue(customerId));
    expect(cancelled.data.cancelOrder.errors).toEqual([]);
    const rows = await writtenRows(h.db);
    await deliver(shipmentEvent({ id: order.id, customerId }, 'IN_TRANSIT', 'DELIVERED'), shipmentEvent({ id: randomUUID(), customerId }, 'LABEL_CREATED', 'IN_TRANSIT'));
    expect(await statusOf(order.id)).toBe('CANCELLED');
    expect(await writtenRows(h.db)).toEqual(rows);
  });
});

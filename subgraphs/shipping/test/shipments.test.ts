import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { orderStatusChanged, type OrderStatusChangedPayload } from '@shop/orders/contract';
import { advanceAnswer, SHIPMENT_STATUSES, shippingPaths } from '../src/contract.js';
import { shipments, shipmentStatusHistory, type ShipmentStatus } from '../src/db/schema.js';
import { demoMethodId } from '../src/domain/seed.js';
import { canTransition, shipmentTransitions } from '../src/domain/transitions.js';
import { startHarness, type Harness } from './support/harness.js';

let h: Harness;
let adminToken: string;
beforeAll(async () => {
  h = await startHarness(inject('databaseUrl'), 'shipping_shipments');
  adminToken = await h.tokenFor(randomUUID(), ['ADMIN']);
});
afterAll(async () => h?.stop());

const STANDARD = demoMethodId('servientrega-estandar');
const EXPRESS = demoMethodId('coordinadora-expres');
const ADVANCE = `mutation($id: ID!, $s: ShipmentStatus!) { advanceShipment(id: $id, status: $s) }`;
const ORDER_SHIPMENTS = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Order { id shipments { id trackingNumber status method { name carrier } order { id } updatedAt } } } }`;

const orderEvent = (change: Partial<OrderStatusChangedPayload> & Pick<OrderStatusChangedPayload, 'orderId' | 'customerId' | 'to'>) =>
  orderStatusChanged.create({ from: 'AWAITING_PAYMENT', reason: null, lines: [{ productId: randomUUID(), quantity: 1 }], ...change });
const shipping = (methodId = STANDARD) => ({ methodId, costMinor: 1_290_000, region: 'Antioquia' });

/** An order paid with a shipping method, delivered to shipping: its shipment. */
async function paidOrder(methodId = STANDARD, customerId = randomUUID()) {
  const orderId = randomUUID();
  await h.bus.publish(orderEvent({ orderId, customerId, to: 'PAID', shipping: shipping(methodId) }));
  await h.settle();
  const [shipment] = await h.db.select().from(shipments).where(eq(shipments.orderId, orderId));
  return shipment!;
}
/** A shipment staged straight in the database, in the given status. */
async function shipmentIn(status: ShipmentStatus) {
  const shipment = await paidOrder();
  await h.db.update(shipments).set({ status }).where(eq(shipments.id, shipment.id));
  return shipment;
}
const statusOf = async (id: string) => (await h.db.select({ status: shipments.status }).from(shipments).where(eq(shipments.id, id)))[0]!.status;
const eventsOf = async (shipmentId: string) => (await h.recorded('shipment.status_changed')).filter((e) => e.payload.shipmentId === shipmentId).map((e) => e.payload);

describe('a paid order with a shipping method', () => {
  it('gets one shipment LABEL_CREATED with a carrier tracking number, and shipment.status_changed from null', async () => {
    const customerId = randomUUID();
    const shipment = await paidOrder(EXPRESS, customerId);
    expect(shipment).toMatchObject({ customerId, methodId: EXPRESS, status: 'LABEL_CREATED', region: 'Antioquia', costMinor: 1_290_000n });
    expect(shipment.trackingNumber).toMatch(new RegExp(`^CRD-${new Date().getUTCFullYear()}-\\d{6,}$`));
    expect(await eventsOf(shipment.id)).toEqual([
      { shipmentId: shipment.id, orderId: shipment.orderId, customerId, methodId: EXPRESS, trackingNumber: shipment.trackingNumber, from: null, to: 'LABEL_CREATED' },
    ]);
    const history = await h.db.select().from(shipmentStatusHistory).where(eq(shipmentStatusHistory.shipmentId, shipment.id));
    expect(history).toMatchObject([{ fromStatus: null, toStatus: 'LABEL_CREATED', actorId: null }]);
  });

  it('still has one shipment when the event is delivered again, or another PAID event of the order arrives', async () => {
    const orderId = randomUUID();
    const customerId = randomUUID();
    const paid = orderEvent({ orderId, customerId, to: 'PAID', shipping: shipping() });
    await Promise.all([h.bus.publish(paid), h.bus.publish(paid), h.bus.publish({ ...paid, id: randomUUID() })]);
    await h.settle();
    const rows = await h.db.select().from(shipments).where(eq(shipments.orderId, orderId));
    expect(rows).toHaveLength(1);
    expect(await eventsOf(rows[0]!.id)).toHaveLength(1);
  });

  it('gives distinct tracking numbers to shipments created at once', async () => {
    const created = await Promise.all(Array.from({ length: 10 }, () => paidOrder()));
    expect(new Set(created.map((s) => s.trackingNumber)).size).toBe(10);
    for (const s of created) expect(s.trackingNumber).toMatch(/^SRV-\d{4}-\d{6,}$/);
  });

  it('nothing for an order cancelled, placed, paid without a shipping method, or naming a method shipping does not have', async () => {
    const orderIds = Array.from({ length: 5 }, () => randomUUID());
    const customerId = randomUUID();
    await h.bus.publish(orderEvent({ orderId: orderIds[0]!, customerId, from: 'AWAITING_PAYMENT', to: 'CANCELLED', reason: 'CUSTOMER', shipping: shipping() }));
    await h.bus.publish(orderEvent({ orderId: orderIds[1]!, customerId, from: null, to: 'AWAITING_PAYMENT', shipping: shipping() }));
    await h.bus.publish(orderEvent({ orderId: orderIds[2]!, customerId, to: 'PAID', shipping: null }));
    await h.bus.publish(orderEvent({ orderId: orderIds[3]!, customerId, to: 'PAID' }));
    await h.bus.publish(orderEvent({ orderId: orderIds[4]!, customerId, to: 'PAID', shipping: shipping(randomUUID()) }));
    await h.settle();
    for (const orderId of orderIds) expect(await h.db.select().from(shipments).where(eq(shipments.orderId, orderId))).toEqual([]);
  });
});

describe('the shipment transition table', () => {
  it('is exactly LABEL_CREATED -> IN_TRANSIT -> DELIVERED', () => {
    expect(shipmentTransitions).toEqual({ LABEL_CREATED: ['IN_TRANSIT'], IN_TRANSIT: ['DELIVERED'], DELIVERED: [] });
  });

  const pairs = SHIPMENT_STATUSES.flatMap((from) => SHIPMENT_STATUSES.map((to) => ({ from, to, allowed: canTransition(from, to) })));
  it.each(pairs)('$from -> $to by an admin: allowed $allowed', async ({ from, to, allowed }) => {
    const shipment = await shipmentIn(from);
    const before = (await eventsOf(shipment.id)).length;
    const { data, errors } = await h.gql(ADVANCE, { id: shipment.id, s: to }, adminToken);
    if (allowed) {
      expect(errors).toBeUndefined();
      expect(data.advanceShipment).toBe(true);
      expect(await statusOf(shipment.id)).toBe(to);
      expect((await eventsOf(shipment.id)).slice(before)).toEqual([expect.objectContaining({ shipmentId: shipment.id, orderId: shipment.orderId, from, to })]);
    } else if (from === to) {
      // A repeated status (a carrier scanning twice): true, and nothing changes.
      expect(errors).toBeUndefined();
      expect(data.advanceShipment).toBe(true);
      expect(await eventsOf(shipment.id)).toHaveLength(before);
    } else {
      expect(data).toBeNull();
      expect(errors).toEqual([expect.objectContaining({ message: `A shipment cannot go from ${from} to ${to}: LABEL_CREATED -> IN_TRANSIT -> DELIVERED.`, extensions: { code: 'INVALID_TRANSITION', field: ['status'] } })]);
      expect(await statusOf(shipment.id)).toBe(from);
      expect(await eventsOf(shipment.id)).toHaveLength(before);
    }
  });

  it('two admins moving the same shipment at once: it moves once, one event, both answered true', async () => {
    const shipment = await paidOrder();
    const answers = await Promise.all(Array.from({ length: 4 }, () => h.gql(ADVANCE, { id: shipment.id, s: 'IN_TRANSIT' }, adminToken)));
    expect(answers.map((a) => a.data?.advanceShipment)).toEqual([true, true, true, true]);
    expect((await eventsOf(shipment.id)).map((e) => e.to)).toEqual(['LABEL_CREATED', 'IN_TRANSIT']);
    const history = await h.db.select().from(shipmentStatusHistory).where(eq(shipmentStatusHistory.shipmentId, shipment.id));
    expect(history).toHaveLength(2);
  });
});

describe('advanceShipment', () => {
  it('is for admins: UNAUTHENTICATED signed out, FORBIDDEN for a customer (even the shipment’s own), nothing changes', async () => {
    const customerId = randomUUID();
    const shipment = await paidOrder(STANDARD, customerId);
    const anonymous = await h.gql(ADVANCE, { id: shipment.id, s: 'IN_TRANSIT' });
    expect(anonymous.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const owner = await h.gql(ADVANCE, { id: shipment.id, s: 'IN_TRANSIT' }, await h.tokenFor(customerId, ['CUSTOMER', 'SELLER']));
    expect(owner.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(await statusOf(shipment.id)).toBe('LABEL_CREATED');
  });

  it('NOT_FOUND for an unknown or malformed id', async () => {
    for (const id of [randomUUID(), 'nope']) {
      const { data, errors } = await h.gql(ADVANCE, { id, s: 'IN_TRANSIT' }, adminToken);
      expect(data).toBeNull();
      expect(errors).toEqual([expect.objectContaining({ message: `No shipment has the id ${id}.`, extensions: { code: 'NOT_FOUND', field: ['id'] } })]);
    }
  });

  it("records who moved it: the admin, and no one for a carrier's service call on the internal route", async () => {
    const admin = randomUUID();
    const shipment = await paidOrder();
    await h.gql(ADVANCE, { id: shipment.id, s: 'IN_TRANSIT' }, await h.tokenFor(admin, ['ADMIN']));
    const carrier = async (id: string, status: string) => {
      const response = await fetch(new URL(shippingPaths.advance(id), h.shipping.url), { method: 'POST', headers: { 'content-type': 'application/json', ...(await h.credentials.headers()) }, body: JSON.stringify({ status }) });
      return { status: response.status, body: await response.json() };
    };
    expect(await carrier(shipment.id, 'DELIVERED')).toEqual({ status: 200, body: advanceAnswer.parse({ moved: true }) });
    expect(await carrier(shipment.id, 'DELIVERED')).toEqual({ status: 200, body: { moved: false } });
    expect(await carrier(shipment.id, 'IN_TRANSIT')).toMatchObject({ status: 409, body: { error: { code: 'INVALID_TRANSITION' } } });
    expect(await carrier(randomUUID(), 'DELIVERED')).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    expect(await carrier(shipment.id, 'LOST')).toMatchObject({ status: 422, body: { error: { code: 'INVALID_INPUT' } } });
    const history = await h.db.select().from(shipmentStatusHistory).where(eq(shipmentStatusHistory.shipmentId, shipment.id));
    expect(history.map((row) => [row.toStatus, row.actorId])).toEqual([['LABEL_CREATED', null], ['IN_TRANSIT', admin], ['DELIVERED', null]]);
    const unsigned = await fetch(new URL(shippingPaths.advance(shipment.id), h.shipping.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"status":"DELIVERED"}' });
    expect(unsigned.status).toBe(401);
  });
});

describe('reading shipments', () => {
  it("Order.shipments: the order's customer and admins see them, another customer an empty list; Shipment entities alike", async () => {
    const customerId = randomUUID();
    const shipment = await paidOrder(EXPRESS, customerId);
    const reps = [{ __typename: 'Order', id: shipment.orderId }];
    const expected = [{ id: shipment.id, trackingNumber: shipment.trackingNumber, status: 'LABEL_CREATED', method: { name: 'Exprés', carrier: 'Coordinadora' }, order: { id: shipment.orderId }, updatedAt: shipment.updatedAt.toISOString() }];
    expect((await h.gql(ORDER_SHIPMENTS, { reps }, await h.tokenFor(customerId))).data._entities).toEqual([{ id: shipment.orderId, shipments: expected }]);
    expect((await h.gql(ORDER_SHIPMENTS, { reps }, adminToken)).data._entities).toEqual([{ id: shipment.orderId, shipments: expected }]);
    expect((await h.gql(ORDER_SHIPMENTS, { reps }, await h.tokenFor(randomUUID()))).data._entities).toEqual([{ id: shipment.orderId, shipments: [] }]);
    expect((await h.gql(ORDER_SHIPMENTS, { reps })).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const SHIPMENT = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Shipment { id status } } }`;
    const shipmentReps = [{ __typename: 'Shipment', id: shipment.id }];
    expect((await h.gql(SHIPMENT, { reps: shipmentReps }, await h.tokenFor(customerId))).data._entities).toEqual([{ id: shipment.id, status: 'LABEL_CREATED' }]);
    expect((await h.gql(SHIPMENT, { reps: shipmentReps }, await h.tokenFor(randomUUID()))).data._entities).toEqual([null]);
  });

  it('Query.shipments: admins only, newest first, of one status or all, at most 100', async () => {
    const older = await paidOrder();
    const newer = await paidOrder();
    await h.gql(ADVANCE, { id: newer.id, s: 'IN_TRANSIT' }, adminToken);
    const list = async (status?: string) => (await h.gql(`query($s: ShipmentStatus) { shipments(status: $s) { id status } }`, { s: status }, adminToken)).data.shipments as { id: string; status: string }[];
    const all = await list();
    expect(all.length).toBeLessThanOrEqual(100);
    expect(all.findIndex((s) => s.id === newer.id)).toBeLessThan(all.findIndex((s) => s.id === older.id));
    expect((await list('IN_TRANSIT')).every((s) => s.status === 'IN_TRANSIT')).toBe(true);
    expect((await list('IN_TRANSIT')).map((s) => s.id)).toContain(newer.id);
    expect((await list('LABEL_CREATED')).map((s) => s.id)).not.toContain(newer.id);
    const customer = await h.gql(`{ shipments { id } }`, {}, await h.tokenFor(randomUUID()));
    expect(customer.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('the undelivered gauge counts shipments not DELIVERED', async () => {
    const scrape = async () => Number(/^shipping_shipments_undelivered (\d+)$/m.exec(await (await fetch(new URL('/metrics', h.shipping.url))).text())?.[1]);
    const before = await scrape();
    const shipment = await paidOrder();
    expect(await scrape()).toBe(before + 1);
    await h.db.update(shipments).set({ status: 'DELIVERED' }).where(eq(shipments.id, shipment.id));
    expect(await scrape()).toBe(before);
  });
});

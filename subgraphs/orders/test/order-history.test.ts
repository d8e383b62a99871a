import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from '@shop/demo-store';
import { graphqlRequest } from '@shop/testing';
import { expireOrders } from '../src/domain/expire-orders.js';
import { normalizeOrderNumber } from '../src/domain/order-numbers.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness('orders_history', { config: { RESERVATION_TTL: 60_000 } });
  for (const p of demo.products) h.inventory.available.set(p.id, 100);
});
afterAll(async () => h?.stop());

const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id } errors { code } } }`;
const HISTORY = `query($id: ID!) { order(id: $id) { status history { from to at reason by { id } } } }`;

describe('Order.history', () => {
  it('records the system as no one when a reservation expires: by null, reason EXPIRED', async () => {
    const customer = randomUUID();
    const placed = await graphqlRequest(h.server.url, PLACE, { input: { lines: [{ productId: demo.products[0]!.id, quantity: 1 }], idempotencyKey: 'expiring' } }, await h.issue(customer));
    const id = placed.data.placeOrder.order.id as string;
    expect(await expireOrders(h.db, new Date(Date.now() + 120_000))).toBe(1);

    const res = await graphqlRequest(h.server.url, HISTORY, { id }, await h.issue(demo.admin.id, ['ADMIN']));
    expect(res.errors).toBeUndefined();
    expect(res.data.order.status).toBe('CANCELLED');
    expect(res.data.order.history.map(({ at: _at, ...rest }: { at: string }) => rest)).toEqual([
      { from: null, to: 'AWAITING_PAYMENT', reason: 'PLACED', by: { id: customer } },
      { from: 'AWAITING_PAYMENT', to: 'CANCELLED', reason: 'EXPIRED', by: null },
    ]);
  });
});

describe('normalizeOrderNumber', () => {
  it.each([
    ['ORD-000002', 'ORD-000002'],
    ['ord-000002', 'ORD-000002'],
    ['ORD-2', 'ORD-000002'],
    ['000002', 'ORD-000002'],
    ['2', 'ORD-000002'],
    [' ORD-000123 ', 'ORD-000123'],
    ['ORD2', 'ORD-000002'],
    ['1234567', 'ORD-1234567'],
  ])('reads %j as %s', (text, number) => {
    expect(normalizeOrderNumber(text)).toBe(number);
  });

  it.each(['', 'ORD-', 'ORD-12A', 'ORD 12', '#12', '1.5', '-1', '1e3', 'ORD-1234567890123456', 'ORDER-12'])('reads %j as no order number', (text) => {
    expect(normalizeOrderNumber(text)).toBeNull();
  });
});

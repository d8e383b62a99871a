import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { formatMinor } from '@shop/common';
import { demo } from '@shop/demo-store';
import { graphqlRequest } from '@shop/testing';
// The demo rate card itself: every method, every department and its zone, as shipping seeds them.
import { DEMO_BANDS_GRAMS, DEMO_METHODS, DEMO_REGION_ZONES, demoMethodId, type DemoZone } from '../../../subgraphs/shipping/src/domain/seed.js';
import { startTestPlatform } from '../support/platform.js';
import { adjustStock, collect, login, payOrder, until, wsClient } from '../live/support.js';

/**
 * Checkout with shipping across users, orders, shipping, inventory and payments, through the gateway of the whole
 * platform on PostgreSQL: for every method and every department of the demo rate card, the order's shipping cost
 * is the quote to the minor unit and its total is the lines plus that cost; then a paid order's shipment moved by an
 * admin drives the order to SHIPPED and DELIVERED, live on the customer's orderStatusChanged.
 */
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let url: string;
const tokens = {} as Record<'admin' | 'customer', string>;

// Light, middling and heavy products, so the departments' parcels fall in every weight band and above the last.
const mochila = demo.products[0]!;
const hamacaClasica = demo.products[10]!;
const hamaca = demo.products[11]!;
const warehouse = demo.warehouses[0]!.id;
const PARCELS: { productId: string; quantity: number }[][] = [
  [{ productId: mochila.id, quantity: 2 }],
  [{ productId: hamacaClasica.id, quantity: 1 }, { productId: mochila.id, quantity: 1 }],
  [{ productId: hamaca.id, quantity: 1 }],
  [{ productId: hamaca.id, quantity: 3 }],
  [{ productId: hamaca.id, quantity: 5 }, { productId: mochila.id, quantity: 2 }],
  [{ productId: hamaca.id, quantity: 7 }],
];

const REGIONS = Object.keys(DEMO_REGION_ZONES) as (keyof typeof DEMO_REGION_ZONES)[];
const byId = new Map(demo.products.map((p) => [p.id, p]));
const linesMinor = (lines: { productId: string; quantity: number }[]) => lines.reduce((sum, l) => sum + byId.get(l.productId)!.priceMinor * BigInt(l.quantity), 0n);
const weightOf = (lines: { productId: string; quantity: number }[]) => lines.reduce((sum, l) => sum + byId.get(l.productId)!.weightGrams * l.quantity, 0);

/** The rate card's price for a parcel: the band that holds its weight, or the last band plus each started kg above it. */
function ratedMinor(method: (typeof DEMO_METHODS)[number], zone: DemoZone, grams: number): bigint | null {
  const service = method.zones[zone];
  if (!service) return null;
  const band = DEMO_BANDS_GRAMS.findIndex((max) => grams <= max);
  const pesos = band >= 0 ? service.pesos[band]! : service.pesos.at(-1)! + Math.ceil((grams - DEMO_BANDS_GRAMS.at(-1)!) / 1000) * service.extraKgPesos;
  return BigInt(pesos) * 100n;
}

const REGISTER = 'mutation($i: RegisterInput!) { register(input: $i) { token errors { code } } }';
const ADD_ADDRESS = 'mutation($i: AddressInput!) { addAddress(input: $i) { address { id region } errors { code message } } }';
const QUOTES = 'query($r: String!, $p: [ID!]!) { shippingQuotes(region: $r, productIds: $p) { method { id name carrier } cost { amount currency } estimatedDays } }';
const PLACE = `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) {
  order { id status total { amount currency } shippingCost { amount currency } shippingMethod { id name } shippingAddress { id region } lines { quantity total { amount } } }
  errors { code field message } } }`;

beforeAll(async () => {
  platform = await startTestPlatform(inject('databaseUrl'), { paymentProviderLatencyMs: 20 });
  url = platform.gatewayUrl;
  tokens.admin = await login(url, demo.admin);
  tokens.customer = await login(url, demo.customer);
  // Enough units for every order below (they stay reserved: nobody pays them).
  for (const product of [mochila, hamacaClasica, hamaca]) await adjustStock(url, tokens.admin, product.id, warehouse, 1000);
}, 120_000);

afterAll(async () => {
  await platform?.stop();
  await platform?.dropDatabases();
});

/** Runs work over items, at most `width` at a time (the machine's two cores, not a queue of 60 placements at once). */
async function inBatches<T, R>(items: readonly T[], width: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += width) results.push(...(await Promise.all(items.slice(i, i + width).map((item, j) => work(item, i + j)))));
  return results;
}

describe('shipping in the order total', () => {
  it('for every method and every department of the demo rate card, the order total is the lines plus the quote, to the minor unit', async () => {
    // A customer keeps at most 20 addresses: one shopper per 17 departments.
    const shoppers = await inBatches(Array.from({ length: Math.ceil(REGIONS.length / 17) }), 2, async () => {
      const res = await graphqlRequest(url, REGISTER, { i: { email: `envios-${randomBytes(4).toString('hex')}@example.test`, password: 'long-enough-pass', name: 'Comprador' } });
      expect(res.data?.register.errors, JSON.stringify(res)).toEqual([]);
      return res.data.register.token as string;
    });
    const departments = await inBatches(REGIONS, 6, async (region, i) => {
      const token = shoppers[Math.floor(i / 17)]!;
      const added = await graphqlRequest(url, ADD_ADDRESS, { i: { recipient: 'Comprador', line1: 'Calle 1 # 2-3', city: 'Capital', region, country: 'CO' } }, token);
      expect(added.data?.addAddress.errors, JSON.stringify(added)).toEqual([]);
      const lines = PARCELS[i % PARCELS.length]!;
      const quoted = await graphqlRequest(url, QUOTES, { r: region, p: lines.flatMap((l) => Array<string>(l.quantity).fill(l.productId)) }, token);
      expect(quoted.errors, JSON.stringify(quoted.errors)).toBeUndefined();
      return { region, zone: DEMO_REGION_ZONES[region], token, addressId: added.data.addAddress.address.id as string, lines, quotes: quoted.data.shippingQuotes as { method: { id: string }; cost: { amount: string; currency: string } }[] };
    });

    // Every method the rate card serves in the department's zone is quoted, at the card's price; the others are left out.
    for (const d of departments) {
      const expected = DEMO_METHODS.flatMap((m) => {
        const minor = ratedMinor(m, d.zone, weightOf(d.lines));
        return minor === null ? [] : [{ id: demoMethodId(m.code), cost: formatMinor(minor) }];
      });
      expect(d.quotes.map((q) => ({ id: q.method.id, cost: q.cost.amount })).sort((a, b) => a.id.localeCompare(b.id)), d.region).toEqual(expected.sort((a, b) => a.id.localeCompare(b.id)));
    }

    const placements = departments.flatMap((d) => DEMO_METHODS.map((m) => ({ ...d, methodId: demoMethodId(m.code), quote: d.quotes.find((q) => q.method.id === demoMethodId(m.code)) })));
    const placed = await inBatches(placements, 8, async (p) => {
      const res = await graphqlRequest(url, PLACE, { i: { lines: p.lines, idempotencyKey: `${p.region}-${p.methodId}`, shippingAddressId: p.addressId, shippingMethodId: p.methodId } }, p.token);
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      return { ...p, answer: res.data.placeOrder as { order: any; errors: { code: string; field: string[] }[] } };
    });
    const served = placed.filter((p) => p.quote);
    expect(served.length).toBeGreaterThanOrEqual(REGIONS.length);
    for (const p of served) {
      const costMinor = BigInt(p.quote!.cost.amount.replace('.', ''));
      expect(p.answer.errors, `${p.region} ${p.methodId}`).toEqual([]);
      expect(p.answer.order, `${p.region} ${p.methodId}`).toMatchObject({
        status: 'AWAITING_PAYMENT',
        shippingCost: p.quote!.cost,
        total: { amount: formatMinor(linesMinor(p.lines) + costMinor), currency: 'COP' },
        shippingMethod: { id: p.methodId },
        shippingAddress: { id: p.addressId, region: p.region },
      });
      // The total is what the order's own lines add up to, plus the shipping cost.
      const ownLines = p.answer.order.lines.reduce((sum: bigint, l: { total: { amount: string } }) => sum + BigInt(l.total.amount.replace('.', '')), 0n);
      expect(BigInt(p.answer.order.total.amount.replace('.', ''))).toBe(ownLines + costMinor);
    }
    // A method that does not serve a department is refused at placement, and nothing is placed.
    const unserved = placed.filter((p) => !p.quote);
    for (const p of unserved) expect(p.answer, `${p.region} ${p.methodId}`).toEqual({ order: null, errors: [expect.objectContaining({ code: 'SHIPPING_UNAVAILABLE', field: ['input', 'shippingMethodId'] })] });
    expect(new Set(served.map((p) => p.zone))).toEqual(new Set(Object.values(DEMO_REGION_ZONES)));
    expect(served.length + unserved.length).toBe(REGIONS.length * DEMO_METHODS.length);
  }, 60_000);
});

describe('a shipment drives its order', () => {
  const open: Client[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.dispose()));
  });

  const ORDER_STATUS = 'subscription($id: ID!) { orderStatusChanged(orderId: $id) { id status shippingCost { amount } } }';
  const SHIPMENTS = 'query($id: ID!) { order(id: $id) { shipments { id status trackingNumber } } }';
  const ADVANCE = 'mutation($id: ID!, $s: ShipmentStatus!) { advanceShipment(id: $id, status: $s) }';
  const HISTORY = 'query($id: ID!) { order(id: $id) { status total { amount } payment { status amount { amount } } history { from to reason by { id } } } }';

  it('paid, then in transit and delivered by an admin: the customer sees SHIPPED then DELIVERED live', async () => {
    const me = await graphqlRequest(url, '{ me { addresses { id region } } }', {}, tokens.customer);
    const bogota = (me.data.me.addresses as { id: string; region: string }[]).find((a) => a.region === 'Bogotá D.C.')!;
    const standard = demoMethodId(DEMO_METHODS[0]!.code);
    const lines = [{ productId: mochila.id, quantity: 1 }];

    // Subscribed only once the placement's own event has gone out: the subscription then sees later changes only.
    const published = new Set<string>();
    const stopWatching = await platform.bus.broadcast(['order.status_changed'], async (event) => void published.add(event.aggregateId));
    const placed = await graphqlRequest(url, PLACE, { i: { lines, idempotencyKey: `live-${randomBytes(3).toString('hex')}`, shippingAddressId: bogota.id, shippingMethodId: standard } }, tokens.customer);
    expect(placed.data?.placeOrder.errors, JSON.stringify(placed)).toEqual([]);
    const order = placed.data.placeOrder.order;
    await until(() => published.has(order.id), "the placement's event to be published");
    await stopWatching();

    const client = wsClient(url.replace(/^http/, 'ws'), tokens.customer);
    open.push(client);
    const live = collect(client, ORDER_STATUS, { id: order.id });
    await payOrder(url, tokens.customer, order.id, `pay-${order.id}`);
    await live.received(1, 20_000);
    expect(live.results[0]).toEqual({ data: { orderStatusChanged: { id: order.id, status: 'PAID', shippingCost: { amount: order.shippingCost.amount } } } });

    // Shipping labels the paid order (its consumer of order.status_changed); the admin finds the shipment on the order.
    let shipment: { id: string; status: string; trackingNumber: string } | undefined;
    for (const deadline = Date.now() + 20_000; !shipment && Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
      const res = await graphqlRequest(url, SHIPMENTS, { id: order.id }, tokens.admin);
      shipment = res.data?.order?.shipments?.[0];
    }
    expect(shipment, 'a shipment for the paid order').toMatchObject({ status: 'LABEL_CREATED', trackingNumber: expect.stringMatching(/^SRV/) });

    expect((await graphqlRequest(url, ADVANCE, { id: shipment!.id, s: 'IN_TRANSIT' }, tokens.admin)).data).toEqual({ advanceShipment: true });
    await live.received(2, 20_000);
    expect((await graphqlRequest(url, ADVANCE, { id: shipment!.id, s: 'DELIVERED' }, tokens.admin)).data).toEqual({ advanceShipment: true });
    await live.received(3, 20_000);
    expect(live.results.map((r) => (r as { data: { orderStatusChanged: { status: string } } }).data.orderStatusChanged.status)).toEqual(['PAID', 'SHIPPED', 'DELIVERED']);
    expect(live.error).toBeUndefined();

    const seen = await graphqlRequest(url, HISTORY, { id: order.id }, tokens.customer);
    // Payments charged the order's total, shipping included.
    expect(seen.data.order).toMatchObject({ status: 'DELIVERED', total: { amount: order.total.amount }, payment: { status: 'CAPTURED', amount: { amount: order.total.amount } } });
    expect(BigInt(order.total.amount.replace('.', ''))).toBe(mochila.priceMinor + BigInt(order.shippingCost.amount.replace('.', '')));
    expect(seen.data.order.history.slice(1)).toEqual([
      { from: 'AWAITING_PAYMENT', to: 'PAID', reason: 'PAYMENT_CAPTURED', by: null },
      { from: 'PAID', to: 'SHIPPED', reason: 'SHIPPED', by: null },
      { from: 'SHIPPED', to: 'DELIVERED', reason: 'DELIVERED', by: null },
    ]);
  }, 60_000);
});

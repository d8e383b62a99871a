import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildSchema } from 'graphql';
import postgres from 'postgres';
import { demo, stableId } from '@shop/demo-store';
import { graphqlRequest } from '@shop/testing';
import { schemaDir } from '../../src/compose.js';
import { startTestPlatform } from '../support/platform.js';
import { collect, login, sleep, until, wsClient } from '../live/support.js';
import { AUTHORIZATION_MATRIX, CALLERS, type Caller, type MatrixFixtures, type MatrixRow, type Operation, type Outcome } from './authorization-matrix.js';

/**
 * The authorization matrix (authorization-matrix.ts) through the gateway of the whole platform on PostgreSQL, with real
 * tokens from the real login: every root field of the public schema, for every kind of caller. A refused cell must
 * carry nothing of the object it was refused: that is a leak.
 */
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
const tokens: Partial<Record<Caller, string>> = {};
const sellerA = demo.sellers[0];
const sellerB = demo.sellers[1];
const productA = demo.products.find((p) => p.sellerId === sellerA.id)!.id;
const warehouse = demo.warehouses[0]!.id;
let cell = 0;

const ADJUST = 'mutation($i: AdjustStockInput!) { adjustStock(input: $i) { errors { code } } }';
const PLACE = 'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { order { id } errors { code message } } }';
const OPEN_TICKET = 'mutation($i: OpenTicketInput!) { openTicket(input: $i) { ticket { id } errors { code message } } }';
const ADD_ADDRESS = 'mutation($i: AddressInput!) { addAddress(input: $i) { address { id } errors { code message } } }';
let sharedTicket: Promise<string> | undefined;
let sharedConversation: Promise<string> | undefined;
let sharedShipment: Promise<string> | undefined;
let sharedStoreSale: Promise<string> | undefined;
/** sellerA's demo shop (inventory's seed) and products of sellerA it holds units of (3 of the first, 4 of the second). */
const storeOfA = stableId('warehouse', 'store-wayuu');
const [soldOnceAtStoreOfA, storeProductOfA] = [demo.products[8]!.id, demo.products[19]!.id];
const RECORD_STORE_SALE = 'mutation($i: StoreSaleInput!) { recordStoreSale(input: $i) { sale { id } errors { code message } } }';
let forecastReady: Promise<void> | undefined;
const ASK = 'mutation($q: String!) { askAssistant(question: $q) { answer { conversationId } errors { code message } } }';

const fixtures: MatrixFixtures = {
  productA,
  warehouse,
  paidOrderOfA: demo.pastOrder.id,
  paidOrderNumberOfA: demo.pastOrder.number,
  unique: () => `c${++cell}${randomBytes(3).toString('hex')}`,
  async newOrderOfA() {
    const res = await graphqlRequest(platform.gatewayUrl, PLACE, { i: { lines: [{ productId: productA, quantity: 1 }], idempotencyKey: fixtures.unique() } }, tokens.customerA);
    expect(res.data?.placeOrder.errors, JSON.stringify(res)).toEqual([]);
    return res.data.placeOrder.order.id as string;
  },
  categoryA: demo.products.find((p) => p.id === productA)!.categoryId,
  forecastsReady: () =>
    (forecastReady ??= (async () => {
      const query = 'query($p: ID!, $c: ID!) { demandForecast(productId: $p) { days } categoryForecast(categoryId: $c) { days } }';
      for (const deadline = Date.now() + 120_000; Date.now() < deadline; await sleep(250)) {
        const res = await graphqlRequest(platform.gatewayUrl, query, { p: productA, c: fixtures.categoryA }, tokens.admin);
        if (res.data?.demandForecast && res.data?.categoryForecast) return;
      }
      throw new Error('timed out waiting for the first forecast batch to forecast productA and its category');
    })()),
  conversationOfA: () =>
    (sharedConversation ??= graphqlRequest(platform.gatewayUrl, ASK, { q: '¿Cuál es el estado de mi último pedido?' }, tokens.customerA).then((res) => {
      expect(res.data?.askAssistant.errors, JSON.stringify(res)).toEqual([]);
      return res.data.askAssistant.answer.conversationId as string;
    })),
  ticketOfA: () => (sharedTicket ??= fixtures.newTicketOfA()),
  // Staged in shipping's own database: the matrix is about who may, not about how a shipment comes to be.
  shipmentOfA: () =>
    (sharedShipment ??= (async () => {
      const sql = postgres(platform.databaseUrlOf('shipping'), { max: 1, onnotice: () => {} });
      try {
        const [row] = await sql`insert into shipments (order_id, customer_id, method_id, region, cost_minor, tracking_number)
          values (${demo.pastOrder.id}, ${demo.customer.id}, ${stableId('shipping-method', 'servientrega-estandar')}, 'Antioquia', 1290000, ${`SRV-MATRIX-${fixtures.unique()}`}) returning id`;
        return row!.id as string;
      } finally {
        await sql.end();
      }
    })()),
  async newAddressOfA() {
    const res = await graphqlRequest(platform.gatewayUrl, ADD_ADDRESS, { i: { recipient: 'Camila Rojas', line1: `Calle ${++cell}`, city: 'Medellín', region: 'Antioquia', country: 'CO' } }, tokens.customerA);
    expect(res.data?.addAddress.errors, JSON.stringify(res)).toEqual([]);
    return res.data.addAddress.address.id as string;
  },
  storeOfA,
  storeProductOfA,
  // Through the gateway as sellerA, once: one of the units the demo shop holds of sellerA's product.
  storeSaleOfA: () =>
    (sharedStoreSale ??= (async () => {
      const res = await graphqlRequest(platform.gatewayUrl, RECORD_STORE_SALE, { i: { warehouseId: storeOfA, lines: [{ productId: soldOnceAtStoreOfA, quantity: 1 }], idempotencyKey: fixtures.unique() } }, tokens.sellerA);
      expect(res.data?.recordStoreSale.errors, JSON.stringify(res)).toEqual([]);
      return res.data.recordStoreSale.sale.id as string;
    })()),
  // Rows only, no file: the matrix is about who may remove an image, not about uploads (products' images.test.ts).
  async newImageOfProductA() {
    const sql = postgres(platform.databaseUrlOf('products'), { max: 1, onnotice: () => {} });
    try {
      const [row] = await sql`insert into product_images (product_id, position, width, height)
        values (${productA}, (select coalesce(max(position), 0) + 1 from product_images where product_id = ${productA}), 320, 240) returning id`;
      await sql`insert into image_renditions (image_id, width, height, storage_key) values (${row!.id}, 320, 240, ${`products/${productA}/${row!.id}-320-0000000000000000.webp`})`;
      return row!.id as string;
    } finally {
      await sql.end();
    }
  },
  async newTicketOfA() {
    const res = await graphqlRequest(platform.gatewayUrl, OPEN_TICKET, { i: { orderId: demo.pastOrder.id, subject: `Matrix ${fixtures.unique()}`, message: 'Hola' } }, tokens.customerA);
    expect(res.data?.openTicket.errors, JSON.stringify(res)).toEqual([]);
    return res.data.openTicket.ticket.id as string;
  },
};

beforeAll(async () => {
  // The forecast batch looks whether it is due twice a second instead of every minute.
  platform = await startTestPlatform(inject('databaseUrl'), { paymentProviderLatencyMs: 20, serviceConfig: { analytics: { FORECAST_CHECK_INTERVAL_MS: '500' } } });
  const url = platform.gatewayUrl;
  tokens.customerA = await login(url, demo.customer);
  tokens.sellerA = await login(url, sellerA);
  tokens.sellerB = await login(url, sellerB);
  tokens.admin = await login(url, demo.admin);
  const customerB = await graphqlRequest(url, 'mutation($i: RegisterInput!) { register(input: $i) { token errors { code } } }', {
    i: { email: `customer-b-${randomBytes(3).toString('hex')}@example.test`, password: 'long-enough-pass', name: 'Customer B' },
  });
  tokens.customerB = customerB.data.register.token;
  // Enough units for every order the cells place.
  const stocked = await graphqlRequest(url, ADJUST, { i: { productId: productA, warehouseId: warehouse, delta: 500, reason: 'RESTOCK' } }, tokens.admin);
  expect(stocked.data?.adjustStock.errors, JSON.stringify(stocked)).toEqual([]);
}, 120_000);

afterAll(async () => {
  await platform?.stop();
  await platform?.dropDatabases();
});

type Seen = Outcome | `UNEXPECTED ${string}`;

/** A refused answer's value for the field: null, or a payload whose every field but errors is null. */
const leaks = (value: unknown): boolean =>
  value !== null && value !== undefined && (typeof value !== 'object' || Object.entries(value as object).some(([key, v]) => key !== 'errors' && v !== null));

async function overHttp(row: MatrixRow, operation: Operation, caller: Caller): Promise<{ outcome: Seen; leaked: boolean }> {
  const res = await graphqlRequest(platform.gatewayUrl, operation.query, operation.variables, tokens[caller]);
  const value = res.data?.[row.field];
  const codes = (res.errors ?? []).map((e) => e.extensions?.code as string);
  const payloadCodes: string[] = value && typeof value === 'object' && Array.isArray((value as { errors?: unknown }).errors) ? (value as { errors: { code: string }[] }).errors.map((e) => e.code) : [];
  let outcome: Seen;
  if (codes.includes('UNAUTHENTICATED')) outcome = 'UNAUTHENTICATED';
  else if (codes.includes('FORBIDDEN') || payloadCodes.includes('FORBIDDEN')) outcome = 'FORBIDDEN';
  else if (codes.length) outcome = `UNEXPECTED ${res.status} ${JSON.stringify(res.errors)}`;
  else if (payloadCodes.includes('NOT_FOUND') || value === null) outcome = 'NOT_YOURS';
  else if (payloadCodes.length) outcome = `UNEXPECTED payload ${JSON.stringify(value)}`;
  else outcome = 'ALLOWED';
  return { outcome, leaked: outcome !== 'ALLOWED' && leaks(value) };
}

const REFUSAL_WINDOW_MS = 1_500;

/** A subscription is ALLOWED when it starts and stays open; a refusal is one result with the error, then complete. */
async function overWebSocket(operation: Operation, caller: Caller): Promise<{ outcome: Seen; leaked: boolean }> {
  const client = wsClient(platform.gatewayUrl.replace(/^http/, 'ws'), tokens[caller]);
  try {
    const sub = collect(client, operation.query, operation.variables);
    // No refusal within the window counts as ALLOWED: a slow refusal would show as a wrong ALLOWED and fail the cell,
    // never pass one. The callers of a row wait side by side, so a wider window than the 800 ms it was costs no time.
    await until(() => sub.results.length > 0 || sub.completed || sub.error !== undefined, 'a refusal', REFUSAL_WINDOW_MS).catch(() => undefined);
    const codes = sub.results.flatMap((r) => (r.errors ?? []).map((e: { extensions?: { code?: string } }) => e.extensions?.code));
    const leaked = sub.results.some((r) => r.data && Object.values(r.data).some((v) => v !== null));
    if (codes.includes('UNAUTHENTICATED')) return { outcome: 'UNAUTHENTICATED', leaked };
    if (codes.includes('FORBIDDEN')) return { outcome: 'FORBIDDEN', leaked };
    // Someone else's object answered as a missing one (ticketUpdated).
    if (codes.includes('NOT_FOUND')) return { outcome: 'NOT_YOURS', leaked };
    if (codes.length || sub.error !== undefined || sub.completed) return { outcome: `UNEXPECTED ${JSON.stringify({ results: sub.results, error: String(sub.error), completed: sub.completed })}`, leaked };
    sub.unsubscribe();
    return { outcome: 'ALLOWED', leaked: false };
  } finally {
    await client.dispose();
  }
}

describe('the authorization matrix', () => {
  it('has a row for every Query, Mutation and Subscription root field of the public schema, and no other', () => {
    const api = buildSchema(readFileSync(`${schemaDir}api.graphql`, 'utf8'));
    const rootFields = [api.getQueryType(), api.getMutationType(), api.getSubscriptionType()].flatMap((type) => (type ? Object.keys(type.getFields()).map((f) => `${type.name}.${f}`) : []));
    const rows = AUTHORIZATION_MATRIX.map((row) => `${row.kind}.${row.field}`);
    expect(rows.filter((r, i) => rows.indexOf(r) !== i), 'rows listed twice').toEqual([]);
    expect([...rows].sort()).toEqual([...rootFields].sort());
  });

  it('shows Sandbox users who may call each restricted root field: its description says so', () => {
    const api = buildSchema(readFileSync(`${schemaDir}api.graphql`, 'utf8'));
    const roots = { Query: api.getQueryType()!, Mutation: api.getMutationType()!, Subscription: api.getSubscriptionType()! };
    const restricted = AUTHORIZATION_MATRIX.filter((row) => Object.values(row.expect).includes('UNAUTHENTICATED'));
    const undocumented = restricted.filter((row) => !/Access: /.test(roots[row.kind].getFields()[row.field]?.description ?? ''));
    expect(restricted.length).toBeGreaterThan(10);
    expect(undocumented.map((row) => `${row.kind}.${row.field}`)).toEqual([]);
  });

  it.each(AUTHORIZATION_MATRIX.map((row) => [`${row.kind}.${row.field}`, row] as const))('%s: each caller gets its outcome, and a refusal leaks nothing', async (_name, row) => {
    const seen = {} as Record<Caller, Seen>;
    const leaked: Caller[] = [];
    const record = (caller: Caller, result: { outcome: Seen; leaked: boolean }) => {
      seen[caller] = result.outcome;
      if (result.leaked) leaked.push(caller);
    };
    if (row.kind === 'Subscription') {
      // Each caller on its own socket, all at once: an allowed one is only known after the refusal window passed.
      const results = await Promise.all(CALLERS.map(async (caller) => overWebSocket(await row.operation(fixtures, caller), caller)));
      CALLERS.forEach((caller, i) => record(caller, results[i]!));
    } else {
      for (const caller of CALLERS) record(caller, await overHttp(row, await row.operation(fixtures, caller), caller));
    }
    expect(seen).toEqual(row.expect);
    expect(leaked, 'callers who were refused yet got data').toEqual([]);
  });
});

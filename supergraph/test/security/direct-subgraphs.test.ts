import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SignJWT } from 'jose';
import { sql } from 'drizzle-orm';
import { createServiceCredentials, SERVICE_AUDIENCE, SERVICE_TOKEN_HEADER } from '@shop/auth';
import { demo } from '@shop/demo-store';
import { reservationPaths } from '@shop/inventory/contract';
import { startSubgraph } from '@shop/kernel';
import { products as productsService } from '@shop/products';
import { graphqlRequest } from '@shop/testing';
import { startTestPlatform } from '../support/platform.js';
import { login } from '../live/support.js';

/**
 * A subgraph reached directly, past the gateway (its port answers anyone who can reach it): anonymous _entities give
 * no private data, and inventory's internal reservation endpoints answer verified services only.
 */
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
const serviceSecret = randomBytes(32).toString('base64url');
let customerToken: string;
let orderOfCustomer: string;
const productId = demo.products[0]!.id;

const ORDER_ENTITY = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { id number status total { amount } customer { id } } } }';
const PAYMENT_ENTITY = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Payment { id amount { amount } cardLast4 failureReason status } } }';
const ORDER_PAYMENTS = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { id payment { id cardLast4 amount { amount } } } } }';
const USER_ENTITY = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id name email roles } } }';

const base = (name: 'inventory' | 'orders') => platform.subgraphUrls[name].replace(/\/graphql$/, '');
const held = async (reservationId: string) => {
  const rows = await platform.servers.inventory.db.execute(sql`select count(*)::int as n from reservations where id = ${reservationId}`);
  return Number((rows as unknown as { n: number }[])[0]?.n ?? (rows as unknown as { rows: { n: number }[] }).rows?.[0]?.n);
};
const reserve = (reservationId: string, headers: Record<string, string>) =>
  fetch(`${base('inventory')}${reservationPaths.reserve}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ reservationId, lines: [{ productId, quantity: 1 }], expiresAt: new Date(Date.now() + 60_000).toISOString() }),
  });
const signed = (secret: string, claims: { iss?: string; aud?: string; exp?: number | string; alg?: string } = {}) =>
  new SignJWT({})
    .setProtectedHeader({ alg: claims.alg ?? 'HS256' })
    .setIssuer(claims.iss ?? 'orders')
    .setAudience(claims.aud ?? SERVICE_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(claims.exp ?? '60s')
    .sign(new TextEncoder().encode(secret));

beforeAll(async () => {
  platform = await startTestPlatform(inject('databaseUrl'), { serviceSecret });
  customerToken = await login(platform.gatewayUrl, demo.customer);
  const placed = await graphqlRequest(
    platform.gatewayUrl,
    'mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { order { id } errors { code } } }',
    { i: { lines: [{ productId: demo.products.find((p) => p.id !== productId)!.id, quantity: 1 }], idempotencyKey: randomUUID() } },
    customerToken,
  );
  orderOfCustomer = placed.data.placeOrder.order?.id ?? demo.pastOrder.id;
}, 120_000);

afterAll(async () => {
  await platform?.stop();
  await platform?.dropDatabases();
});

describe('a subgraph reached directly, anonymously', () => {
  it("orders: _entities gives no one else's order number, status, total or customer", async () => {
    const res = await graphqlRequest(platform.subgraphUrls.orders, ORDER_ENTITY, { r: [{ __typename: 'Order', id: orderOfCustomer }, { __typename: 'Order', id: demo.pastOrder.id }] });
    expect(res.status).toBe(200);
    expect(res.data._entities).toEqual([null, null]);
    expect(JSON.stringify(res)).not.toMatch(/ORD-|"amount"|customer/);
  });

  it('payments: _entities gives no card last four, failure reason or amount, by Payment or by Order', async () => {
    const payment = await graphqlRequest(platform.subgraphUrls.payments, PAYMENT_ENTITY, { r: [{ __typename: 'Payment', id: demo.pastPayment.id }] });
    expect(payment.data._entities).toEqual([null]);
    const order = await graphqlRequest(platform.subgraphUrls.payments, ORDER_PAYMENTS, { r: [{ __typename: 'Order', id: demo.pastOrder.id }] });
    expect(order.data._entities).toEqual([{ id: demo.pastOrder.id, payment: null }]);
    expect(JSON.stringify([payment, order])).not.toContain(demo.pastPayment.cardLast4);
  });

  it("users: _entities gives no customer's name or roles; a seller's public profile shows the name only", async () => {
    const res = await graphqlRequest(platform.subgraphUrls.users, USER_ENTITY, { r: [{ __typename: 'User', id: demo.customer.id }, { __typename: 'User', id: demo.admin.id }] });
    expect(res.data?._entities ?? [null, null]).toEqual([null, null]);
    expect(JSON.stringify(res)).not.toContain(demo.customer.name);
    const seller = await graphqlRequest(platform.subgraphUrls.users, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id name email } } }', { r: [{ __typename: 'User', id: demo.sellers[0].id }] });
    expect(seller.data._entities).toEqual([{ id: demo.sellers[0].id, name: demo.sellers[0].name, email: null }]);
  });

  it('a verified service reads the order it needs (as payments reads totals); a bad service token is 401', async () => {
    const asPayments = await createServiceCredentials('payments', serviceSecret).headers();
    const res = await graphqlRequest(platform.subgraphUrls.orders, ORDER_ENTITY, { r: [{ __typename: 'Order', id: demo.pastOrder.id }] }, undefined, asPayments);
    expect(res.data._entities[0]).toMatchObject({ id: demo.pastOrder.id, customer: { id: demo.customer.id } });
    const forged = await graphqlRequest(platform.subgraphUrls.orders, ORDER_ENTITY, { r: [{ __typename: 'Order', id: demo.pastOrder.id }] }, undefined, { [SERVICE_TOKEN_HEADER]: await signed('x'.repeat(32)) });
    expect(forged.status).toBe(401);
    expect(forged.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(forged.data ?? null).toBeNull();
  });
});

describe("inventory's internal reservation endpoints", () => {
  it.each([
    ['no service token', async () => ({})],
    ['a token signed with another secret', async () => ({ [SERVICE_TOKEN_HEADER]: await signed(randomBytes(32).toString('base64url')) })],
    ['an expired token', async () => ({ [SERVICE_TOKEN_HEADER]: await signed(serviceSecret, { exp: Math.floor(Date.now() / 1000) - 60 }) })],
    ['a token for another audience', async () => ({ [SERVICE_TOKEN_HEADER]: await signed(serviceSecret, { aud: 'artesanias-graph' }) })],
    ['a user token in the service header', async () => ({ [SERVICE_TOKEN_HEADER]: customerToken })],
    ['garbage', async () => ({ [SERVICE_TOKEN_HEADER]: 'not-a-token' })],
  ])('answer %s with 401 UNAUTHENTICATED and change nothing', async (_name, headers) => {
    const reservationId = randomUUID();
    const res = await reserve(reservationId, await headers());
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ errors: [{ message: expect.stringContaining('service token'), extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(await held(reservationId)).toBe(0);
    const release = await fetch(`${base('inventory')}${reservationPaths.release(orderOfCustomer)}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(await headers()) }, body: '{}' });
    expect(release.status).toBe(401);
    expect(await held(orderOfCustomer)).toBe(1);
  });

  it('serve a verified service', async () => {
    const reservationId = randomUUID();
    const res = await reserve(reservationId, await createServiceCredentials('orders', serviceSecret).headers());
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'RESERVED' });
    expect(await held(reservationId)).toBe(1);
  });
});

describe('refusals reach the client as the subgraph gave them', () => {
  it("an anonymous order(id:) through the gateway: 200, UNAUTHENTICATED and the subgraph's message, no internal URL or body", async () => {
    const res = await graphqlRequest(platform.gatewayUrl, 'query($id: ID!) { order(id: $id) { id number } }', { id: orderOfCustomer });
    expect(res.status).toBe(200);
    expect(res.errors).toEqual([expect.objectContaining({ message: 'Sign in to do this.', extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }) })]);
    expect(JSON.stringify(res)).not.toMatch(/127\.0\.0\.1|localhost|response|401/);
  });
});

describe('start-up without a service secret', () => {
  it('fails in production with a message naming SERVICE_SECRET, before opening anything', async () => {
    await expect(startSubgraph(productsService, { config: { PORT: 0, NODE_ENV: 'production', DATABASE_URL: 'postgres://nowhere.invalid/x', JWT_PUBLIC_KEY: 'unused' } })).rejects.toThrow(/SERVICE_SECRET/);
  });
});

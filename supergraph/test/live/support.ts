import { expect } from 'vitest';
import { graphqlRequest } from '@shop/testing';

export { collect, sleep, until, wsClient, type Collected } from '../subscriptions.fixtures.js';

/** A demo user's token from the real login mutation, through the given gateway. */
export async function login(gatewayUrl: string, user: { email: string; password: string }): Promise<string> {
  const res = await graphqlRequest(gatewayUrl, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token errors { code } } }`, { e: user.email, p: user.password });
  expect(res.data?.login.errors, JSON.stringify(res)).toEqual([]);
  return res.data.login.token as string;
}

const ADJUST = `mutation($input: AdjustStockInput!) { adjustStock(input: $input) { product { stock { onHand reserved available } } errors { code message } } }`;

/** adjustStock as the given seller; returns the totals right after the change. */
export async function adjustStock(url: string, token: string, productId: string, warehouseId: string, delta: number) {
  const res = await graphqlRequest(url, ADJUST, { input: { productId, warehouseId, delta, reason: delta > 0 ? 'RESTOCK' : 'ADJUSTMENT' } }, token);
  expect(res.data?.adjustStock.errors, JSON.stringify(res)).toEqual([]);
  return res.data.adjustStock.product.stock as { onHand: number; reserved: number; available: number };
}

const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id status } errors { code message } } }`;
const PAY = `mutation($input: PayOrderInput!) { payOrder(input: $input) { payment { id status } errors { code message } } }`;
export const CARD_OK = { number: '4242 4242 4242 4242', expMonth: 12, expYear: new Date().getUTCFullYear() + 2, cvc: '123' };

/** placeOrder of one unit; the order is AWAITING_PAYMENT. */
export async function placeOrder(gatewayUrl: string, token: string, productId: string, idempotencyKey: string): Promise<string> {
  const res = await graphqlRequest(gatewayUrl, PLACE, { input: { lines: [{ productId, quantity: 1 }], idempotencyKey } }, token);
  expect(res.data?.placeOrder.errors, JSON.stringify(res)).toEqual([]);
  expect(res.data.placeOrder.order.status).toBe('AWAITING_PAYMENT');
  return res.data.placeOrder.order.id as string;
}

/** payOrder with the card the simulated provider always captures; returns the payment id. */
export async function payOrder(gatewayUrl: string, token: string, orderId: string, idempotencyKey: string): Promise<string> {
  const res = await graphqlRequest(gatewayUrl, PAY, { input: { orderId, method: 'CARD', card: CARD_OK, idempotencyKey } }, token);
  expect(res.data?.payOrder.errors, JSON.stringify(res)).toEqual([]);
  return res.data.payOrder.payment.id as string;
}

/** The GraphQL error codes of a subscription that was refused (one result carrying errors, then complete). */
export const errorCodes = (results: { errors?: { extensions?: { code?: string } }[] }[]) => results.flatMap((r) => (r.errors ?? []).map((e) => e.extensions?.code));

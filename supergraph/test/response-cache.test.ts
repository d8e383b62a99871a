import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { graphqlRequest } from '@shop/testing';
import { demo } from '@shop/demo-store';
import { startTestPlatform } from './support/platform.js';

// The gateway's response cache (response-cache/): anonymous answers come from memory, and a change reaches the next
// query whether it went through this gateway (a mutation) or not (the services' domain events).
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let subgraphRequests = 0;
let adminToken: string;
let productId: string;
let warehouseId: string;
const PRODUCT = `query CachedProduct($id: ID!) { product(id: $id) { id name stock { available } } }`;
const product = async () => {
  const res = await graphqlRequest(platform.gatewayUrl, PRODUCT, { id: productId });
  expect(res.errors).toBeUndefined();
  return res.data.product as { id: string; name: string; stock: { available: number } };
};

beforeAll(async () => {
  platform = await startTestPlatform(inject('databaseUrl'), { responseCache: true, onSubgraphRequest: () => void subgraphRequests++ });
  const login = await graphqlRequest(platform.gatewayUrl, `mutation { login(email: "${demo.admin.email}", password: "${demo.admin.password}") { token } }`);
  adminToken = login.data.login.token;
  const first = await graphqlRequest(platform.gatewayUrl, `{ products(first: 1) { edges { node { id stock { warehouses { warehouse { id } } } } } } }`);
  productId = first.data.products.edges[0].node.id;
  warehouseId = first.data.products.edges[0].node.stock.warehouses[0].warehouse.id;
}, 120_000);

afterAll(async () => {
  await platform?.stop();
  await platform?.dropDatabases();
});

describe('response cache', () => {
  it('answers a repeated anonymous query without asking any subgraph, and never caches a viewer\'s', async () => {
    const before = await product();
    subgraphRequests = 0;
    expect(await product()).toEqual(before);
    expect(subgraphRequests).toBe(0);
    const signedIn = await graphqlRequest(platform.gatewayUrl, PRODUCT, { id: productId }, adminToken);
    expect(signedIn.data.product).toEqual(before);
    expect(subgraphRequests).toBeGreaterThan(0);
    // A viewer's query changes nothing, so the anonymous answer is still kept.
    const afterSignedIn = subgraphRequests;
    await product();
    expect(subgraphRequests).toBe(afterSignedIn);
  });

  it('caches hash-only persisted queries (APQ, as mobile apps send them) too, and they leave the other answers in place', async () => {
    const persisted = async (withText: boolean) => {
      const body = { ...(withText && { query: PRODUCT }), variables: { id: productId }, extensions: { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(PRODUCT).digest('hex') } } };
      const res = await fetch(platform.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const answer = (await res.json()) as { data?: { product: unknown }; errors?: unknown };
      expect(answer.errors).toBeUndefined();
      return answer.data!.product;
    };
    // The first request of an operation carries its text (APQ registration); then the hash alone, which is kept.
    await persisted(true);
    const byHash = await persisted(false);
    const byText = await product();
    subgraphRequests = 0;
    expect(await persisted(false)).toEqual(byHash);
    expect(await product()).toEqual(byText);
    expect(subgraphRequests).toBe(0);
  });

  it('a product edit through the gateway is in the very next query', async () => {
    await product();
    const name = `Renamed ${Date.now()}`;
    const edit = await graphqlRequest(platform.gatewayUrl, `mutation($id: ID!, $name: String!) { updateProduct(id: $id, input: { name: $name }) { errors { code } } }`, { id: productId, name }, adminToken);
    expect(edit.data.updateProduct.errors).toEqual([]);
    expect((await product()).name).toBe(name);
  });

  it('a stock change made behind the gateway (straight at inventory) reaches the next query once its event is out', async () => {
    const before = (await product()).stock.available;
    const adjust = await graphqlRequest(
      platform.subgraphUrls.inventory,
      `mutation($input: AdjustStockInput!) { adjustStock(input: $input) { errors { code } } }`,
      { input: { productId, warehouseId, delta: 3, reason: 'RESTOCK' } },
      adminToken,
    );
    expect(adjust.data.adjustStock.errors).toEqual([]);
    // The event leaves through the outbox after the commit: poll until the cache has been emptied by it.
    const deadline = Date.now() + 10_000;
    let available = before;
    while (available === before && Date.now() < deadline) {
      available = (await product()).stock.available;
      if (available === before) await new Promise((r) => setTimeout(r, 25));
    }
    expect(available).toBe(before + 3);
  });
});

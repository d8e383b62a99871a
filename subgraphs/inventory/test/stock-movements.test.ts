import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demo } from '@shop/demo-store';
import { graphqlRequest } from '@shop/testing';
import { SEED_NOTE } from '../src/domain/seed.js';
import { bogota, medellin, newProduct, startHarness, type Harness } from './support/harness.js';

const [wayuu, raquira] = demo.sellers;
const product = newProduct(wayuu.id);

let h: Harness;
let sellerToken: string;
beforeAll(async () => {
  h = await startHarness(inject('databaseUrl'), 'inventory_movements', [product]);
  sellerToken = await h.tokenFor(wayuu.id, ['SELLER']);
  const ADJUST = `mutation($input: AdjustStockInput!) { adjustStock(input: $input) { errors { code } } }`;
  // Sequential on purpose: the ledger order below is the order of these changes.
  for (const [delta, reason, warehouseId] of [[10, 'RESTOCK', bogota.id], [5, 'RESTOCK', medellin.id], [-2, 'ADJUSTMENT', bogota.id]] as const) {
    const res = await graphqlRequest(h.inventory.url, ADJUST, { input: { productId: product.id, warehouseId, delta, reason } }, sellerToken);
    expect(res.data.adjustStock.errors).toEqual([]);
  }
});
afterAll(async () => h?.stop());

const MOVEMENTS = `query($r: [_Any!]!, $first: Int, $after: String) { _entities(representations: $r) { ... on Product { id stockMovements(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id warehouse { name } delta reason actorId note createdAt } } } } } }`;
const movements = (productId: string, token: string, page: { first?: number; after?: string } = {}) =>
  graphqlRequest(h.inventory.url, MOVEMENTS, { r: [{ __typename: 'Product', id: productId }], ...page }, token);

describe('Product.stockMovements', () => {
  it("shows the seller their product's ledger newest first, page by page", async () => {
    const first = await movements(product.id, sellerToken, { first: 2 });
    expect(first.errors).toBeUndefined();
    const page1 = first.data._entities[0].stockMovements;
    expect(page1.totalCount).toBe(3);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    expect(page1.edges.map((e: any) => [e.node.delta, e.node.reason, e.node.warehouse.name, e.node.actorId])).toEqual([
      [-2, 'ADJUSTMENT', bogota.name, wayuu.id],
      [5, 'RESTOCK', medellin.name, wayuu.id],
    ]);
    expect(new Date(page1.edges[0].node.createdAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const second = await movements(product.id, sellerToken, { first: 2, after: page1.pageInfo.endCursor });
    const page2 = second.data._entities[0].stockMovements;
    expect(page2.edges.map((e: any) => e.node.delta)).toEqual([10]);
    expect(page2.pageInfo).toEqual({ hasNextPage: false, endCursor: page2.edges[0].cursor });
  });

  it('shows an admin any product, including the seed movements by the system', async () => {
    const seeded = demo.products[0]!;
    const res = await movements(seeded.id, await h.tokenFor(demo.admin.id, ['ADMIN']));
    const nodes = res.data._entities[0].stockMovements.edges.map((e: any) => e.node);
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) expect(node).toMatchObject({ reason: 'RESTOCK', actorId: null, note: SEED_NOTE });
  });

  it('is FORBIDDEN to another seller and to customers, and UNAUTHENTICATED without a token', async () => {
    for (const token of [await h.tokenFor(raquira.id, ['SELLER']), await h.tokenFor(demo.customer.id, ['CUSTOMER'])]) {
      const res = await movements(product.id, token);
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(res.data)).not.toMatch(/RESTOCK|ADJUSTMENT/);
    }
    const anonymous = await movements(product.id, '');
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['first above 100', { first: 101 }],
    ['negative first', { first: -1 }],
    ['first beyond 32 bits', { first: 2 ** 31 }],
    ['a forged cursor', { after: 'not-a-cursor' }],
    ['a cursor that holds no id', { after: Buffer.from(JSON.stringify(["1' or 1=1"])).toString('base64url') }],
  ])('rejects %s as BAD_USER_INPUT', async (_name, page) => {
    const res = await movements(product.id, sellerToken, page);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

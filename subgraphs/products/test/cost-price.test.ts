import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { demo } from '@shop/demo-store';
import { outbox, products } from '../src/db/schema.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
const [wayuu, raquira] = demo.sellers;
const raquiraProduct = demo.products.find((p) => p.sellerId === raquira.id)!;

beforeAll(async () => {
  h = await startHarness('products_cost_price');
});
afterAll(() => h?.stop());

const CREATE = `mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id costPrice { amount currency } } errors { code field message } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { product { id costPrice { amount currency } } errors { code field message } } }`;
const PRODUCT = `query($id: ID!) { product(id: $id) { id price { amount } costPrice { amount currency } } }`;
const LIST = `query($sellerId: ID!) { products(first: 100, filter: { sellerId: $sellerId }) { edges { node { id costPrice { amount } } } } }`;
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id costPrice { amount } } } }`;

const rowById = async (id: string) => (await h.db.select().from(products).where(eq(products.id, id)))[0];
const outboxSize = async () => (await h.db.select({ n: sql<number>`count(*)::int` }).from(outbox))[0]!.n;

describe('Product.costPrice', () => {
  it("is seen by the product's seller and by admins, and is null for another seller, a customer and a signed-out caller", async () => {
    const expected = { amount: (Number(raquiraProduct.costPriceMinor) / 100).toFixed(2), currency: 'COP' };
    const as = async (token?: string) => (await h.gql(PRODUCT, { id: raquiraProduct.id }, token)).data.product;
    expect(await as(await h.token(raquira.id, 'SELLER'))).toMatchObject({ costPrice: expected });
    expect(await as(await h.token(demo.admin.id, 'ADMIN'))).toMatchObject({ costPrice: expected });
    for (const token of [await h.token(wayuu.id, 'SELLER'), await h.token(demo.customer.id, 'CUSTOMER'), undefined]) {
      const res = await h.gql(PRODUCT, { id: raquiraProduct.id }, token);
      // The product itself stays visible; only its cost is hidden, without an error.
      expect(res.errors).toBeUndefined();
      expect(res.data.product).toMatchObject({ id: raquiraProduct.id, price: { amount: expect.any(String) }, costPrice: null });
    }
  });

  it('hides each product of a list and of _entities by its own seller', async () => {
    const other = await h.gql(LIST, { sellerId: raquira.id }, await h.token(wayuu.id, 'SELLER'));
    expect(other.data.products.edges.length).toBeGreaterThan(0);
    expect(other.data.products.edges.every((e: any) => e.node.costPrice === null)).toBe(true);
    const own = await h.gql(LIST, { sellerId: raquira.id }, await h.token(raquira.id, 'SELLER'));
    expect(own.data.products.edges.every((e: any) => e.node.costPrice?.amount)).toBe(true);
    const mixed = [raquiraProduct, demo.products.find((p) => p.sellerId === wayuu.id)!].map((p) => ({ __typename: 'Product', id: p.id }));
    const entities = await h.gql(ENTITIES, { r: mixed }, await h.token(wayuu.id, 'SELLER'));
    expect(entities.data._entities.map((p: any) => p.costPrice === null)).toEqual([true, false]);
  });

  it('is set on create, kept when an update omits it, changed by an update and cleared by an explicit null', async () => {
    const seller = await h.token(raquira.id, 'SELLER');
    const created = await h.gql(CREATE, { input: { sku: 'COST-1', name: 'Tinaja', description: '', price: '90000', costPrice: '41000.5' } }, seller);
    expect(created.data.createProduct).toMatchObject({ errors: [], product: { costPrice: { amount: '41000.50', currency: 'COP' } } });
    const id = created.data.createProduct.product.id as string;
    expect((await rowById(id))?.costPriceMinor).toBe(4_100_050n);

    expect((await h.gql(UPDATE, { id, input: { name: 'Tinaja Grande' } }, seller)).data.updateProduct.product.costPrice).toEqual({ amount: '41000.50', currency: 'COP' });
    expect((await h.gql(UPDATE, { id, input: { costPrice: '0' } }, seller)).data.updateProduct.product.costPrice).toEqual({ amount: '0.00', currency: 'COP' });
    expect((await rowById(id))?.costPriceMinor).toBe(0n);
    expect((await h.gql(UPDATE, { id, input: { costPrice: null } }, seller)).data.updateProduct).toEqual({ errors: [], product: { id, costPrice: null } });
    expect((await rowById(id))?.costPriceMinor).toBeNull();
  });

  it('is none when a product is created without it', async () => {
    const created = await h.gql(CREATE, { input: { sku: 'COST-2', name: 'Plato', description: '', price: '1000' } }, await h.token(raquira.id, 'SELLER'));
    expect(created.data.createProduct).toMatchObject({ errors: [], product: { costPrice: null } });
  });

  const bad = [
    ['a negative cost', '-1.00', /^Must be a non-negative decimal/],
    ['a negative zero cost', '-0', /^Must be a non-negative decimal/],
    ['a malformed cost', '12,50', /decimal/],
    ['a cost in exponent form', '1e5', /decimal/],
    ['a cost with three decimals', '1.234', /decimal/],
    ['a cost of 10^12', '1000000000000', 'Must be below 1000000000000.'],
    ['a 23-digit cost', '12345678901234567890123', /decimal/],
    ['a cost sent as a number', 12.5, /./],
  ] as const;

  it.each(bad)('refuses %s on create with INVALID_INPUT at input.costPrice, writing no product and no event', async (_name, costPrice, message) => {
    const [before, events] = [(await h.db.select({ n: sql<number>`count(*)::int` }).from(products))[0]!.n, await outboxSize()];
    const res = await h.gql(CREATE, { input: { sku: `BADCOST-${String(costPrice).length}`, name: 'X', description: '', price: '1000', costPrice } }, await h.token(raquira.id, 'SELLER'));
    expect(res.data.createProduct).toEqual({ product: null, errors: [{ code: 'INVALID_INPUT', field: ['input', 'costPrice'], message: expect.stringMatching(message) }] });
    expect((await h.db.select({ n: sql<number>`count(*)::int` }).from(products))[0]!.n).toBe(before);
    expect(await outboxSize()).toBe(events);
  });

  it.each(bad)('refuses %s on update with INVALID_INPUT at input.costPrice, changing nothing', async (_name, costPrice, message) => {
    const before = await rowById(raquiraProduct.id);
    const events = await outboxSize();
    const res = await h.gql(UPDATE, { id: raquiraProduct.id, input: { costPrice, name: 'Cambiada' } }, await h.token(raquira.id, 'SELLER'));
    expect(res.data.updateProduct).toEqual({ product: null, errors: [{ code: 'INVALID_INPUT', field: ['input', 'costPrice'], message: expect.stringMatching(message) }] });
    expect(await rowById(raquiraProduct.id)).toEqual(before);
    expect(await outboxSize()).toBe(events);
  });

  it("refuses another seller's cost change with FORBIDDEN and changes nothing", async () => {
    const before = await rowById(raquiraProduct.id);
    const res = await h.gql(UPDATE, { id: raquiraProduct.id, input: { costPrice: '1' } }, await h.token(wayuu.id, 'SELLER'));
    expect(res.data.updateProduct).toMatchObject({ product: null, errors: [{ code: 'FORBIDDEN' }] });
    expect(await rowById(raquiraProduct.id)).toEqual(before);
  });
});

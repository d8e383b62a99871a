import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { demo } from '@shop/demo-store';
import { products } from '../src/db/schema.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
const [wayuu, raquira] = demo.sellers;
const ceramica = demo.categories.find((c) => c.slug === 'ceramica')!;
const raquiraProduct = demo.products.find((p) => p.sellerId === raquira.id)!;
const wayuuProduct = demo.products.find((p) => p.sellerId === wayuu.id)!;

beforeAll(async () => {
  h = await startHarness('products_mutations');
});
afterAll(() => h?.stop());

const CREATE = `mutation($input: CreateProductInput!) { createProduct(input: $input) {
  product { id sku name description status price { amount currency } category { id slug } seller { id } }
  errors { code field message } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) {
  product { id name description status price { amount currency } category { id } }
  errors { code field message } } }`;

const valid = { sku: 'RAQ-NEW-1', name: 'Tinaja de Barro', description: 'Para agua fresca.', price: '89900.50', categoryId: ceramica.id };
const productCount = async () => (await h.db.select({ n: sql<number>`count(*)::int` }).from(products))[0]!.n;
const rowById = async (id: string) => (await h.db.select().from(products).where(eq(products.id, id)))[0];

describe('createProduct', () => {
  it('lets a seller list a product for themself, ACTIVE in COP by default, and it is then in the catalog', async () => {
    const res = await h.gql(CREATE, { input: valid }, await h.token(raquira.id, 'SELLER', 'CUSTOMER'));
    expect(res.data.createProduct.errors).toEqual([]);
    expect(res.data.createProduct.product).toMatchObject({
      sku: 'RAQ-NEW-1',
      status: 'ACTIVE',
      price: { amount: '89900.50', currency: 'COP' },
      category: { id: ceramica.id, slug: 'ceramica' },
      seller: { id: raquira.id },
    });
    expect((await rowById(res.data.createProduct.product.id))?.priceMinor).toBe(8_990_050n);
    const found = await h.gql(`{ products(filter: { search: "tinaja" }) { edges { node { sku } } } }`);
    expect(found.data.products.edges).toEqual([{ node: { sku: 'RAQ-NEW-1' } }]);
  });

  it('lets an admin create a product, with an explicit currency, status and no category', async () => {
    const res = await h.gql(CREATE, { input: { sku: 'ADM_1', name: 'Caja regalo', description: '', price: '0.01', currency: 'usd', status: 'DRAFT' } }, await h.token(demo.admin.id, 'ADMIN'));
    expect(res.data.createProduct.product).toMatchObject({ status: 'DRAFT', price: { amount: '0.01', currency: 'USD' }, category: null, seller: { id: demo.admin.id } });
  });

  it('refuses a customer (FORBIDDEN) and an anonymous caller (UNAUTHENTICATED), writing nothing', async () => {
    const before = await productCount();
    const customer = await h.gql(CREATE, { input: { ...valid, sku: 'CUST-1' } }, await h.token(demo.customer.id, 'CUSTOMER'));
    expect(customer.data.createProduct).toMatchObject({ product: null, errors: [{ code: 'FORBIDDEN' }] });
    const anonymous = await h.gql(CREATE, { input: { ...valid, sku: 'ANON-1' } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await productCount()).toBe(before);
  });

  it('refuses a duplicate sku with SKU_TAKEN and keeps the first product', async () => {
    const seller = await h.token(wayuu.id, 'SELLER');
    const res = await h.gql(CREATE, { input: { ...valid, sku: demo.products[0]!.sku, name: 'Copia' } }, seller);
    expect(res.data.createProduct).toMatchObject({ product: null, errors: [{ code: 'SKU_TAKEN', field: ['input', 'sku'] }] });
    const rows = await h.db.select().from(products).where(eq(products.sku, demo.products[0]!.sku));
    expect(rows.map((r) => r.name)).toEqual([demo.products[0]!.name]);
  });

  it.each([
    ['an empty sku', { sku: '' }, 'INVALID_INPUT', ['input', 'sku']],
    ['an oversize sku', { sku: 'S'.repeat(65) }, 'INVALID_INPUT', ['input', 'sku']],
    ['a sku with SQL in it', { sku: "X'; DROP TABLE products;--" }, 'INVALID_INPUT', ['input', 'sku']],
    ['a blank name', { name: '   ' }, 'INVALID_INPUT', ['input', 'name']],
    ['an oversize name', { name: 'n'.repeat(201) }, 'INVALID_INPUT', ['input', 'name']],
    ['a name with a NUL byte', { name: 'Olla\u0000' }, 'INVALID_INPUT', ['input', 'name']],
    ['an oversize description', { description: 'd'.repeat(5001) }, 'INVALID_INPUT', ['input', 'description']],
    ['a negative price', { price: '-1.00' }, 'INVALID_INPUT', ['input', 'price']],
    ['a price of 0', { price: '0' }, 'INVALID_INPUT', ['input', 'price']],
    ['a price of 0.00', { price: '0.00' }, 'INVALID_INPUT', ['input', 'price']],
    ['a 23-digit price', { price: '12345678901234567890123' }, 'INVALID_INPUT', ['input', 'price']],
    ['a 16-digit price', { price: '1234567890123456' }, 'INVALID_INPUT', ['input', 'price']],
    ['a malformed price', { price: '12,50' }, 'INVALID_INPUT', ['input', 'price']],
    ['a price with three decimals', { price: '1.234' }, 'INVALID_INPUT', ['input', 'price']],
    ['a price of 10^12', { price: '1000000000000' }, 'INVALID_INPUT', ['input', 'price']],
    ['a price sent as a number', { price: 12.5 }, 'INVALID_INPUT', ['input', 'price']],
    ['a two-letter currency', { currency: 'CO' }, 'INVALID_INPUT', ['input', 'currency']],
    ['a currency with digits', { currency: 'C0P' }, 'INVALID_INPUT', ['input', 'currency']],
    ['a malformed categoryId', { categoryId: 'ceramica' }, 'INVALID_INPUT', ['input', 'categoryId']],
    ['an unknown categoryId', { categoryId: randomUUID() }, 'NOT_FOUND', ['input', 'categoryId']],
  ])('refuses %s with %s at the field and writes nothing', async (_name, change, code, field) => {
    const before = await productCount();
    const sku = `BAD-${Math.random().toString(36).slice(2, 8)}`;
    const res = await h.gql(CREATE, { input: { ...valid, sku, ...change } }, await h.token(raquira.id, 'SELLER'));
    expect(res.status).toBe(200);
    expect(res.data.createProduct.product).toBeNull();
    expect(res.data.createProduct.errors).toContainEqual(expect.objectContaining({ code, field }));
    expect(await productCount()).toBe(before);
  });

  it.each([
    ['0', 'Must be greater than 0.'],
    ['12345678901234567890123', /^Must be a non-negative decimal with at most 15 digits before the point/],
  ])('explains a price of %s in its own words, not a validation library\'s', async (price, message) => {
    const res = await h.gql(CREATE, { input: { ...valid, sku: `MSG-${price.length}`, price } }, await h.token(raquira.id, 'SELLER'));
    expect(res.data.createProduct).toEqual({ product: null, errors: [{ code: 'INVALID_INPUT', field: ['input', 'price'], message: expect.stringMatching(message) }] });
  });

  it('accepts the smallest price, 0.01', async () => {
    const res = await h.gql(CREATE, { input: { ...valid, sku: 'MIN-PRICE', price: '0.01' } }, await h.token(raquira.id, 'SELLER'));
    expect(res.data.createProduct).toMatchObject({ errors: [], product: { price: { amount: '0.01' } } });
  });

  it('accepts the largest price, just below 10^12', async () => {
    const res = await h.gql(CREATE, { input: { ...valid, sku: 'MAX-PRICE', price: '999999999999.99' } }, await h.token(raquira.id, 'SELLER'));
    expect(res.data.createProduct.product.price.amount).toBe('999999999999.99');
  });
});

describe('updateProduct', () => {
  it('lets the seller edit their own product and bumps updated_at, not created_at', async () => {
    const before = (await rowById(raquiraProduct.id))!;
    const res = await h.gql(UPDATE, { id: raquiraProduct.id, input: { name: 'Olla Grande de Barro', price: '99000', status: 'ARCHIVED' } }, await h.token(raquira.id, 'SELLER'));
    expect(res.data.updateProduct).toMatchObject({ errors: [], product: { name: 'Olla Grande de Barro', price: { amount: '99000.00', currency: 'COP' }, status: 'ARCHIVED' } });
    const after = (await rowById(raquiraProduct.id))!;
    expect(after.description).toBe(before.description);
    expect(after.createdAt).toEqual(before.createdAt);
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    expect(after.search).toContain('grand');
  });

  it.each([['0'], ['0.00'], ['-5'], ['12345678901234567890123']])('refuses an update to price %s with INVALID_INPUT at input.price and changes nothing', async (price) => {
    const before = await rowById(raquiraProduct.id);
    const res = await h.gql(UPDATE, { id: raquiraProduct.id, input: { price } }, await h.token(raquira.id, 'SELLER'));
    expect(res.data.updateProduct).toMatchObject({ product: null, errors: [{ code: 'INVALID_INPUT', field: ['input', 'price'] }] });
    expect(await rowById(raquiraProduct.id)).toEqual(before);
  });

  it("refuses another seller's edit with FORBIDDEN and changes nothing", async () => {
    const before = await rowById(wayuuProduct.id);
    const res = await h.gql(UPDATE, { id: wayuuProduct.id, input: { name: 'Robada', price: '1' } }, await h.token(raquira.id, 'SELLER'));
    expect(res.data.updateProduct).toMatchObject({ product: null, errors: [{ code: 'FORBIDDEN' }] });
    expect(await rowById(wayuuProduct.id)).toEqual(before);
  });

  it('refuses a customer with FORBIDDEN and an anonymous caller with UNAUTHENTICATED', async () => {
    const before = await rowById(wayuuProduct.id);
    const customer = await h.gql(UPDATE, { id: wayuuProduct.id, input: { name: 'X' } }, await h.token(demo.customer.id, 'CUSTOMER'));
    expect(customer.data.updateProduct.errors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    const anonymous = await h.gql(UPDATE, { id: wayuuProduct.id, input: { name: 'X' } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await rowById(wayuuProduct.id)).toEqual(before);
  });

  it("lets an admin edit any seller's product, and a null categoryId removes the category", async () => {
    const res = await h.gql(UPDATE, { id: wayuuProduct.id, input: { categoryId: null, description: 'Nueva descripción' } }, await h.token(demo.admin.id, 'ADMIN'));
    expect(res.data.updateProduct).toMatchObject({ errors: [], product: { category: null, description: 'Nueva descripción', name: wayuuProduct.name } });
    expect((await rowById(wayuuProduct.id))?.sellerId).toBe(wayuu.id);
  });

  it('answers NOT_FOUND for an unknown id and INVALID_INPUT for a malformed one', async () => {
    const admin = await h.token(demo.admin.id, 'ADMIN');
    const unknown = await h.gql(UPDATE, { id: randomUUID(), input: { name: 'X' } }, admin);
    expect(unknown.data.updateProduct).toMatchObject({ product: null, errors: [{ code: 'NOT_FOUND', field: ['id'] }] });
    const malformed = await h.gql(UPDATE, { id: 'abc', input: { name: 'X' } }, admin);
    expect(malformed.data.updateProduct).toMatchObject({ product: null, errors: [{ code: 'INVALID_INPUT', field: ['id'] }] });
  });

  it.each([
    ['an empty name', { name: '' }, 'INVALID_INPUT', ['input', 'name']],
    ['an oversize name', { name: 'n'.repeat(201) }, 'INVALID_INPUT', ['input', 'name']],
    ['an oversize description', { description: 'd'.repeat(5001) }, 'INVALID_INPUT', ['input', 'description']],
    ['a negative price', { price: '-5' }, 'INVALID_INPUT', ['input', 'price']],
    ['a malformed price', { price: '1e5' }, 'INVALID_INPUT', ['input', 'price']],
    ['a malformed categoryId', { categoryId: '123' }, 'INVALID_INPUT', ['input', 'categoryId']],
    ['an unknown categoryId', { categoryId: randomUUID() }, 'NOT_FOUND', ['input', 'categoryId']],
  ])('refuses %s with %s and leaves the product as it was', async (_name, input, code, field) => {
    const target = demo.products.find((p) => p.sellerId === wayuu.id && p.id !== wayuuProduct.id)!;
    const before = await rowById(target.id);
    const res = await h.gql(UPDATE, { id: target.id, input }, await h.token(wayuu.id, 'SELLER'));
    expect(res.data.updateProduct.product).toBeNull();
    expect(res.data.updateProduct.errors).toContainEqual(expect.objectContaining({ code, field }));
    expect(await rowById(target.id)).toEqual(before);
  });
});

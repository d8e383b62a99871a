import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, sql } from 'drizzle-orm';
import { demo } from '@shop/demo-store';
import type { DomainEvent } from '@shop/events';
import { productChanged } from '../src/contract.js';
import { outbox, products } from '../src/db/schema.js';
import { createProduct } from '../src/domain/products.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
const [wayuu] = demo.sellers;
beforeAll(async () => {
  h = await startHarness('products_weight');
});
afterAll(async () => {
  await h?.stop();
});

const CREATE = `mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id weightGrams } errors { code field } } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateProductInput!) { updateProduct(id: $id, input: $input) { product { weightGrams } errors { code field } } }`;

const weightsInEvents = async (productId: string) =>
  (await h.db.select().from(outbox).where(sql`${outbox.type} = 'product.changed' and ${outbox.aggregateId} = ${productId}`).orderBy(asc(outbox.seq))).map(
    (r) => (r.payload as { weightGrams?: number | null }).weightGrams,
  );

describe('Product.weightGrams', () => {
  it('gives every demo product a realistic weight, seen in GraphQL and in its seeded product.changed', async () => {
    for (const p of demo.products) expect(p.weightGrams).toBeGreaterThanOrEqual(15), expect(p.weightGrams).toBeLessThanOrEqual(3500);
    const res = await h.gql(`{ products(first: 100) { edges { node { id weightGrams } } } }`);
    const weights = new Map(res.data.products.edges.map((e: { node: { id: string; weightGrams: number } }) => [e.node.id, e.node.weightGrams]));
    expect(demo.products.map((p) => weights.get(p.id))).toEqual(demo.products.map((p) => p.weightGrams));
    expect(await weightsInEvents(demo.products[3]!.id)).toEqual([demo.products[3]!.weightGrams]);
  });

  it('is set on create, changed and removed on update, each time in product.changed', async () => {
    const seller = await h.token(wayuu.id, 'SELLER');
    const created = await h.gql(CREATE, { input: { sku: 'W-1', name: 'Mochila pesada', description: '', price: '1000', weightGrams: 750 } }, seller);
    expect(created.data.createProduct).toMatchObject({ product: { weightGrams: 750 }, errors: [] });
    const id = created.data.createProduct.product.id as string;
    expect((await h.gql(UPDATE, { id, input: { weightGrams: 1_000_000 } }, seller)).data.updateProduct.product.weightGrams).toBe(1_000_000);
    expect((await h.gql(UPDATE, { id, input: { name: 'Sin cambio de peso' } }, seller)).data.updateProduct.product.weightGrams).toBe(1_000_000);
    expect((await h.gql(UPDATE, { id, input: { weightGrams: null } }, seller)).data.updateProduct.product.weightGrams).toBeNull();
    expect(await weightsInEvents(id)).toEqual([750, 1_000_000, 1_000_000, null]);
  });

  it('refuses a weight outside 1 to 1000000 grams with INVALID_INPUT, changing nothing and recording no event', async () => {
    const seller = await h.token(wayuu.id, 'SELLER');
    const target = demo.products.find((p) => p.sellerId === wayuu.id)!;
    const eventsBefore = await weightsInEvents(target.id);
    for (const weightGrams of [0, -5, 1_000_001]) {
      const created = await h.gql(CREATE, { input: { sku: `W-BAD-${weightGrams}`, name: 'x', description: '', price: '1', weightGrams } }, seller);
      expect(created.data.createProduct).toEqual({ product: null, errors: [{ code: 'INVALID_INPUT', field: ['input', 'weightGrams'] }] });
      const updated = await h.gql(UPDATE, { id: target.id, input: { weightGrams } }, seller);
      expect(updated.data.updateProduct).toEqual({ product: null, errors: [{ code: 'INVALID_INPUT', field: ['input', 'weightGrams'] }] });
    }
    // GraphQL's Int already refuses fractions; the domain refuses them too for callers that are not GraphQL.
    const fraction = await createProduct(h.db, { id: wayuu.id, roles: ['SELLER'] }, { sku: 'W-BAD-FRACTION', name: 'x', description: '', price: '1', weightGrams: 1.5 });
    expect(fraction.ok ? [] : fraction.errors.map((e) => e.code)).toEqual(['INVALID_INPUT']);
    expect(await h.db.select().from(products).where(sql`${products.sku} like 'W-BAD-%'`)).toEqual([]);
    const [row] = await h.db.select({ weightGrams: products.weightGrams }).from(products).where(eq(products.id, target.id));
    expect(row!.weightGrams).toBe(target.weightGrams);
    expect(await weightsInEvents(target.id)).toEqual(eventsBefore);
  });

  it('parses product.changed events published before weights existed (no weightGrams)', () => {
    const p = demo.products[0]!;
    const old = { payload: { productId: p.id, sellerId: p.sellerId, categoryId: p.categoryId, name: p.name, priceMinor: 1, currency: 'COP', costPriceMinor: null } } as unknown as DomainEvent;
    const parsed = productChanged.parse(old);
    expect(parsed.ok && parsed.payload.weightGrams).toBeUndefined();
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { productChanged } from '@shop/products/contract';
import { reorderRequests } from '../src/db/schema.js';
import {
  ADVANCE, CREATE_REORDER, CREATE_SUPPLIER, REORDERS, SET_PRODUCT_SUPPLIER, SUPPLIERS, UPDATE_SUPPLIER,
  sellerWithProduct, startHarness, supplierOf, type Harness,
} from './support/harness.js';

let h: Harness;
let admin: string;
let customer: string;
let a: Awaited<ReturnType<typeof sellerWithProduct>>;
let b: Awaited<ReturnType<typeof sellerWithProduct>>;
let supplierA: string;
let supplierB: string;
beforeAll(async () => {
  h = await startHarness(inject('databaseUrl'), 'purchasing_access');
  admin = await h.tokenFor(randomUUID(), ['ADMIN']);
  customer = await h.tokenFor(randomUUID(), ['CUSTOMER']);
  [a, b] = await Promise.all([sellerWithProduct(h), sellerWithProduct(h)]);
  supplierA = await supplierOf(h, a.token, 7, 'Telares de San Jacinto');
  supplierB = await supplierOf(h, b.token, 3, 'Barro de La Chamba');
});
afterAll(async () => h?.stop());

const PRODUCT_SUPPLIER = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id supplier { id } } } }`;
const supplierSeenBy = async (token: string, productId: string) =>
  (await h.gql(PRODUCT_SUPPLIER, { r: [{ __typename: 'Product', id: productId }] }, token)).data._entities[0].supplier;

describe('suppliers', () => {
  it('a seller creates and lists their own; another seller sees none of them; an admin sees both', async () => {
    const mine = (await h.gql(SUPPLIERS, {}, a.token)).data.suppliers;
    expect(mine).toEqual([{ id: supplierA, name: 'Telares de San Jacinto', contactEmail: 'compras@proveedor.test', leadTimeDays: 7, seller: { id: a.sellerId } }]);
    expect((await h.gql(SUPPLIERS, {}, b.token)).data.suppliers.map((s: { id: string }) => s.id)).toEqual([supplierB]);
    const all = (await h.gql(SUPPLIERS, {}, admin)).data.suppliers.map((s: { name: string }) => s.name);
    expect(all).toEqual(['Barro de La Chamba', 'Telares de San Jacinto']);
    expect((await h.gql(SUPPLIERS, {}, customer)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('createSupplier: an admin names the seller (INVALID_INPUT without one); a seller naming another is FORBIDDEN; bad input is INVALID_INPUT', async () => {
    const input = { name: 'Fique de Curití', leadTimeDays: 10 };
    expect((await h.gql(CREATE_SUPPLIER, { i: input }, admin)).data.createSupplier).toEqual({ supplier: null, errors: [{ code: 'INVALID_INPUT', message: 'Name the seller whose supplier this is.', field: ['sellerId'] }] });
    const forSeller = (await h.gql(CREATE_SUPPLIER, { i: input, s: b.sellerId }, admin)).data.createSupplier;
    expect(forSeller.errors).toEqual([]);
    expect(forSeller.supplier).toMatchObject({ name: 'Fique de Curití', contactEmail: null, seller: { id: b.sellerId } });
    expect((await h.gql(CREATE_SUPPLIER, { i: input, s: b.sellerId }, a.token)).data.createSupplier.errors.map((e: { code: string }) => e.code)).toEqual(['FORBIDDEN']);
    const bad = (await h.gql(CREATE_SUPPLIER, { i: { name: ' ', contactEmail: 'no-es-correo', leadTimeDays: 366 } }, a.token)).data.createSupplier;
    expect(bad.supplier).toBeNull();
    expect(bad.errors.map((e: { field: string[] }) => e.field.join('.')).sort()).toEqual(['input.contactEmail', 'input.leadTimeDays', 'input.name']);
  });

  it("updateSupplier: the seller's own or an admin; another seller's is NOT_FOUND and unchanged", async () => {
    const input = { name: 'Telares de San Jacinto', contactEmail: 'Nuevo@Telares.test', leadTimeDays: 9 };
    expect((await h.gql(UPDATE_SUPPLIER, { id: supplierA, i: input }, b.token)).data.updateSupplier.errors.map((e: { code: string }) => e.code)).toEqual(['NOT_FOUND']);
    expect((await h.gql(UPDATE_SUPPLIER, { id: supplierA, i: input }, a.token)).data.updateSupplier.supplier).toMatchObject({ contactEmail: 'nuevo@telares.test', leadTimeDays: 9 });
    expect((await h.gql(UPDATE_SUPPLIER, { id: supplierA, i: { ...input, leadTimeDays: 7 } }, admin)).data.updateSupplier.supplier.leadTimeDays).toBe(7);
  });
});

describe("a product's supplier", () => {
  it("the product's seller sets one of their suppliers; Product.supplier is theirs and admins' only", async () => {
    const set = (await h.gql(SET_PRODUCT_SUPPLIER, { p: a.productId, s: supplierA }, a.token)).data.setProductSupplier;
    expect(set).toEqual({ product: { id: a.productId, supplier: { id: supplierA, name: 'Telares de San Jacinto' } }, errors: [] });
    expect(await supplierSeenBy(a.token, a.productId)).toEqual({ id: supplierA });
    expect(await supplierSeenBy(admin, a.productId)).toEqual({ id: supplierA });
    expect(await supplierSeenBy(b.token, a.productId)).toBeNull();
    expect(await supplierSeenBy(customer, a.productId)).toBeNull();
  });

  it("another seller's product is FORBIDDEN, another seller's supplier NOT_FOUND (INVALID_INPUT for an admin), an unknown product NOT_FOUND", async () => {
    const codes = async (vars: Record<string, unknown>, token: string) => (await h.gql(SET_PRODUCT_SUPPLIER, vars, token)).data.setProductSupplier.errors.map((e: { code: string }) => e.code);
    expect(await codes({ p: a.productId, s: supplierB }, b.token)).toEqual(['FORBIDDEN']);
    expect(await codes({ p: a.productId, s: supplierB }, a.token)).toEqual(['NOT_FOUND']);
    expect(await codes({ p: a.productId, s: supplierB }, admin)).toEqual(['INVALID_INPUT']);
    expect(await codes({ p: randomUUID(), s: supplierA }, a.token)).toEqual(['NOT_FOUND']);
    expect(await supplierSeenBy(admin, a.productId)).toEqual({ id: supplierA });
  });

  it('null clears it (an admin may)', async () => {
    const { productId } = await sellerWithProduct(h);
    h.neighbours.products.set(productId, a.sellerId);
    await h.gql(SET_PRODUCT_SUPPLIER, { p: productId, s: supplierA }, a.token);
    expect((await h.gql(SET_PRODUCT_SUPPLIER, { p: productId, s: null }, admin)).data.setProductSupplier).toEqual({ product: { id: productId, supplier: null }, errors: [] });
  });
});

describe('reorder requests', () => {
  it('createReorder writes a DRAFT for the product seller; checks product, supplier, warehouse and quantity', async () => {
    const input = { supplierId: supplierA, productId: a.productId, warehouseId: a.warehouseId, quantity: 30 };
    const created = (await h.gql(CREATE_REORDER, { i: input }, a.token)).data.createReorder;
    expect(created.errors).toEqual([]);
    expect(created.reorder).toMatchObject({ status: 'DRAFT', quantity: 30, suggested: false, supplier: { id: supplierA }, product: { id: a.productId }, warehouse: { id: a.warehouseId } });
    const store = randomUUID();
    h.neighbours.warehouses.set(store, { kind: 'STORE', sellerId: b.sellerId });
    const ownStore = randomUUID();
    h.neighbours.warehouses.set(ownStore, { kind: 'STORE', sellerId: a.sellerId });
    const errorsOf = async (over: Record<string, unknown>, token = a.token) =>
      (await h.gql(CREATE_REORDER, { i: { ...input, ...over } }, token)).data.createReorder.errors.map((e: { code: string; field: string[] }) => `${e.code} ${e.field?.join('.') ?? ''}`);
    expect(await errorsOf({}, b.token)).toEqual(['FORBIDDEN input.productId']);
    expect(await errorsOf({ supplierId: supplierB })).toEqual(['NOT_FOUND input.supplierId']);
    expect(await errorsOf({ supplierId: supplierB }, admin)).toEqual(['INVALID_INPUT input.supplierId']);
    expect(await errorsOf({ productId: randomUUID() })).toEqual(['NOT_FOUND input.productId']);
    expect(await errorsOf({ warehouseId: randomUUID() })).toEqual(['NOT_FOUND input.warehouseId']);
    expect(await errorsOf({ warehouseId: store })).toEqual(['FORBIDDEN input.warehouseId']);
    expect(await errorsOf({ warehouseId: ownStore })).toEqual([]);
    expect(await errorsOf({ quantity: 0 })).toEqual(['INVALID_INPUT input.quantity']);
    expect(await errorsOf({ quantity: 1_000_001 })).toEqual(['INVALID_INPUT input.quantity']);
    expect(await errorsOf({}, admin)).toEqual([]);
  });

  it("reorderRequests: a seller's own newest first, by status; an admin's every seller's; advanceReorder on another's is NOT_FOUND", async () => {
    const mine = (await h.gql(REORDERS, {}, a.token)).data.reorderRequests;
    expect(mine.length).toBe(3);
    expect(mine.map((r: { createdAt: string }) => r.createdAt)).toEqual([...mine.map((r: { createdAt: string }) => r.createdAt)].sort().reverse());
    expect((await h.gql(REORDERS, {}, b.token)).data.reorderRequests).toEqual([]);
    expect((await h.gql(REORDERS, { s: 'SENT' }, a.token)).data.reorderRequests).toEqual([]);
    expect((await h.gql(REORDERS, {}, admin)).data.reorderRequests).toHaveLength(3);
    const id = mine[0].id;
    expect((await h.gql(ADVANCE, { id, s: 'SENT' }, b.token)).data.advanceReorder).toEqual({ reorder: null, errors: [{ code: 'NOT_FOUND', message: 'No reorder request has this id.', field: ['id'] }] });
    expect((await h.gql(ADVANCE, { id, s: 'SENT' }, a.token)).data.advanceReorder).toEqual({ reorder: { id, status: 'SENT' }, errors: [] });
    expect((await h.gql(REORDERS, { s: 'SENT' }, a.token)).data.reorderRequests.map((r: { id: string }) => r.id)).toEqual([id]);
    // Over _entities too: another seller's request and supplier look missing.
    const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on ReorderRequest { id } ... on Supplier { id } } }`;
    const refs = [{ __typename: 'ReorderRequest', id }, { __typename: 'Supplier', id: supplierA }];
    expect((await h.gql(entities, { r: refs }, b.token)).data._entities).toEqual([null, null]);
    expect((await h.gql(entities, { r: refs }, a.token)).data._entities).toEqual([{ id }, { id: supplierA }]);
  });
});

describe('when products is down', () => {
  it('a product purchasing has projected from product.changed is still managed (no call); an unknown one is SERVICE_UNAVAILABLE, nothing written', async () => {
    const offline = await h.startPurchasing({ PRODUCTS_URL: 'http://127.0.0.1:9/graphql', PRODUCTS_TIMEOUT_MS: '200' });
    const productId = randomUUID();
    await h.deliver(productChanged.create({ productId, sellerId: a.sellerId, categoryId: null, name: 'Mochila', priceMinor: 100, currency: 'COP', costPriceMinor: null }));
    const set = (await h.gql(SET_PRODUCT_SUPPLIER, { p: productId, s: supplierA }, a.token, offline)).data.setProductSupplier;
    expect(set).toEqual({ product: { id: productId, supplier: { id: supplierA, name: 'Telares de San Jacinto' } }, errors: [] });
    const before = (await h.db.select().from(reorderRequests)).length;
    const unknown = (await h.gql(CREATE_REORDER, { i: { supplierId: supplierA, productId: randomUUID(), warehouseId: a.warehouseId, quantity: 5 } }, a.token, offline)).data.createReorder;
    expect(unknown.errors.map((e: { code: string }) => e.code)).toEqual(['SERVICE_UNAVAILABLE']);
    expect((await h.db.select().from(reorderRequests)).length).toBe(before);
  });

  it('a product asked of products once is kept: the next mutation makes no call', async () => {
    const { productId } = await sellerWithProduct(h);
    h.neighbours.products.set(productId, a.sellerId);
    const lookups = h.neighbours.productLookups;
    await h.gql(SET_PRODUCT_SUPPLIER, { p: productId, s: supplierA }, a.token);
    await h.gql(SET_PRODUCT_SUPPLIER, { p: productId, s: null }, a.token);
    expect(h.neighbours.productLookups - lookups).toBe(1);
  });
});

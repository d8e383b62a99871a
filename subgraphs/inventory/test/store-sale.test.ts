import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demo } from '@shop/demo-store';
import { graphqlRequest } from '@shop/testing';
import { outbox, stockLevels, stockMovements, storeSales, type StockMovementRow } from '../src/db/schema.js';
import { demoStores } from '../src/domain/seed.js';
import { bogota, newProduct, startHarness, type Harness } from './support/harness.js';
import { inMinutes } from './support/reservations.js';
import { reserve } from '../src/domain/reserve.js';

const [wayuu, raquira] = demo.sellers;
const wayuuStore = demoStores[0]!.warehouse;
// Products only this file's fake products subgraph knows (sold by wayuu unless said), each test on its own.
const priced = (status = 'ACTIVE', sellerId: string = wayuu.id, priceMinor = 4_500_000n) => ({ ...newProduct(sellerId, status), priceMinor });
const basic = priced();
const second = priced('ACTIVE', wayuu.id, 1_250_050n);
const replayed = priced();
const short = priced();
const draft = priced('DRAFT');
const raquiraOwn = priced('ACTIVE', raquira.id);
const heldOnline = priced();
const rush = priced();
const lastOne = priced();
const byAdmin = priced();

let h: Harness;
let seller: string;
let otherSeller: string;
let admin: string;
let customer: string;
beforeAll(async () => {
  h = await startHarness(inject('databaseUrl'), 'inventory_store_sale', [basic, second, replayed, short, draft, raquiraOwn, heldOnline, rush, lastOne, byAdmin]);
  [seller, otherSeller, admin, customer] = await Promise.all([
    h.tokenFor(wayuu.id, ['SELLER', 'CUSTOMER']),
    h.tokenFor(raquira.id, ['SELLER', 'CUSTOMER']),
    h.tokenFor(demo.admin.id, ['ADMIN']),
    h.tokenFor(demo.customer.id, ['CUSTOMER']),
  ]);
});
afterAll(async () => h?.stop());

const SALE = `mutation($input: StoreSaleInput!) { recordStoreSale(input: $input) {
  sale { id receiptNumber warehouse { id kind seller { id } } lines { product { id } quantity unitPrice { amount currency } total { amount currency } } total { amount currency } cashier { id } createdAt }
  errors { code field message } } }`;
const sell = (lines: { productId: string; quantity: number }[], token = seller, warehouseId = wayuuStore.id, idempotencyKey: string = randomUUID()) =>
  graphqlRequest(h.inventory.url, SALE, { input: { warehouseId, lines, idempotencyKey } }, token);

/** Stocks products directly: warehouseId -> onHand. */
const stock = (productId: string, levels: Record<string, number>) =>
  h.db.insert(stockLevels).values(Object.entries(levels).map(([warehouseId, onHand]) => ({ productId, warehouseId, onHand, reserved: 0 })));
const levelsOf = async (productId: string) =>
  Object.fromEntries((await h.db.select().from(stockLevels).where(eq(stockLevels.productId, productId))).map((l) => [l.warehouseId, [l.onHand, l.reserved]]));
const ledgerOf = (productId: string): Promise<StockMovementRow[]> => h.db.select().from(stockMovements).where(eq(stockMovements.productId, productId));
const eventsOf = async (type: string, aggregateId: string) =>
  (await h.db.select().from(outbox).where(and(eq(outbox.type, type), eq(outbox.aggregateId, aggregateId))).orderBy(outbox.seq)).map((r) => r.payload as any);

describe('recordStoreSale', () => {
  it("sells from the store's own units only, at the products subgraph's prices, with a POS receipt, SALE movements and the events", async () => {
    await stock(basic.id, { [wayuuStore.id]: 3, [bogota.id]: 10 });
    await stock(second.id, { [wayuuStore.id]: 1 });
    const res = await sell([{ productId: basic.id, quantity: 2 }, { productId: second.id, quantity: 1 }]);
    expect(res.data.recordStoreSale.errors).toEqual([]);
    const sale = res.data.recordStoreSale.sale;
    expect(sale).toMatchObject({
      receiptNumber: expect.stringMatching(/^POS-\d{6}$/),
      warehouse: { id: wayuuStore.id, kind: 'STORE', seller: { id: wayuu.id } },
      lines: [
        { product: { id: basic.id }, quantity: 2, unitPrice: { amount: '45000.00', currency: 'COP' }, total: { amount: '90000.00', currency: 'COP' } },
        { product: { id: second.id }, quantity: 1, unitPrice: { amount: '12500.50', currency: 'COP' }, total: { amount: '12500.50', currency: 'COP' } },
      ],
      total: { amount: '102500.50', currency: 'COP' },
      cashier: { id: wayuu.id },
    });
    expect(await levelsOf(basic.id)).toEqual({ [wayuuStore.id]: [1, 0], [bogota.id]: [10, 0] });
    expect(await levelsOf(second.id)).toEqual({ [wayuuStore.id]: [0, 0] });
    expect((await ledgerOf(basic.id)).map((m) => [m.warehouseId, m.delta, m.reason, m.note, m.actorId])).toEqual([[wayuuStore.id, -2, 'SALE', sale.receiptNumber, wayuu.id]]);

    expect(await eventsOf('store_sale.recorded', sale.id)).toEqual([
      {
        saleId: sale.id,
        receiptNumber: sale.receiptNumber,
        warehouseId: wayuuStore.id,
        sellerId: wayuu.id,
        cashierId: wayuu.id,
        lines: [
          { productId: basic.id, quantity: 2, unitPriceMinor: 4_500_000 },
          { productId: second.id, quantity: 1, unitPriceMinor: 1_250_050 },
        ],
        totalMinor: 10_250_050,
        currency: 'COP',
        at: sale.createdAt,
      },
    ]);
    expect(await eventsOf('stock.changed', basic.id)).toEqual([expect.objectContaining({ onHand: 11, reserved: 0, available: 11 })]);
    // The last unit of second sold at the counter is its sold-out crossing, as a reservation's would be.
    expect(await eventsOf('stock.sold_out', second.id)).toEqual([{ productId: second.id, sellerId: wayuu.id, restockWarehouseId: wayuuStore.id }]);
  });

  it('numbers receipts from one sequence: each sale gets the next number', async () => {
    await stock(rush.id, { [wayuuStore.id]: 20 });
    const receipts: string[] = [];
    for (let i = 0; i < 3; i++) receipts.push((await sell([{ productId: rush.id, quantity: 1 }])).data.recordStoreSale.sale.receiptNumber);
    const numbers = receipts.map((r) => Number(r.slice(4)));
    expect(numbers[1]).toBe(numbers[0]! + 1);
    expect(numbers[2]).toBe(numbers[1]! + 1);
  });

  it('answers a replayed idempotency key with the same sale and sells nothing again, even when replayed concurrently', async () => {
    await stock(replayed.id, { [wayuuStore.id]: 5 });
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 4 }, () => sell([{ productId: replayed.id, quantity: 2 }], seller, wayuuStore.id, key)));
    const ids = new Set(answers.map((a) => a.data.recordStoreSale.sale.id));
    expect(ids.size).toBe(1);
    expect(await levelsOf(replayed.id)).toEqual({ [wayuuStore.id]: [3, 0] });
    expect(await ledgerOf(replayed.id)).toHaveLength(1);
    expect(await eventsOf('store_sale.recorded', [...ids][0]!)).toHaveLength(1);
    // Another cashier's same key is another sale.
    const byAdminSale = await sell([{ productId: replayed.id, quantity: 1 }], admin, wayuuStore.id, key);
    expect(byAdminSale.data.recordStoreSale.sale.id).not.toBe([...ids][0]);
  });

  it('is OUT_OF_STOCK with the short lines when the store lacks units, however many the warehouses hold, and changes nothing', async () => {
    await stock(short.id, { [wayuuStore.id]: 1, [bogota.id]: 50 });
    const before = { short: await levelsOf(short.id), basic: await levelsOf(basic.id) };
    const key = randomUUID();
    const res = await sell([{ productId: basic.id, quantity: 1 }, { productId: short.id, quantity: 2 }], seller, wayuuStore.id, key);
    expect(res.data.recordStoreSale).toEqual({
      sale: null,
      errors: [{ code: 'OUT_OF_STOCK', field: ['input', 'lines', '1', 'quantity'], message: 'Only 1 of the 2 units asked for are available in this store.' }],
    });
    expect({ short: await levelsOf(short.id), basic: await levelsOf(basic.id) }).toEqual(before);
    expect(await ledgerOf(short.id)).toEqual([]);
    expect(await h.db.select().from(storeSales).where(eq(storeSales.idempotencyKey, key))).toEqual([]);
    // Nothing is kept of the refusal: the same key, asking what the store has, sells.
    const retried = await sell([{ productId: short.id, quantity: 1 }], seller, wayuuStore.id, key);
    expect(retried.data.recordStoreSale.errors).toEqual([]);
  });

  it("never sells units an online order holds in the store: available is onHand - reserved, on the same locked rows", async () => {
    await stock(heldOnline.id, { [wayuuStore.id]: 2 });
    const held = await h.db.transaction((tx) => reserve(tx, { reservationId: randomUUID(), lines: [{ productId: heldOnline.id, quantity: 2 }], expiresAt: inMinutes(15) }));
    expect(held).toMatchObject({ ok: true, value: { status: 'RESERVED' } });
    const res = await sell([{ productId: heldOnline.id, quantity: 1 }]);
    expect(res.data.recordStoreSale.errors.map((e: { code: string }) => e.code)).toEqual(['OUT_OF_STOCK']);
    expect(await levelsOf(heldOnline.id)).toEqual({ [wayuuStore.id]: [2, 2] });
  });

  it('sells exactly the units there are when 12 sales race for 5 units', async () => {
    await stock(lastOne.id, { [wayuuStore.id]: 5 });
    const answers = await Promise.all(Array.from({ length: 12 }, () => sell([{ productId: lastOne.id, quantity: 1 }])));
    const codes = answers.map((a) => a.data.recordStoreSale.errors[0]?.code ?? 'SOLD');
    expect(codes.filter((c) => c === 'SOLD')).toHaveLength(5);
    expect(codes.filter((c) => c !== 'SOLD').every((c) => c === 'OUT_OF_STOCK')).toBe(true);
    expect(await levelsOf(lastOne.id)).toEqual({ [wayuuStore.id]: [0, 0] });
    expect((await ledgerOf(lastOne.id)).reduce((sum, m) => sum + m.delta, 0)).toBe(-5);
    expect(await eventsOf('stock.sold_out', lastOne.id)).toHaveLength(1);
  });

  it("refuses products that are not the store seller's ACTIVE ones (NOT_PURCHASABLE), each at its line", async () => {
    const res = await sell([
      { productId: draft.id, quantity: 1 },
      { productId: raquiraOwn.id, quantity: 1 },
      { productId: randomUUID(), quantity: 1 },
    ]);
    expect(res.data.recordStoreSale.sale).toBeNull();
    expect(res.data.recordStoreSale.errors.map((e: { code: string; field: string[] }) => [e.code, e.field.join('.')])).toEqual([
      ['NOT_PURCHASABLE', 'input.lines.0.productId'],
      ['NOT_PURCHASABLE', 'input.lines.1.productId'],
      ['NOT_PURCHASABLE', 'input.lines.2.productId'],
    ]);
  });

  it("is FORBIDDEN at another seller's store, NOT_FOUND for a warehouse that is not a store or does not exist, and checks its input", async () => {
    await stock(byAdmin.id, { [wayuuStore.id]: 4 });
    const other = await sell([{ productId: byAdmin.id, quantity: 1 }], otherSeller);
    expect(other.data.recordStoreSale.errors.map((e: { code: string }) => e.code)).toEqual(['FORBIDDEN']);
    const customerAnswer = await sell([{ productId: byAdmin.id, quantity: 1 }], customer);
    expect(customerAnswer.data.recordStoreSale.errors.map((e: { code: string }) => e.code)).toEqual(['FORBIDDEN']);
    for (const warehouseId of [bogota.id, randomUUID()]) {
      const res = await sell([{ productId: byAdmin.id, quantity: 1 }], seller, warehouseId);
      expect(res.data.recordStoreSale.errors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'warehouseId'] })]);
    }
    const invalid = await sell([{ productId: byAdmin.id, quantity: 0 }]);
    expect(invalid.data.recordStoreSale.errors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'lines', '0', 'quantity'] })]);
    const empty = await sell([]);
    expect(empty.data.recordStoreSale.errors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'lines'] })]);
    const tooMany = await sell(Array.from({ length: 101 }, () => ({ productId: byAdmin.id, quantity: 1 })));
    expect(tooMany.data.recordStoreSale.errors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'lines'] })]);
    expect(await levelsOf(byAdmin.id)).toEqual({ [wayuuStore.id]: [4, 0] });

    const sold = await sell([{ productId: byAdmin.id, quantity: 1 }], admin);
    expect(sold.data.recordStoreSale.sale).toMatchObject({ cashier: { id: demo.admin.id }, warehouse: { id: wayuuStore.id } });
  });
});

describe('storeSale, myStores and createWarehouse', () => {
  const STORE_SALE = `query($id: ID!) { storeSale(id: $id) { id receiptNumber total { amount } } }`;

  it("shows a sale to its store's seller and admins, and null to another seller or for an unknown id", async () => {
    const [first] = await h.db.select().from(storeSales).where(eq(storeSales.sellerId, wayuu.id)).limit(1);
    const read = (token: string, id = first!.id) => graphqlRequest(h.inventory.url, STORE_SALE, { id }, token);
    expect((await read(seller)).data.storeSale).toMatchObject({ id: first!.id, receiptNumber: first!.receiptNumber });
    expect((await read(admin)).data.storeSale).toMatchObject({ id: first!.id });
    expect((await read(otherSeller)).data.storeSale).toBeNull();
    expect((await read(seller, randomUUID())).data.storeSale).toBeNull();
    expect((await read(seller, 'not-an-id')).data.storeSale).toBeNull();
  });

  it('lets an admin create a warehouse or a seller\'s STORE, which then is one of that seller\'s stores', async () => {
    const CREATE = `mutation($input: CreateWarehouseInput!) { createWarehouse(input: $input) { warehouse { id name region kind seller { id } } errors { code field } } }`;
    const MINE = `{ myStores { id name } }`;
    const store = await graphqlRequest(h.inventory.url, CREATE, { input: { name: 'Tienda Ráquira Centro', region: 'Boyacá', kind: 'STORE', sellerId: raquira.id } }, admin);
    const created = store.data.createWarehouse.warehouse;
    expect(created).toMatchObject({ name: 'Tienda Ráquira Centro', region: 'Boyacá', kind: 'STORE', seller: { id: raquira.id } });
    const plain = await graphqlRequest(h.inventory.url, CREATE, { input: { name: 'Bodega Cali', region: 'Valle del Cauca', kind: 'WAREHOUSE' } }, admin);
    expect(plain.data.createWarehouse.warehouse).toMatchObject({ kind: 'WAREHOUSE', seller: null });

    const invalid = await Promise.all([
      graphqlRequest(h.inventory.url, CREATE, { input: { name: 'Sin dueño', region: 'Boyacá', kind: 'STORE' } }, admin),
      graphqlRequest(h.inventory.url, CREATE, { input: { name: 'Con dueño', region: 'Boyacá', kind: 'WAREHOUSE', sellerId: raquira.id } }, admin),
      graphqlRequest(h.inventory.url, CREATE, { input: { name: ' ', region: 'Boyacá', kind: 'WAREHOUSE' } }, admin),
    ]);
    expect(invalid.map((r) => r.data.createWarehouse.errors.map((e: { code: string; field: string[] }) => `${e.code} ${e.field.join('.')}`))).toEqual([
      ['INVALID_INPUT input.sellerId'],
      ['INVALID_INPUT input.sellerId'],
      ['INVALID_INPUT input.name'],
    ]);
    const bySeller = await graphqlRequest(h.inventory.url, CREATE, { input: { name: 'Mía', region: 'Boyacá', kind: 'STORE', sellerId: raquira.id } }, otherSeller);
    expect(bySeller.data.createWarehouse).toEqual({ warehouse: null, errors: [expect.objectContaining({ code: 'FORBIDDEN' })] });

    const raquiraStores = (await graphqlRequest(h.inventory.url, MINE, {}, otherSeller)).data.myStores.map((s: { id: string }) => s.id);
    expect(raquiraStores.sort()).toEqual([demoStores[1]!.warehouse.id, created.id].sort());
    const wayuuStores = (await graphqlRequest(h.inventory.url, MINE, {}, seller)).data.myStores.map((s: { id: string }) => s.id);
    expect(wayuuStores).toEqual([wayuuStore.id]);
    const adminStores = (await graphqlRequest(h.inventory.url, MINE, {}, admin)).data.myStores.map((s: { id: string }) => s.id);
    expect(adminStores.sort()).toEqual([...demoStores.map((s) => s.warehouse.id), created.id].sort());
    const customerAnswer = await graphqlRequest(h.inventory.url, MINE, {}, customer);
    expect(customerAnswer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

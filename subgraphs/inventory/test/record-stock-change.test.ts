import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { stockLevels } from '../src/db/schema.js';
import { MAX_ON_HAND, recordStockChange, type StockChange } from '../src/domain/movements.js';
import { loadStock } from '../src/domain/stock.js';
import { bogota, snapshot, startHarness, type Harness } from './support/harness.js';

// The domain function the checkout will compose into its own transactions.
let h: Harness;
beforeAll(async () => {
  h = await startHarness(inject('databaseUrl'), 'inventory_record');
});
afterAll(async () => h?.stop());

const change = (productId: string, delta: number): StockChange => ({ productId, warehouseId: bogota.id, delta, reason: delta > 0 ? 'RETURN' : 'ADJUSTMENT', actorId: null, note: 'order ORD-000042' });

describe('recordStockChange', () => {
  it("writes the level and its ledger row in the caller's transaction, so both roll back together", async () => {
    const productId = randomUUID();
    await expect(
      h.db.transaction(async (tx) => {
        expect((await recordStockChange(tx, change(productId, 4))).ok).toBe(true);
        throw new Error('a later checkout step failed');
      }),
    ).rejects.toThrow('a later checkout step failed');
    expect(await snapshot(h.db, productId, bogota.id)).toEqual({ level: null, ledgerRows: 0 });
    const committed = await h.db.transaction((tx) => recordStockChange(tx, change(productId, 4)));
    expect(committed).toEqual({ ok: true, value: { productId, warehouseId: bogota.id, onHand: 4, reserved: 0 } });
    expect(await snapshot(h.db, productId, bogota.id)).toEqual({ level: { onHand: 4, reserved: 0 }, ledgerRows: 1 });
  });

  it('refuses to take on_hand below reserved, leaving the row and ledger alone', async () => {
    const productId = randomUUID();
    await h.db.insert(stockLevels).values({ productId, warehouseId: bogota.id, onHand: 5, reserved: 3 });
    const result = await h.db.transaction((tx) => recordStockChange(tx, change(productId, -3)));
    expect(result).toMatchObject({ ok: false, errors: [{ code: 'INSUFFICIENT_STOCK' }] });
    expect(await snapshot(h.db, productId, bogota.id)).toEqual({ level: { onHand: 5, reserved: 3 }, ledgerRows: 0 });
    expect((await loadStock(h.db, [productId])).get(productId)).toMatchObject({ onHand: 5, reserved: 3, available: 2 });
  });

  it(`refuses to hold more than ${MAX_ON_HAND} units, so the column can never overflow`, async () => {
    const productId = randomUUID();
    await h.db.insert(stockLevels).values({ productId, warehouseId: bogota.id, onHand: MAX_ON_HAND, reserved: 0 });
    const result = await h.db.transaction((tx) => recordStockChange(tx, change(productId, 1)));
    expect(result).toMatchObject({ ok: false, errors: [{ code: 'INVALID_INPUT', field: ['input', 'delta'] }] });
    expect(await snapshot(h.db, productId, bogota.id)).toEqual({ level: { onHand: MAX_ON_HAND, reserved: 0 }, ledgerRows: 0 });
  });
});

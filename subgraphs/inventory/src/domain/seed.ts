import { demo, stableId } from '@shop/demo-store';
import type { Database, Transaction } from '@shop/db';
import { stockLevels, stockMovements, stockSettings, warehouses, type InventorySchema } from '../db/schema.js';

export const SEED_NOTE = 'Opening stock of the demo store';
export const STORE_SEED_NOTE = "Opening stock of the seller's shop";

const [wayuu, raquira, mompox] = demo.sellers;
const store = (key: string, name: string, region: string, sellerId: string, stock: [productIndex: number, onHand: number][]) => ({
  warehouse: { id: stableId('warehouse', key), name, region, kind: 'STORE' as const, sellerId },
  stock: stock.map(([productIndex, onHand]) => ({ productId: demo.products[productIndex]!.id, onHand })),
});

/**
 * One shop (STORE) per demo seller in the seller's own department, holding a few units of some of the seller's
 * products: new units, on top of the warehouses' (products the other seeds' and tests' demo figures do not single out).
 */
export const demoStores = [
  store('store-wayuu', 'Tienda Wayuu — Uribia', 'La Guajira', wayuu.id, [[8, 3], [9, 2], [19, 4]]),
  store('store-raquira', 'Tienda Cerámica — Ráquira', 'Boyacá', raquira.id, [[28, 5], [29, 2], [49, 3]]),
  store('store-mompox', 'Tienda Filigrana — Mompox', 'Bolívar', mompox.id, [[38, 4], [39, 2], [59, 3]]),
];

/**
 * Seeds warehouses, opening stock (as RESTOCK ledger rows by the system) and thresholds once, and the sellers' shops
 * once (also into a database seeded before shops existed); what is seeded already is left alone.
 */
export async function seedDemoInventory(db: Database<InventorySchema>): Promise<boolean> {
  return db.transaction(async (tx) => {
    const stores = await seedDemoStores(tx);
    // A replica seeding at the same time blocks on these keys, then inserts nothing and stops here.
    const inserted = await tx.insert(warehouses).values(demo.warehouses).onConflictDoNothing().returning({ id: warehouses.id });
    if (inserted.length === 0) return stores;
    await tx.insert(stockLevels).values(demo.stock.map((s) => ({ productId: s.productId, warehouseId: s.warehouseId, onHand: s.onHand, reserved: 0 })));
    const restocks = demo.stock.filter((s) => s.onHand > 0);
    if (restocks.length) {
      await tx.insert(stockMovements).values(
        restocks.map((s) => ({ productId: s.productId, warehouseId: s.warehouseId, delta: s.onHand, reason: 'RESTOCK' as const, actorId: null, note: SEED_NOTE })),
      );
    }
    await tx.insert(stockSettings).values(demo.products.map((p) => ({ productId: p.id, lowStockThreshold: p.lowStockThreshold, sellerId: p.sellerId })));
    return true;
  });
}

async function seedDemoStores(tx: Transaction<InventorySchema>): Promise<boolean> {
  const inserted = await tx.insert(warehouses).values(demoStores.map((s) => s.warehouse)).onConflictDoNothing().returning({ id: warehouses.id });
  const fresh = demoStores.filter((s) => inserted.some((row) => row.id === s.warehouse.id));
  const rows = fresh.flatMap((s) => s.stock.map((line) => ({ productId: line.productId, warehouseId: s.warehouse.id, onHand: line.onHand, reserved: 0 })));
  if (rows.length === 0) return false;
  await tx.insert(stockLevels).values(rows);
  await tx.insert(stockMovements).values(rows.map((r) => ({ productId: r.productId, warehouseId: r.warehouseId, delta: r.onHand, reason: 'RESTOCK' as const, actorId: null, note: STORE_SEED_NOTE })));
  return true;
}

import { demo } from '@shop/demo-store';
import type { Database } from '@shop/db';
import { stockLevels, stockMovements, stockSettings, warehouses, type InventorySchema } from '../db/schema.js';

export const SEED_NOTE = 'Opening stock of the demo store';

/** Seeds warehouses, opening stock (as RESTOCK ledger rows by the system) and thresholds once; a seeded database is left alone. */
export async function seedDemoInventory(db: Database<InventorySchema>): Promise<boolean> {
  return db.transaction(async (tx) => {
    // A replica seeding at the same time blocks on these keys, then inserts nothing and stops here.
    const inserted = await tx.insert(warehouses).values(demo.warehouses).onConflictDoNothing().returning({ id: warehouses.id });
    if (inserted.length === 0) return false;
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

import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '@shop/db';
import { stockLevels, stockSettings, warehouses, type InventorySchema, type WarehouseRow } from '../db/schema.js';

type Db = Database<InventorySchema>;

/** The threshold for products without a stock_settings row (the column default). */
export const DEFAULT_LOW_STOCK_THRESHOLD = 5;

export interface WarehouseStockLevel {
  warehouse: WarehouseRow;
  onHand: number;
  reserved: number;
  available: number;
}

export interface ProductStock {
  productId: string;
  available: number;
  reserved: number;
  onHand: number;
  lowStock: boolean;
  warehouses: WarehouseStockLevel[];
}

const availableOf = (onHand: number, reserved: number) => Math.max(onHand - reserved, 0);

/** Sums a product's warehouse levels; no levels at all means zeros and lowStock. */
export function summarizeStock(productId: string, levels: WarehouseStockLevel[], threshold = DEFAULT_LOW_STOCK_THRESHOLD): ProductStock {
  const onHand = levels.reduce((sum, level) => sum + level.onHand, 0);
  const reserved = levels.reduce((sum, level) => sum + level.reserved, 0);
  const available = levels.reduce((sum, level) => sum + level.available, 0);
  return { productId, onHand, reserved, available, lowStock: available <= threshold, warehouses: levels };
}

/**
 * Stock for many products in ONE query (levels joined with their warehouse and threshold).
 * A product without levels needs no threshold: its available is 0, which is low whatever the (non-negative) threshold.
 */
export async function loadStock(db: Db, productIds: readonly string[]): Promise<Map<string, ProductStock>> {
  const ids = [...new Set(productIds)];
  const rows = ids.length
    ? await db
        .select({
          productId: stockLevels.productId,
          onHand: stockLevels.onHand,
          reserved: stockLevels.reserved,
          warehouse: warehouses,
          threshold: stockSettings.lowStockThreshold,
        })
        .from(stockLevels)
        .innerJoin(warehouses, eq(warehouses.id, stockLevels.warehouseId))
        .leftJoin(stockSettings, eq(stockSettings.productId, stockLevels.productId))
        .where(inArray(stockLevels.productId, ids))
        .orderBy(asc(stockLevels.productId), asc(warehouses.name), asc(warehouses.id))
    : [];
  const grouped = new Map<string, { threshold: number; levels: WarehouseStockLevel[] }>();
  for (const row of rows) {
    const entry = grouped.get(row.productId) ?? { threshold: row.threshold ?? DEFAULT_LOW_STOCK_THRESHOLD, levels: [] };
    entry.levels.push({ warehouse: row.warehouse, onHand: row.onHand, reserved: row.reserved, available: availableOf(row.onHand, row.reserved) });
    grouped.set(row.productId, entry);
  }
  return new Map(ids.map((id) => [id, summarizeStock(id, grouped.get(id)?.levels ?? [], grouped.get(id)?.threshold)]));
}

import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const stockMovementReason = pgEnum('stock_movement_reason', ['RESTOCK', 'ADJUSTMENT', 'SALE', 'RETURN']);

export const warehouses = pgTable('warehouses', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  region: text('region').notNull(),
});

/** The one place a product's units per warehouse live; available = on_hand - reserved is computed from here only. */
export const stockLevels = pgTable(
  'stock_levels',
  {
    /** The products subgraph's Product id; no foreign key across services. */
    productId: uuid('product_id').notNull(),
    warehouseId: uuid('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    onHand: integer('on_hand').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.warehouseId] }),
    check('stock_levels_on_hand_non_negative', sql`${t.onHand} >= 0`),
    check('stock_levels_reserved_non_negative', sql`${t.reserved} >= 0`),
    check('stock_levels_reserved_within_on_hand', sql`${t.reserved} <= ${t.onHand}`),
  ],
);

export const stockSettings = pgTable(
  'stock_settings',
  {
    productId: uuid('product_id').primaryKey(),
    lowStockThreshold: integer('low_stock_threshold').notNull().default(5),
  },
  (t) => [check('stock_settings_threshold_non_negative', sql`${t.lowStockThreshold} >= 0`)],
);

/** The append-only ledger: every change of on_hand is one row, so the sum of deltas per product and warehouse is on_hand. */
export const stockMovements = pgTable(
  'stock_movements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id').notNull(),
    warehouseId: uuid('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    delta: integer('delta').notNull(),
    reason: stockMovementReason('reason').notNull(),
    /** Who made the change; null for the system (seed). */
    actorId: uuid('actor_id'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('stock_movements_product_created_idx').on(t.productId, t.createdAt.desc(), t.id.desc()),
    check('stock_movements_delta_non_zero', sql`${t.delta} <> 0`),
  ],
);

export type WarehouseRow = typeof warehouses.$inferSelect;
export type StockLevelRow = typeof stockLevels.$inferSelect;
export type StockMovementRow = typeof stockMovements.$inferSelect;
export type StockMovementReason = (typeof stockMovementReason.enumValues)[number];

export const schema = { warehouses, stockLevels, stockSettings, stockMovements };
export type InventorySchema = typeof schema;

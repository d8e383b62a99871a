import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgEnum, pgSequence, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

import { deadLetters, inbox, outbox } from '@shop/events';

// The event tables live in @shop/events; each subgraph migrates its own copy.
export { deadLetters, inbox, outbox };

export const stockMovementReason = pgEnum('stock_movement_reason', ['RESTOCK', 'ADJUSTMENT', 'SALE', 'RETURN', 'TRANSFER']);
export const reservationStatus = pgEnum('reservation_status', ['RESERVED', 'RELEASED', 'COMMITTED', 'RETURNED']);

export const warehouseKind = pgEnum('warehouse_kind', ['WAREHOUSE', 'STORE']);

export const warehouses = pgTable(
  'warehouses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    region: text('region').notNull(),
    kind: warehouseKind('kind').notNull().default('WAREHOUSE'),
    /** The users subgraph's seller id whose shop a STORE is; null for a WAREHOUSE. */
    sellerId: uuid('seller_id'),
  },
  (t) => [
    check('warehouses_store_has_seller', sql`(${t.kind} = 'STORE') = (${t.sellerId} is not null)`),
    index('warehouses_seller_idx').on(t.sellerId).where(sql`seller_id is not null`),
  ],
);

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

/** Per product: its low-stock threshold, and who sells it (learned from the products subgraph, kept for stock alerts). */
export const stockSettings = pgTable(
  'stock_settings',
  {
    productId: uuid('product_id').primaryKey(),
    lowStockThreshold: integer('low_stock_threshold').notNull().default(5),
    /** The products subgraph's seller id (a product never changes seller); null until inventory has learned it. */
    sellerId: uuid('seller_id'),
  },
  (t) => [check('stock_settings_threshold_non_negative', sql`${t.lowStockThreshold} >= 0`)],
);

export const stockAlertKind = pgEnum('stock_alert_kind', ['LOW', 'SOLD_OUT', 'BACK_IN_STOCK']);

/**
 * A threshold crossing of a product whose seller inventory did not know yet: stock.low / stock.sold_out need the
 * seller, so the crossing waits here until a worker learns it and publishes (and deletes the row) in one transaction.
 */
export const pendingStockAlerts = pgTable('pending_stock_alerts', {
  id: uuid('id').primaryKey().defaultRandom(),
  productId: uuid('product_id').notNull(),
  kind: stockAlertKind('kind').notNull(),
  available: integer('available').notNull(),
  threshold: integer('threshold').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

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
    /** What caused the movement when it must happen once only, e.g. "reorder:<id>": a replay can never write it twice. */
    reference: text('reference').unique('stock_movements_reference_unique'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('stock_movements_product_created_idx').on(t.productId, t.createdAt.desc(), t.id.desc()),
    check('stock_movements_delta_non_zero', sql`${t.delta} <> 0`),
  ],
);

/** Receipt numbers of counter sales: POS-000001, POS-000002, … (gaps are possible: a refused sale uses none, a rolled back one may). */
export const storeSaleReceiptSeq = pgSequence('store_sale_receipt_seq', { startWith: 1 });

/** A counter sale at a STORE; its units left that store's stock rows as SALE movements noted with the receipt number. */
export const storeSales = pgTable(
  'store_sales',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    receiptNumber: text('receipt_number').notNull().unique('store_sales_receipt_number_unique'),
    warehouseId: uuid('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    /** The store's seller when it sold. */
    sellerId: uuid('seller_id').notNull(),
    /** Who rang it up: the seller or an admin. */
    cashierId: uuid('cashier_id').notNull(),
    /** The client's key: the same (cashier, key) answers the stored sale instead of selling again. */
    idempotencyKey: text('idempotency_key').notNull(),
    totalMinor: bigint('total_minor', { mode: 'bigint' }).notNull(),
    currency: text('currency').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('store_sales_cashier_key_unique').on(t.cashierId, t.idempotencyKey), check('store_sales_total_non_negative', sql`${t.totalMinor} >= 0`)],
);

/** A counter sale's lines in the order given, each at the price the products subgraph said when it sold. */
export const storeSaleLines = pgTable(
  'store_sale_lines',
  {
    saleId: uuid('sale_id')
      .notNull()
      .references(() => storeSales.id, { onDelete: 'cascade' }),
    lineNo: integer('line_no').notNull(),
    productId: uuid('product_id').notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceMinor: bigint('unit_price_minor', { mode: 'bigint' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.saleId, t.lineNo] }), check('store_sale_lines_quantity_positive', sql`${t.quantity} > 0`)],
);

/** A checkout's hold on stock; its id is the order id, so a replayed or concurrent request finds it by primary key. */
export const reservations = pgTable(
  'reservations',
  {
    id: uuid('id').primaryKey(),
    status: reservationStatus('status').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Set when a paid order's reservation had been released and its stock could no longer be held again: an operator restocks or refunds. */
    unfulfilledAt: timestamp('unfulfilled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // The orphan sweeper only ever looks at live holds, oldest expiry first.
  (t) => [index('reservations_reserved_expiry_idx').on(t.expiresAt).where(sql`status = 'RESERVED'`)],
);

/** Units held per request line and warehouse: one line may take its units from several warehouses (same line_no). */
export const reservationLines = pgTable(
  'reservation_lines',
  {
    reservationId: uuid('reservation_id')
      .notNull()
      .references(() => reservations.id, { onDelete: 'cascade' }),
    lineNo: integer('line_no').notNull(),
    productId: uuid('product_id').notNull(),
    warehouseId: uuid('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    quantity: integer('quantity').notNull(),
  },
  (t) => [primaryKey({ columns: [t.reservationId, t.lineNo, t.warehouseId] }), check('reservation_lines_quantity_positive', sql`${t.quantity} > 0`)],
);

export type WarehouseRow = typeof warehouses.$inferSelect;
export type WarehouseKind = (typeof warehouseKind.enumValues)[number];
export type StoreSaleRow = typeof storeSales.$inferSelect;
export type StoreSaleLineRow = typeof storeSaleLines.$inferSelect;
export type StockLevelRow = typeof stockLevels.$inferSelect;
export type StockMovementRow = typeof stockMovements.$inferSelect;
export type StockMovementReason = (typeof stockMovementReason.enumValues)[number];
export type ReservationRow = typeof reservations.$inferSelect;
export type ReservationLineRow = typeof reservationLines.$inferSelect;
export type ReservationStatus = (typeof reservationStatus.enumValues)[number];
export type StockSettingsRow = typeof stockSettings.$inferSelect;
export type StockAlertKind = (typeof stockAlertKind.enumValues)[number];

export const schema = { warehouses, stockLevels, stockSettings, pendingStockAlerts, stockMovements, reservations, reservationLines, storeSales, storeSaleLines, outbox, inbox, deadLetters };
export type InventorySchema = typeof schema;

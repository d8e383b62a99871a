import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, pgEnum, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { deadLetters, inbox, outbox } from '@shop/events';
import { MAX_REORDER_QUANTITY, REORDER_STATUSES } from '../contract.js';

// The event tables live in @shop/events; each service migrates its own copy.
export { deadLetters, inbox, outbox };

export const reorderStatus = pgEnum('reorder_status', REORDER_STATUSES);

/** A company a seller buys stock from; the seller's own. */
export const suppliers = pgTable(
  'suppliers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The users subgraph's User id of the seller; no foreign key across services. */
    sellerId: uuid('seller_id').notNull(),
    name: text('name').notNull(),
    contactEmail: text('contact_email'),
    leadTimeDays: integer('lead_time_days').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // suppliers: a seller's by name.
    index('suppliers_seller_name_idx').on(t.sellerId, t.name, t.id),
    // Target of the (supplier, seller) foreign keys below: a row naming a supplier must name its seller too.
    unique('suppliers_id_seller_unique').on(t.id, t.sellerId),
    check('suppliers_name_length', sql`char_length(${t.name}) between 1 and 200`),
    check('suppliers_lead_time_range', sql`${t.leadTimeDays} between 0 and 365`),
  ],
);

/**
 * Who sells each product, from products' product.changed (and, for a product not heard of yet, asked of products
 * once). A product's seller never changes, so a row once written stays true.
 */
export const productSellers = pgTable('product_sellers', {
  productId: uuid('product_id').primaryKey(),
  sellerId: uuid('seller_id').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The supplier a product is restocked from: one of its seller's (the composite key makes any other impossible). */
export const productSuppliers = pgTable(
  'product_suppliers',
  {
    productId: uuid('product_id').primaryKey(),
    supplierId: uuid('supplier_id').notNull(),
    /** The product's seller, kept here so Product.supplier's access needs no call to products. */
    sellerId: uuid('seller_id').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: 'product_suppliers_supplier_fk', columns: [t.supplierId, t.sellerId], foreignColumns: [suppliers.id, suppliers.sellerId] }).onDelete('cascade'),
    index('product_suppliers_supplier_idx').on(t.supplierId),
  ],
);

/** A request to a supplier for units of one product, received into one warehouse (inventory's id). */
export const reorderRequests = pgTable(
  'reorder_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    supplierId: uuid('supplier_id').notNull(),
    /** The supplier's seller, who is the product's seller too (checked when it was written). */
    sellerId: uuid('seller_id').notNull(),
    productId: uuid('product_id').notNull(),
    warehouseId: uuid('warehouse_id').notNull(),
    quantity: integer('quantity').notNull(),
    status: reorderStatus('status').notNull().default('DRAFT'),
    /** Written by the platform on a low-stock event rather than by a person. */
    suggested: boolean('suggested').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: 'reorder_requests_supplier_fk', columns: [t.supplierId, t.sellerId], foreignColumns: [suppliers.id, suppliers.sellerId] }),
    // reorderRequests: a seller's newest first (and every seller's for admins: the id tiebreak keeps pages stable).
    index('reorder_requests_seller_created_idx').on(t.sellerId, t.createdAt.desc(), t.id),
    index('reorder_requests_created_idx').on(t.createdAt.desc(), t.id),
    // The suggestion consumer's "is one already open for this product?".
    index('reorder_requests_product_open_idx').on(t.productId).where(sql`status in ('DRAFT', 'SENT')`),
    // Never two open suggestions for one product, whatever races.
    uniqueIndex('reorder_requests_one_open_suggestion').on(t.productId).where(sql`suggested and status in ('DRAFT', 'SENT')`),
    check('reorder_requests_quantity_range', sql`${t.quantity} between 1 and ${sql.raw(String(MAX_REORDER_QUANTITY))}`),
  ],
);

/** Audit trail: the request's creation (from null) and every status change, who made it (null: the platform), when. */
export const reorderStatusHistory = pgTable(
  'reorder_status_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reorderId: uuid('reorder_id').notNull().references(() => reorderRequests.id, { onDelete: 'cascade' }),
    fromStatus: reorderStatus('from_status'),
    toStatus: reorderStatus('to_status').notNull(),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('reorder_status_history_reorder_idx').on(t.reorderId, t.at)],
);

export type SupplierRow = typeof suppliers.$inferSelect;
export type ReorderRow = typeof reorderRequests.$inferSelect;
export type ReorderStatus = (typeof reorderStatus.enumValues)[number];

export const schema = { suppliers, productSellers, productSuppliers, reorderRequests, reorderStatusHistory, inbox, outbox, deadLetters };
export type PurchasingSchema = typeof schema;

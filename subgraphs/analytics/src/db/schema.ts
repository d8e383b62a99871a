import { bigint, bigserial, boolean, char, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { DomainEvent } from '@shop/events';
import { deadLetters, inbox, outbox } from '@shop/events';
import { forecastSchema } from './forecast-schema.js';

// The event tables live in @shop/events; each subgraph migrates its own copy.
export { deadLetters, inbox, outbox };
export * from './forecast-schema.js';

const at = (name: string) => timestamp(name, { withTimezone: true });
const minor = (name: string) => bigint(name, { mode: 'number' });

/**
 * Every event analytics consumed (or the demo seed wrote), as its envelope: the history rebuildAnalytics replays.
 * Read in seq order only, so no index beyond the keys (the seed appends a year at once).
 */
export const eventLog = pgTable('event_log', {
  seq: bigserial('seq', { mode: 'number' }).primaryKey(),
  eventId: uuid('event_id').notNull().unique(),
  type: text('type').notNull(),
  occurredAt: at('occurred_at').notNull(),
  envelope: jsonb('envelope').$type<DomainEvent>().notNull(),
  recordedAt: at('recorded_at').notNull().defaultNow(),
});

/** The latest product.changed of each product (the read model's catalog: seller, category, price, cost). */
export const productFacts = pgTable('product_facts', {
  productId: uuid('product_id').primaryKey(),
  sellerId: uuid('seller_id').notNull(),
  categoryId: uuid('category_id'),
  name: text('name'),
  priceMinor: minor('price_minor'),
  currency: char('currency', { length: 3 }),
  costPriceMinor: minor('cost_price_minor'),
  updatedAt: at('updated_at'),
});

/**
 * Net sales per UTC day and product: a paid order adds on its payment's day, a refund of a paid order subtracts on
 * the refund's day. seller_id/category_id copy product_facts (UNKNOWN_SELLER until its product.changed arrives).
 */
export const salesDaily = pgTable(
  'sales_daily',
  {
    day: date('day', { mode: 'string' }).notNull(),
    productId: uuid('product_id').notNull(),
    sellerId: uuid('seller_id').notNull(),
    categoryId: uuid('category_id'),
    units: integer('units').notNull(),
    orders: integer('orders').notNull(),
    revenueMinor: minor('revenue_minor').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.productId] }), index('sales_daily_seller_idx').on(t.sellerId, t.day), index('sales_daily_product_idx').on(t.productId, t.day)],
);

/** Each warehouse's units of each product, after its latest stock.changed. */
export const stockLevels = pgTable(
  'stock_levels',
  {
    productId: uuid('product_id').notNull(),
    warehouseId: uuid('warehouse_id').notNull(),
    onHand: integer('on_hand').notNull(),
    reserved: integer('reserved').notNull(),
    available: integer('available').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.productId, t.warehouseId] })],
);

/** Every stock.changed's totals, for the average units on hand behind turnover. */
export const stockHistory = pgTable(
  'stock_history',
  {
    eventId: uuid('event_id').primaryKey(),
    productId: uuid('product_id').notNull(),
    at: at('at').notNull(),
    onHand: integer('on_hand').notNull(),
    available: integer('available').notNull(),
  },
  (t) => [index('stock_history_product_idx').on(t.productId, t.at)],
);

/** One order as its events told it so far (any order of arrival): who, when placed, paid, cancelled after paying, refunded. */
export const orderFacts = pgTable(
  'order_facts',
  {
    orderId: uuid('order_id').primaryKey(),
    customerId: uuid('customer_id').notNull(),
    currency: char('currency', { length: 3 }),
    placedAt: at('placed_at'),
    paidAt: at('paid_at'),
    /** When a paid order was cancelled (its payment is refunded then). */
    cancelledAfterPaidAt: at('cancelled_after_paid_at'),
    /** The refund that took its sales back. */
    refundedAt: at('refunded_at'),
    /** Its sales are in sales_ledger/sales_daily. */
    salesCounted: boolean('sales_counted').notNull().default(false),
    salesTakenBack: boolean('sales_taken_back').notNull().default(false),
  },
  (t) => [index('order_facts_customer_idx').on(t.customerId, t.paidAt), index('order_facts_placed_idx').on(t.placedAt)],
);

/** An order's lines; unit_price_minor is the event's snapshot (or, for older events, the catalog price when counted). */
export const orderLines = pgTable(
  'order_lines',
  {
    orderId: uuid('order_id').notNull(),
    lineNo: integer('line_no').notNull(),
    productId: uuid('product_id').notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceMinor: minor('unit_price_minor'),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.lineNo] }), index('order_lines_product_idx').on(t.productId)],
);

/** REFUNDED payments, by order: a refund may arrive before the order's own events. */
export const orderRefunds = pgTable(
  'order_refunds',
  {
    paymentId: uuid('payment_id').primaryKey(),
    orderId: uuid('order_id').notNull(),
    refundedAt: at('refunded_at').notNull(),
  },
  (t) => [index('order_refunds_order_idx').on(t.orderId)],
);

export const SALES_KINDS = ['SALE', 'REFUND'] as const;
export type SalesKind = (typeof SALES_KINDS)[number];
/** Where a sale was made: a web order, or a counter sale at a seller's shop (inventory's store_sale.recorded). */
export const SALES_CHANNELS = ['WEB', 'STORE'] as const;
export type SalesChannel = (typeof SALES_CHANNELS)[number];

/**
 * Each paid order's sale per product (positive, at the payment) and, once refunded, its reversal (negative, at the
 * refund), and each counter sale's per product (at the sale): the exact ledger reports sum over any range;
 * sales_daily is its daily roll-up.
 */
export const salesLedger = pgTable(
  'sales_ledger',
  {
    /** The order's id, or the counter sale's (channel STORE). */
    orderId: uuid('order_id').notNull(),
    productId: uuid('product_id').notNull(),
    kind: text('kind', { enum: SALES_KINDS }).notNull(),
    /** null for a counter sale: the shop does not know its customer. */
    customerId: uuid('customer_id'),
    channel: text('channel', { enum: SALES_CHANNELS }).notNull().default('WEB'),
    at: at('at').notNull(),
    units: integer('units').notNull(),
    revenueMinor: minor('revenue_minor').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.productId, t.kind] }), index('sales_ledger_at_idx').on(t.at), index('sales_ledger_product_idx').on(t.productId, t.at)],
);

/** The read model: everything rebuildAnalytics empties and replays (event_log and the forecasts stay). */
export const readModel = { productFacts, salesDaily, stockLevels, stockHistory, orderFacts, orderLines, orderRefunds, salesLedger };

export const schema = { outbox, inbox, eventLog, ...readModel, ...forecastSchema, deadLetters };
export type AnalyticsSchema = typeof schema;

export type ProductFactRow = typeof productFacts.$inferSelect;
export type OrderFactRow = typeof orderFacts.$inferSelect;
export type OrderLineRow = typeof orderLines.$inferSelect;

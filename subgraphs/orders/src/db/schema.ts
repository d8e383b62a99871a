import { sql } from 'drizzle-orm';
import { bigint, char, check, index, integer, jsonb, pgEnum, pgSequence, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { deadLetters, inbox, outbox } from '@shop/events';
import type { AddressRecord } from '@shop/users/contract';
import { CANCELLATION_REASONS, ORDER_STATUSES } from '../contract.js';

export { deadLetters, outbox, inbox } from '@shop/events';

export const orderStatus = pgEnum('order_status', ORDER_STATUSES);
/** Why an order was cancelled: the reservation lapsed, the customer cancelled, or an admin did. */
export const cancellationReason = pgEnum('cancellation_reason', CANCELLATION_REASONS);

/** Feeds the human-friendly order numbers ORD-000001, ORD-000002, … */
export const orderNumberSeq = pgSequence('order_number_seq', { startWith: 1, minValue: 1 });

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** One cart per customer, created empty on first use. */
export const carts = pgTable('carts', {
  id: uuid('id').primaryKey().defaultRandom(),
  customerId: uuid('customer_id').notNull().unique(),
  updatedAt: updatedAt(),
});

export const cartLines = pgTable(
  'cart_lines',
  {
    cartId: uuid('cart_id').notNull().references(() => carts.id, { onDelete: 'cascade' }),
    productId: uuid('product_id').notNull(),
    quantity: integer('quantity').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cartId, t.productId] }), check('cart_lines_quantity_range', sql`${t.quantity} between 1 and 999`)],
);

export const orders = pgTable(
  'orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** ORD-000123, from order_number_seq (see allocateOrderNumber). */
    number: text('number').notNull().unique(),
    customerId: uuid('customer_id').notNull(),
    status: orderStatus('status').notNull().default('AWAITING_PAYMENT'),
    currency: char('currency', { length: 3 }).notNull(),
    /** Sum of the lines' unit_price_minor * quantity, plus shipping_cost_minor, fixed when the order is placed. */
    totalMinor: bigint('total_minor', { mode: 'bigint' }).notNull(),
    /** The saved address chosen at checkout, copied as users answered it then; null for an order without shipping. */
    shippingAddress: jsonb('shipping_address').$type<AddressRecord>(),
    /** The shipping subgraph's method chosen at checkout. */
    shippingMethodId: uuid('shipping_method_id'),
    /** What shipping quoted for the method, the address's region and the lines, in minor units of currency. */
    shippingCostMinor: bigint('shipping_cost_minor', { mode: 'bigint' }),
    cancellationReason: cancellationReason('cancellation_reason'),
    /** While AWAITING_PAYMENT: when the stock reservation lapses. */
    reservedUntil: timestamp('reserved_until', { withTimezone: true }),
    /** The client's key for placeOrder: the same key from the same customer gives the same order. */
    idempotencyKey: text('idempotency_key').notNull(),
    /** The payment whose capture moved the order to PAID; a capture of any other payment is refunded. */
    paidPaymentId: uuid('paid_payment_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('orders_customer_idempotency_key').on(t.customerId, t.idempotencyKey),
    index('orders_customer_created_idx').on(t.customerId, t.createdAt.desc(), t.id),
    // Query.orders: every order newest first, and the same within one status (the back office's filters).
    index('orders_created_idx').on(t.createdAt.desc(), t.id),
    index('orders_status_created_idx').on(t.status, t.createdAt.desc(), t.id),
    // The expiry sweeper's scan: only unpaid orders, by when their reservation lapses.
    index('orders_awaiting_payment_reserved_until_idx').on(t.reservedUntil).where(sql`${t.status} = 'AWAITING_PAYMENT'`),
    check('orders_total_not_negative', sql`${t.totalMinor} >= 0`),
    // Shipping is all three (address, method, cost) or none.
    check(
      'orders_shipping_all_or_none',
      sql`(${t.shippingAddress} is null) = (${t.shippingMethodId} is null) and (${t.shippingMethodId} is null) = (${t.shippingCostMinor} is null)`,
    ),
    check('orders_shipping_cost_not_negative', sql`${t.shippingCostMinor} >= 0`),
    check('orders_number_format', sql`${t.number} ~ '^ORD-[0-9]{6,}$'`),
    // A reason exactly when cancelled, so history never shows a cancelled order without one.
    check('orders_cancellation_reason_when_cancelled', sql`(${t.status} = 'CANCELLED') = (${t.cancellationReason} is not null)`),
  ],
);

/** Price snapshot of each product at the moment the order was placed. */
export const orderLines = pgTable(
  'order_lines',
  {
    orderId: uuid('order_id').notNull().references(() => orders.id, { onDelete: 'cascade' }),
    lineNo: integer('line_no').notNull(),
    productId: uuid('product_id').notNull(),
    quantity: integer('quantity').notNull(),
    unitPriceMinor: bigint('unit_price_minor', { mode: 'bigint' }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orderId, t.lineNo] }),
    check('order_lines_quantity_range', sql`${t.quantity} between 1 and 999`),
    check('order_lines_unit_price_not_negative', sql`${t.unitPriceMinor} >= 0`),
  ],
);

/** Audit trail: every status an order moved through, who moved it and why. */
export const orderStatusHistory = pgTable(
  'order_status_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id').notNull().references(() => orders.id, { onDelete: 'cascade' }),
    /** Null for the row that records the order's creation. */
    fromStatus: orderStatus('from_status'),
    toStatus: orderStatus('to_status').notNull(),
    reason: text('reason'),
    /** The user who caused the change; null for the system (e.g. expiry). */
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('order_status_history_order_idx').on(t.orderId, t.at)],
);

export type CartRow = typeof carts.$inferSelect;
export type CartLineRow = typeof cartLines.$inferSelect;
export type OrderRow = typeof orders.$inferSelect;
export type OrderLineRow = typeof orderLines.$inferSelect;
export type OrderStatusHistoryRow = typeof orderStatusHistory.$inferSelect;
export type OrderStatus = (typeof orderStatus.enumValues)[number];
export type CancellationReason = (typeof cancellationReason.enumValues)[number];
export const schema = { carts, cartLines, orders, orderLines, orderStatusHistory, outbox, inbox, deadLetters };
export type OrdersSchema = typeof schema;

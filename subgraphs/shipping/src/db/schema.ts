import { sql } from 'drizzle-orm';
import { bigint, check, foreignKey, index, integer, pgEnum, pgSequence, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { deadLetters, inbox, outbox } from '@shop/events';
import { SHIPMENT_STATUSES } from '../contract.js';

// The event tables live in @shop/events; each service migrates its own copy.
export { deadLetters, inbox, outbox };

export const shipmentStatus = pgEnum('shipment_status', SHIPMENT_STATUSES);

/** Feeds the tracking numbers SRV-2026-000001, CRD-2026-000002, … (one sequence for every carrier: unique across them). */
export const trackingNumberSeq = pgSequence('tracking_number_seq', { startWith: 1, minValue: 1 });

/** One carrier's service level, e.g. Servientrega Estándar. */
export const shippingMethods = pgTable(
  'shipping_methods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stable handle for seeds and operators, e.g. servientrega-estandar. */
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    carrier: text('carrier').notNull(),
    /** The carrier's prefix of its tracking numbers, e.g. SRV. */
    trackingPrefix: text('tracking_prefix').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('shipping_methods_tracking_prefix_format', sql`${t.trackingPrefix} ~ '^[A-Z]{2,5}$'`)],
);

/** Regions priced alike, e.g. Bogotá y Cundinamarca, or the remote departments. */
export const shippingZones = pgTable('shipping_zones', {
  /** e.g. CENTRAL, REMOTE. */
  code: text('code').primaryKey(),
  name: text('name').notNull(),
});

/** Which zone each Colombian department is in, by its canonical name (domain/regions.ts names all 33). */
export const regionZones = pgTable('region_zones', {
  region: text('region').primaryKey(),
  zoneCode: text('zone_code')
    .notNull()
    .references(() => shippingZones.code),
});

/**
 * A method serves a zone: how many business days it takes there, and what each kilogram (or part of one) above its
 * heaviest band costs. A zone without a row is not served by the method (REGION_NOT_SERVED).
 */
export const methodZones = pgTable(
  'method_zones',
  {
    methodId: uuid('method_id')
      .notNull()
      .references(() => shippingMethods.id),
    zoneCode: text('zone_code')
      .notNull()
      .references(() => shippingZones.code),
    estimatedDays: integer('estimated_days').notNull(),
    /** Minor units of COP per started kilogram above the heaviest band. */
    extraKgPriceMinor: bigint('extra_kg_price_minor', { mode: 'bigint' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.methodId, t.zoneCode] }),
    check('method_zones_estimated_days_positive', sql`${t.estimatedDays} > 0`),
    check('method_zones_extra_kg_price_non_negative', sql`${t.extraKgPriceMinor} >= 0`),
  ],
);

/** A weight band's price for a method and zone: parcels up to maxWeightGrams (and above the next lighter band) cost priceMinor. */
export const shippingRates = pgTable(
  'shipping_rates',
  {
    methodId: uuid('method_id').notNull(),
    zoneCode: text('zone_code').notNull(),
    maxWeightGrams: integer('max_weight_grams').notNull(),
    priceMinor: bigint('price_minor', { mode: 'bigint' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.methodId, t.zoneCode, t.maxWeightGrams] }),
    foreignKey({ columns: [t.methodId, t.zoneCode], foreignColumns: [methodZones.methodId, methodZones.zoneCode] }).onDelete('cascade'),
    check('shipping_rates_max_weight_positive', sql`${t.maxWeightGrams} > 0`),
    check('shipping_rates_price_non_negative', sql`${t.priceMinor} >= 0`),
  ],
);

/** products' product.changed, projected: each product's packed unit weight (null: not given, priced as 1000 g). */
export const productWeights = pgTable('product_weights', {
  productId: uuid('product_id').primaryKey(),
  weightGrams: integer('weight_grams'),
  /** When products changed it (the event's occurredAt), so an older event never overwrites a newer one; null for the demo seed. */
  changedAt: timestamp('changed_at', { withTimezone: true }),
});

/** A parcel of a paid order; created when its order.status_changed to PAID arrives with a shipping method. */
export const shipments = pgTable(
  'shipments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The orders subgraph's Order id; no foreign key across services. */
    orderId: uuid('order_id').notNull(),
    /** The order's customer, from the event: the shipment's owner. */
    customerId: uuid('customer_id').notNull(),
    methodId: uuid('method_id')
      .notNull()
      .references(() => shippingMethods.id),
    /** The order's shipping snapshot: the region it goes to and what the customer paid for it. */
    region: text('region').notNull(),
    costMinor: bigint('cost_minor', { mode: 'bigint' }).notNull(),
    trackingNumber: text('tracking_number').notNull().unique(),
    status: shipmentStatus('status').notNull().default('LABEL_CREATED'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One label per order and method, however often the PAID event is delivered.
    unique('shipments_order_method_unique').on(t.orderId, t.methodId),
    // Query.shipments: one status (or all), newest first.
    index('shipments_status_created_idx').on(t.status, t.createdAt.desc(), t.id),
    index('shipments_created_idx').on(t.createdAt.desc(), t.id),
    check('shipments_cost_non_negative', sql`${t.costMinor} >= 0`),
  ],
);

/** Audit trail: every status a shipment took (from null at its creation), who moved it (null: the system), when. */
export const shipmentStatusHistory = pgTable(
  'shipment_status_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    shipmentId: uuid('shipment_id')
      .notNull()
      .references(() => shipments.id, { onDelete: 'cascade' }),
    fromStatus: shipmentStatus('from_status'),
    toStatus: shipmentStatus('to_status').notNull(),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('shipment_status_history_shipment_idx').on(t.shipmentId, t.at)],
);

export type ShippingMethodRow = typeof shippingMethods.$inferSelect;
export type ShipmentRow = typeof shipments.$inferSelect;
export type ShipmentStatus = (typeof shipmentStatus.enumValues)[number];

export const schema = { shippingMethods, shippingZones, regionZones, methodZones, shippingRates, productWeights, shipments, shipmentStatusHistory, outbox, inbox, deadLetters };
export type ShippingSchema = typeof schema;

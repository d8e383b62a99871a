import { z } from 'zod';
import { zId, zProductLines } from '@shop/common';
import { defineEvent, type PayloadOf } from '@shop/events';

/** What inventory publishes and serves to other services (docs/architecture.md): callers use these very schemas. */

/** One warehouse's units of the product after the change. */
export const warehouseStock = z.object({ warehouseId: z.uuid(), onHand: z.number().int(), reserved: z.number().int(), available: z.number().int() });
export type WarehouseStock = z.infer<typeof warehouseStock>;

/** Totals over every warehouse after the change, and each warehouse's own figures. */
export const stockChanged = defineEvent({
  source: 'inventory',
  type: 'stock.changed',
  aggregateId: (p) => p.productId,
  schema: z.object({
    productId: z.uuid(),
    onHand: z.number().int(),
    reserved: z.number().int(),
    available: z.number().int(),
    /**
     * Every warehouse holding the product (a stock row), after the change, by warehouse id; read in the transaction
     * that records the event. Optional: events recorded before it was added lack it.
     */
    warehouses: z.array(warehouseStock).optional(),
  }),
});
export type StockChangedPayload = PayloadOf<typeof stockChanged>;

/**
 * Where a reorder of the product should arrive: the WAREHOUSE-kind warehouse holding the most of its units, else any
 * warehouse holding it (a store's); null when none holds a row of it. Optional: events recorded before it lack it.
 */
const restockWarehouseId = z.uuid().nullable().optional();

/**
 * A product's available units fell from above its low-stock threshold to at or below it, and are still above 0
 * (a fall straight to 0 is stock.sold_out only); also when a seller raises the threshold over the units available.
 * Once per crossing: it fires again only after available has risen above the threshold and falls again.
 */
export const stockLow = defineEvent({
  source: 'inventory',
  type: 'stock.low',
  aggregateId: (p) => p.productId,
  schema: z.object({
    productId: z.uuid(),
    sellerId: z.uuid(),
    available: z.number().int().positive(),
    threshold: z.number().int().nonnegative(),
    restockWarehouseId,
  }),
});
export type StockLowPayload = PayloadOf<typeof stockLow>;

/** A product's available units fell from above 0 to 0. Once per crossing: again only after units came back. */
export const stockSoldOut = defineEvent({
  source: 'inventory',
  type: 'stock.sold_out',
  aggregateId: (p) => p.productId,
  schema: z.object({ productId: z.uuid(), sellerId: z.uuid(), restockWarehouseId }),
});
export type StockSoldOutPayload = PayloadOf<typeof stockSoldOut>;

/** A product's available units rose from 0 to above 0 (a restock, a return, a released hold). Once per crossing, paired with stock.sold_out. */
export const stockBackInStock = defineEvent({
  source: 'inventory',
  type: 'stock.back_in_stock',
  aggregateId: (p) => p.productId,
  schema: z.object({ productId: z.uuid(), sellerId: z.uuid(), available: z.number().int().positive() }),
});
export type StockBackInStockPayload = PayloadOf<typeof stockBackInStock>;

/**
 * A counter sale at a seller's STORE (recordStoreSale): its units left the store's stock as SALE movements. Published
 * once per sale, in the transaction that records it; a replayed request publishes nothing. Prices in minor units.
 */
export const storeSaleRecorded = defineEvent({
  source: 'inventory',
  type: 'store_sale.recorded',
  aggregateId: (p) => p.saleId,
  schema: z.object({
    saleId: z.uuid(),
    receiptNumber: z.string(),
    warehouseId: z.uuid(),
    sellerId: z.uuid(),
    cashierId: z.uuid(),
    lines: z.array(z.object({ productId: z.uuid(), quantity: z.number().int().positive(), unitPriceMinor: z.number().int().nonnegative() })).min(1),
    totalMinor: z.number().int().nonnegative(),
    currency: z.string(),
    at: z.iso.datetime({ offset: true }),
  }),
});
export type StoreSaleRecordedPayload = PayloadOf<typeof storeSaleRecorded>;

/** The most a seller may set a product's low-stock threshold to. */
export const MAX_LOW_STOCK_THRESHOLD = 1_000_000;

export const MAX_RESERVATION_QUANTITY = 1_000_000;
export const MAX_RESERVATION_LINES = 100;
/** A batch carries up to this many reservations (orders sends at most 100 orders of 50 lines). */
export const MAX_BATCH_RESERVATIONS = 200;
/** Keeps one batch's reservation_lines insert inside PostgreSQL's 65,535 bind parameters. */
export const MAX_BATCH_LINES = 10_000;

/** The internal reservation API, on inventory's own port (never routed by the gateway). */
export const reservationPaths = {
  reserve: '/internal/reservations',
  reserveBatch: '/internal/reservations/batch',
  release: (reservationId: string) => `/internal/reservations/${encodeURIComponent(reservationId)}/release`,
} as const;

/** One reservation request: the body of POST reserve, and each entry of reserveBatch's { reservations: [...] }. */
export const reserveRequest = z.object({
  reservationId: zId,
  lines: zProductLines(MAX_RESERVATION_QUANTITY, MAX_RESERVATION_LINES),
  expiresAt: z.union([z.date(), z.iso.datetime({ offset: true, message: 'Must be an ISO 8601 date-time.' })]).transform((value) => new Date(value)),
});
export type ReserveRequest = z.input<typeof reserveRequest>;

/** A request line that cannot be held; index is the line's position in the request (its first one, for merged duplicates). */
export const shortLine = z.object({ index: z.number().int(), productId: z.string(), requested: z.number().int(), available: z.number().int() });
export type ShortLine = z.infer<typeof shortLine>;

export const RESERVATION_STATUSES = ['RESERVED', 'RELEASED', 'COMMITTED', 'RETURNED'] as const;

/**
 * One reservation's answer: its status (a replayed id answers its stored one; only RESERVED means the stock is held),
 * OUT_OF_STOCK with the short lines, or, inside a batch, an error for a request that is not valid.
 */
export const reserveAnswer = z.union([
  z.object({ status: z.literal('OUT_OF_STOCK'), shortLines: z.array(shortLine) }),
  z.object({ status: z.enum(RESERVATION_STATUSES) }),
  z.object({ error: z.object({ code: z.string(), message: z.string() }).loose() }),
]);
export type ReserveAnswer = z.infer<typeof reserveAnswer>;
export const reserveBatchAnswer = z.object({ results: z.array(reserveAnswer) });

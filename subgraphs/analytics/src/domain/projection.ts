import type { DomainEvent } from '@shop/events';
import type { SalesChannel } from '../db/schema.js';
import { orderStatusChanged, paymentStatusChanged, productChanged, stockChanged, storeSaleRecorded, type ProductChangedPayload, type StockChangedPayload, type StoreSaleRecordedPayload } from '../events.js';

/** Until a sale's product.changed arrives, sales_daily carries this seller (fixed up when the product's facts come). */
export const UNKNOWN_SELLER = '00000000-0000-0000-0000-000000000000';
export const DEFAULT_CURRENCY = 'COP';

export interface ProductFact {
  productId: string;
  sellerId: string;
  categoryId: string | null;
  name: string;
  priceMinor: number;
  currency: string;
  costPriceMinor: number | null;
  updatedAt: Date;
}

export interface WarehouseLevel {
  warehouseId: string;
  onHand: number;
  reserved: number;
  available: number;
}

export interface OrderLine {
  productId: string;
  quantity: number;
  /** The event's snapshot; filled from the catalog when the sale is counted if the event lacked it. */
  unitPriceMinor: number | null;
}

export interface OrderState {
  orderId: string;
  customerId: string;
  currency: string | null;
  placedAt: Date | null;
  paidAt: Date | null;
  cancelledAfterPaidAt: Date | null;
  refundedAt: Date | null;
  salesCounted: boolean;
  salesTakenBack: boolean;
  /** null until an event carrying lines arrived. */
  lines: OrderLine[] | null;
  refunds: { paymentId: string; at: Date }[];
}

/** One product's part of one order's (or counter sale's) sale (positive) or its reversal (negative). */
export interface SalesEntry {
  /** The order's id, or the counter sale's. */
  orderId: string;
  productId: string;
  kind: 'SALE' | 'REFUND';
  /** null for a counter sale (the shop does not know its customer). */
  customerId: string | null;
  channel: SalesChannel;
  at: Date;
  units: number;
  revenueMinor: number;
  /** +1 for a sale, -1 for its reversal (orders in sales_daily). */
  sign: 1 | -1;
  currency: string;
}

/**
 * Where the projection reads and writes: the database inside a consumer's transaction (one event at a time) or memory
 * flushed in bulk (the seed and rebuild, from empty). The rules below are the same for both.
 */
export interface ProjectionStore {
  product(productId: string): Promise<ProductFact | null>;
  /** Keeps the newer of the stored and the given facts (by updatedAt); sales_daily follows the product's seller and category. */
  putProduct(fact: ProductFact): Promise<void>;
  putStock(eventId: string, productId: string, at: Date, totals: { onHand: number; available: number }, warehouses: WarehouseLevel[] | undefined): Promise<void>;
  order(orderId: string): Promise<OrderState | null>;
  putOrder(order: OrderState, changes: { linesAdded: boolean; refundAdded: { paymentId: string; at: Date } | null }): Promise<void>;
  addSales(entries: SalesEntry[]): Promise<void>;
}

const PAID_STATES = new Set(['PAID', 'SHIPPED', 'DELIVERED']);
const earliest = (a: Date | null, b: Date) => (a && a <= b ? a : b);

/** Applies one consumed event to the read model. Any order of arrival reaches the same state (see settle). */
export async function project(store: ProjectionStore, event: DomainEvent): Promise<void> {
  const at = new Date(event.occurredAt);
  switch (event.type) {
    case productChanged.type: {
      const parsed = productChanged.parse(event);
      if (parsed.ok) await store.putProduct(productFactOf(parsed.payload, at));
      return;
    }
    case stockChanged.type: {
      const parsed = stockChanged.parse(event);
      if (parsed.ok) await projectStock(store, event.id, parsed.payload, at);
      return;
    }
    case orderStatusChanged.type: {
      const parsed = orderStatusChanged.parse(event);
      if (!parsed.ok) return;
      const change = parsed.payload;
      const order = (await store.order(change.orderId)) ?? blankOrder(change.orderId, change.customerId);
      if (change.from === null) order.placedAt = earliest(order.placedAt, at);
      if (change.to === 'PAID') order.paidAt = earliest(order.paidAt, at);
      if (change.to === 'CANCELLED' && change.from !== null && PAID_STATES.has(change.from)) order.cancelledAfterPaidAt = earliest(order.cancelledAfterPaidAt, at);
      order.currency ??= change.total?.currency ?? null;
      const linesAdded = order.lines === null && change.lines.length > 0;
      if (linesAdded) order.lines = change.lines.map((l) => ({ productId: l.productId, quantity: l.quantity, unitPriceMinor: l.unitPriceMinor ?? null }));
      await settle(store, order);
      await store.putOrder(order, { linesAdded, refundAdded: null });
      return;
    }
    case paymentStatusChanged.type: {
      const parsed = paymentStatusChanged.parse(event);
      if (!parsed.ok || parsed.payload.status !== 'REFUNDED') return;
      const payment = parsed.payload;
      const order = (await store.order(payment.orderId)) ?? blankOrder(payment.orderId, payment.customerId);
      order.currency ??= payment.currency;
      const refund = { paymentId: payment.paymentId, at };
      const refundAdded = order.refunds.some((r) => r.paymentId === payment.paymentId) ? null : refund;
      if (refundAdded) order.refunds.push(refund);
      await settle(store, order);
      await store.putOrder(order, { linesAdded: false, refundAdded });
      return;
    }
    case storeSaleRecorded.type: {
      // Paid at the counter: a sale at once, at the prices it was rung up at (the event comes once per sale).
      const parsed = storeSaleRecorded.parse(event);
      if (parsed.ok) await store.addSales(storeSaleEntries(parsed.payload, new Date(parsed.payload.at)));
      return;
    }
  }
}

/** A counter sale's lines merged per product, booked at the sale. */
export function storeSaleEntries(sale: StoreSaleRecordedPayload, at: Date): SalesEntry[] {
  const byProduct = new Map<string, SalesEntry>();
  for (const line of sale.lines) {
    const entry = byProduct.get(line.productId) ?? {
      orderId: sale.saleId, productId: line.productId, kind: 'SALE', customerId: null, channel: 'STORE', at, units: 0, revenueMinor: 0, sign: 1, currency: sale.currency,
    };
    entry.units += line.quantity;
    entry.revenueMinor += line.quantity * line.unitPriceMinor;
    byProduct.set(line.productId, entry);
  }
  return [...byProduct.values()];
}

export const productFactOf = (p: ProductChangedPayload, at: Date): ProductFact => ({
  productId: p.productId,
  sellerId: p.sellerId,
  categoryId: p.categoryId,
  name: p.name,
  priceMinor: p.priceMinor,
  currency: p.currency,
  costPriceMinor: p.costPriceMinor,
  updatedAt: at,
});

function projectStock(store: ProjectionStore, eventId: string, change: StockChangedPayload, at: Date) {
  return store.putStock(eventId, change.productId, at, { onHand: change.onHand, available: change.available }, change.warehouses);
}

const blankOrder = (orderId: string, customerId: string): OrderState => ({
  orderId,
  customerId,
  currency: null,
  placedAt: null,
  paidAt: null,
  cancelledAfterPaidAt: null,
  refundedAt: null,
  salesCounted: false,
  salesTakenBack: false,
  lines: null,
  refunds: [],
});

/**
 * Books what the order's facts so far allow, once each: its sale when it is paid and its lines are known (at the
 * payment), and the reversal when it was cancelled after paying and a refund at or after that cancellation arrived
 * (at the refund). A refund of a duplicate payment (the order stays paid) takes nothing back.
 */
export async function settle(store: ProjectionStore, order: OrderState): Promise<void> {
  if (!order.salesCounted && order.paidAt && order.lines) {
    for (const line of order.lines) {
      if (line.unitPriceMinor === null) line.unitPriceMinor = (await store.product(line.productId))?.priceMinor ?? 0;
    }
    order.currency ??= (await store.product(order.lines[0]!.productId))?.currency ?? DEFAULT_CURRENCY;
    await store.addSales(entriesOf(order, 'SALE', order.paidAt));
    order.salesCounted = true;
  }
  if (order.salesCounted && !order.salesTakenBack && order.cancelledAfterPaidAt) {
    const cancelledAt = order.cancelledAfterPaidAt;
    const refund = order.refunds.filter((r) => r.at >= cancelledAt).sort((a, b) => a.at.getTime() - b.at.getTime())[0];
    if (refund) {
      await store.addSales(entriesOf(order, 'REFUND', refund.at));
      order.salesTakenBack = true;
      order.refundedAt = refund.at;
    }
  }
}

/** The order's lines merged per product, signed by kind. */
function entriesOf(order: OrderState, kind: SalesEntry['kind'], at: Date): SalesEntry[] {
  const sign = kind === 'SALE' ? 1 : -1;
  const byProduct = new Map<string, SalesEntry>();
  for (const line of order.lines ?? []) {
    const entry = byProduct.get(line.productId) ?? {
      orderId: order.orderId, productId: line.productId, kind, customerId: order.customerId, channel: 'WEB', at, units: 0, revenueMinor: 0, sign, currency: order.currency ?? DEFAULT_CURRENCY,
    };
    entry.units += sign * line.quantity;
    entry.revenueMinor += sign * line.quantity * (line.unitPriceMinor ?? 0);
    byProduct.set(line.productId, entry);
  }
  return [...byProduct.values()];
}

// The stores book by the UTC day (domain/days.ts), as sales_daily and the forecasts count.
export { utcDay } from './days.js';

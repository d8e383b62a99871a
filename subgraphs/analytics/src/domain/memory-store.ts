
import type { Transaction } from '@shop/db';
import { orderFacts, orderLines, orderRefunds, productFacts, salesDaily, salesLedger, stockHistory, stockLevels, type AnalyticsSchema } from '../db/schema.js';
import { bulkInsert } from './bulk-insert.js';
import { UNKNOWN_SELLER, utcDay, type OrderState, type ProductFact, type ProjectionStore, type SalesEntry, type WarehouseLevel } from './projection.js';

/**
 * The projection's store for replaying many events into an EMPTY read model (the seed, rebuildAnalytics): everything
 * is kept in memory and written with a few bulk inserts by flush, so a year of history takes seconds.
 */
export class MemoryStore implements ProjectionStore {
  private readonly products = new Map<string, ProductFact>();
  private readonly stock = new Map<string, WarehouseLevel & { productId: string; updatedAt: Date }>();
  private readonly history: { eventId: string; productId: string; at: Date; onHand: number; available: number }[] = [];
  private readonly orders = new Map<string, OrderState>();
  private readonly ledger: SalesEntry[] = [];

  async product(productId: string) {
    return this.products.get(productId) ?? null;
  }

  async putProduct(fact: ProductFact) {
    const stored = this.products.get(fact.productId);
    if (!stored || stored.updatedAt <= fact.updatedAt) this.products.set(fact.productId, fact);
  }

  async putStock(eventId: string, productId: string, at: Date, totals: { onHand: number; available: number }, warehouses: WarehouseLevel[] | undefined) {
    this.history.push({ eventId, productId, at, ...totals });
    for (const w of warehouses ?? []) {
      const key = `${productId}:${w.warehouseId}`;
      const stored = this.stock.get(key);
      if (!stored || stored.updatedAt <= at) this.stock.set(key, { productId, ...w, updatedAt: at });
    }
  }

  async order(orderId: string) {
    return this.orders.get(orderId) ?? null;
  }

  async putOrder(order: OrderState) {
    this.orders.set(order.orderId, order);
  }

  async addSales(entries: SalesEntry[]) {
    this.ledger.push(...entries);
  }

  /** Writes everything into the (empty) read model tables. */
  async flush(tx: Transaction<AnalyticsSchema>): Promise<void> {
    await bulkInsert(tx, productFacts, [...this.products.values()]);
    await bulkInsert(tx, stockLevels, [...this.stock.values()]);
    await bulkInsert(tx, stockHistory, this.history, { onConflictDoNothing: true });
    const orders = [...this.orders.values()];
    await bulkInsert(tx, orderFacts, orders.map(({ lines: _l, refunds: _r, ...facts }) => facts));
    await bulkInsert(tx, orderLines, orders.flatMap((o) => (o.lines ?? []).map((l, lineNo) => ({ orderId: o.orderId, lineNo, ...l }))));
    await bulkInsert(tx, orderRefunds, orders.flatMap((o) => o.refunds.map((r) => ({ orderId: o.orderId, paymentId: r.paymentId, refundedAt: r.at }))));
    await bulkInsert(tx, salesLedger, this.ledger.map(({ sign: _s, ...e }) => e));

    const daily = new Map<string, typeof salesDaily.$inferInsert>();
    for (const e of this.ledger) {
      const day = utcDay(e.at);
      const key = `${day}:${e.productId}`;
      const row = daily.get(key);
      if (row) {
        row.units += e.units;
        row.orders += e.sign;
        row.revenueMinor += e.revenueMinor;
      } else {
        const product = this.products.get(e.productId);
        daily.set(key, { day, productId: e.productId, sellerId: product?.sellerId ?? UNKNOWN_SELLER, categoryId: product?.categoryId ?? null, units: e.units, orders: e.sign, revenueMinor: e.revenueMinor, currency: e.currency });
      }
    }
    await bulkInsert(tx, salesDaily, [...daily.values()]);
  }
}


import type { Transaction } from '@shop/db';
import { orderFacts, orderLines, orderRefunds, productFacts, salesDaily, salesLedger, stockHistory, stockLevels, type AnalyticsSchema } from '../db/schema.js';
import { UNKNOWN_SELLER, utcDay, type OrderState, type ProductFact, type ProjectionStore, type SalesEntry, type WarehouseLevel } from './projection.js';

/** Rows per INSERT: well inside PostgreSQL's 65,535 bind parameters for the widest table here. */
const CHUNK = 2000;

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
    const insertAll = async <T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) => {
      for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
    };
    await insertAll([...this.products.values()], (chunk) => tx.insert(productFacts).values(chunk));
    await insertAll([...this.stock.values()], (chunk) => tx.insert(stockLevels).values(chunk));
    await insertAll(this.history, (chunk) => tx.insert(stockHistory).values(chunk).onConflictDoNothing());
    const orders = [...this.orders.values()];
    await insertAll(orders.map(({ lines: _l, refunds: _r, ...facts }) => facts), (chunk) => tx.insert(orderFacts).values(chunk));
    await insertAll(orders.flatMap((o) => (o.lines ?? []).map((l, lineNo) => ({ orderId: o.orderId, lineNo, ...l }))), (chunk) => tx.insert(orderLines).values(chunk));
    await insertAll(orders.flatMap((o) => o.refunds.map((r) => ({ orderId: o.orderId, paymentId: r.paymentId, refundedAt: r.at }))), (chunk) => tx.insert(orderRefunds).values(chunk));
    await insertAll(this.ledger.map(({ sign: _s, ...e }) => e), (chunk) => tx.insert(salesLedger).values(chunk));

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
    await insertAll([...daily.values()], (chunk) => tx.insert(salesDaily).values(chunk));
  }
}

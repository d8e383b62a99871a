import { eq, sql } from 'drizzle-orm';
import type { Transaction } from '@shop/db';
import { orderFacts, orderLines, orderRefunds, productFacts, salesDaily, salesLedger, stockHistory, stockLevels, type AnalyticsSchema } from '../db/schema.js';
import { UNKNOWN_SELLER, utcDay, type OrderState, type ProductFact, type ProjectionStore, type SalesEntry } from './projection.js';

/** The projection's store inside one consumer transaction: reads and writes a few rows per event. */
export class DbStore implements ProjectionStore {
  constructor(private readonly tx: Transaction<AnalyticsSchema>) {}

  async product(productId: string): Promise<ProductFact | null> {
    const [row] = await this.tx.select().from(productFacts).where(eq(productFacts.productId, productId));
    if (!row) return null;
    return { ...row, name: row.name ?? '', priceMinor: row.priceMinor ?? 0, currency: row.currency ?? 'COP', updatedAt: row.updatedAt ?? new Date(0) };
  }

  async putProduct(fact: ProductFact): Promise<void> {
    const stored = await this.tx
      .insert(productFacts)
      .values(fact)
      .onConflictDoUpdate({
        target: productFacts.productId,
        set: {
          sellerId: sql`excluded.seller_id`, categoryId: sql`excluded.category_id`, name: sql`excluded.name`, priceMinor: sql`excluded.price_minor`,
          currency: sql`excluded.currency`, costPriceMinor: sql`excluded.cost_price_minor`, updatedAt: sql`excluded.updated_at`,
        },
        // An older product.changed delivered late must not undo a newer one.
        setWhere: sql`${productFacts.updatedAt} is null or ${productFacts.updatedAt} <= excluded.updated_at`,
      })
      .returning({ productId: productFacts.productId });
    if (stored.length === 0) return; // an older event: the stored facts stay
    await this.tx.update(salesDaily).set({ sellerId: fact.sellerId, categoryId: fact.categoryId }).where(eq(salesDaily.productId, fact.productId));
  }

  async putStock(eventId: string, productId: string, at: Date, totals: { onHand: number; available: number }, warehouses: { warehouseId: string; onHand: number; reserved: number; available: number }[] | undefined): Promise<void> {
    await this.tx.insert(stockHistory).values({ eventId, productId, at, ...totals }).onConflictDoNothing();
    if (!warehouses?.length) return;
    await this.tx
      .insert(stockLevels)
      .values(warehouses.map((w) => ({ productId, ...w, updatedAt: at })))
      .onConflictDoUpdate({
        target: [stockLevels.productId, stockLevels.warehouseId],
        set: { onHand: sql`excluded.on_hand`, reserved: sql`excluded.reserved`, available: sql`excluded.available`, updatedAt: sql`excluded.updated_at` },
        setWhere: sql`${stockLevels.updatedAt} <= excluded.updated_at`,
      });
  }

  async order(orderId: string): Promise<OrderState | null> {
    // Two events of one order delivered at once would both read it before either writes: one waits for the other.
    await this.tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`analytics:order:${orderId}`}, 0))`);
    const [row] = await this.tx.select().from(orderFacts).where(eq(orderFacts.orderId, orderId)).for('update');
    if (!row) return null;
    const lines = await this.tx.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(orderLines.lineNo);
    const refunds = await this.tx.select().from(orderRefunds).where(eq(orderRefunds.orderId, orderId));
    return {
      ...row,
      lines: lines.length ? lines.map((l) => ({ productId: l.productId, quantity: l.quantity, unitPriceMinor: l.unitPriceMinor })) : null,
      refunds: refunds.map((r) => ({ paymentId: r.paymentId, at: r.refundedAt })),
    };
  }

  async putOrder(order: OrderState, changes: { linesAdded: boolean; refundAdded: { paymentId: string; at: Date } | null }): Promise<void> {
    const { lines: _lines, refunds: _refunds, ...facts } = order;
    await this.tx.insert(orderFacts).values(facts).onConflictDoUpdate({ target: orderFacts.orderId, set: facts });
    if (order.lines && (changes.linesAdded || order.salesCounted)) {
      await this.tx
        .insert(orderLines)
        .values(order.lines.map((l, lineNo) => ({ orderId: order.orderId, lineNo, ...l })))
        .onConflictDoUpdate({ target: [orderLines.orderId, orderLines.lineNo], set: { unitPriceMinor: sql`excluded.unit_price_minor` } });
    }
    if (changes.refundAdded) await this.tx.insert(orderRefunds).values({ orderId: order.orderId, paymentId: changes.refundAdded.paymentId, refundedAt: changes.refundAdded.at }).onConflictDoNothing();
  }

  async addSales(entries: SalesEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.tx.insert(salesLedger).values(entries.map(({ sign: _sign, ...e }) => e));
    for (const entry of entries) {
      const product = await this.product(entry.productId);
      await this.tx
        .insert(salesDaily)
        .values({
          day: utcDay(entry.at), productId: entry.productId, sellerId: product?.sellerId ?? UNKNOWN_SELLER, categoryId: product?.categoryId ?? null,
          units: entry.units, orders: entry.sign, revenueMinor: entry.revenueMinor, currency: entry.currency,
        })
        .onConflictDoUpdate({
          target: [salesDaily.day, salesDaily.productId],
          set: { units: sql`${salesDaily.units} + excluded.units`, orders: sql`${salesDaily.orders} + excluded.orders`, revenueMinor: sql`${salesDaily.revenueMinor} + excluded.revenue_minor` },
        });
    }
  }
}


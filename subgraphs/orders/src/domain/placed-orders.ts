import { and, eq, inArray } from 'drizzle-orm';
import type { Database, Transaction } from '@shop/db';
import { recordEvents } from '@shop/events';
import { coalescingLoader } from '@shop/server';
import { cartLines, carts, orderLines, orders, orderStatusHistory, type OrderRow, type OrdersSchema } from '../db/schema.js';
import { orderStatusChanged } from '../contract.js';
import type { OrderShipping } from './order-shipping.js';
import { orderTotalMinor } from './order-total.js';
import { eventLine, findOrdersByIds, nextOrderNumber, orderFacts } from './orders.js';

type Db = Database<OrdersSchema>;
type Tx = Transaction<OrdersSchema>;

/** A line priced from the catalog at placement. */
export interface PricedLine {
  productId: string;
  quantity: number;
  unitPriceMinor: bigint;
  currency: string;
}

/** An order ready to be written: its lines priced and its stock held. */
export interface NewOrder {
  orderId: string;
  customerId: string;
  idempotencyKey: string;
  reservedUntil: Date;
  lines: PricedLine[];
  /** The address, method and cost quoted at checkout; null for an order without shipping. */
  shipping: OrderShipping | null;
  fromCart: boolean;
}

/** Orders per write transaction: 50 orders of up to 50 lines stay well inside PostgreSQL's 65,535 parameters. */
const WRITE_BATCH = { maxBatchSize: 50 };
const LOOKUP_BATCH = { maxBatchSize: 500 };

/**
 * Where placeOrder reads and writes its orders, as group commit: concurrent placements look their ids up in one
 * query and write their orders in one transaction (see coalescingLoader). If a batch's transaction fails, for
 * example because a twin placed elsewhere took an id first, its orders are written again one by one, so each
 * placement gets its own outcome and one conflict never fails the others.
 */
export class PlacedOrders {
  private readonly lookups = coalescingLoader<string, OrderRow | null>(async (ids) => {
    const found = new Map((await findOrdersByIds(this.db, ids)).map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  }, LOOKUP_BATCH);
  private readonly writes = coalescingLoader<NewOrder, OrderRow>((batch) => this.writeBatch(batch), WRITE_BATCH);

  constructor(readonly db: Db) {}

  async find(orderId: string): Promise<OrderRow | undefined> {
    return (await this.lookups.load(orderId)) ?? undefined;
  }

  /** Writes the order, its lines, its history, its cart clean-up and its order.status_changed event, all or nothing. */
  insert(order: NewOrder): Promise<OrderRow> {
    return this.writes.load(order);
  }

  private async writeBatch(batch: readonly NewOrder[]): Promise<(OrderRow | Error)[]> {
    // Twins (the same customer and key) in one batch are one order: the first one's.
    const distinct = new Map<string, NewOrder>();
    for (const order of batch) if (!distinct.has(order.orderId)) distinct.set(order.orderId, order);
    const written = new Map<string, OrderRow | Error>();
    try {
      for (const row of await this.db.transaction((tx) => writeOrders(tx, [...distinct.values()]))) written.set(row.id, row);
    } catch (error) {
      if (distinct.size === 1) return batch.map(() => asError(error));
      await Promise.all(
        [...distinct.values()].map((order) =>
          this.db.transaction((tx) => writeOrders(tx, [order])).then(
            ([row]) => written.set(order.orderId, row!),
            (e: unknown) => written.set(order.orderId, asError(e)),
          ),
        ),
      );
    }
    return batch.map((order) => written.get(order.orderId) ?? new Error(`order ${order.orderId} was not written`));
  }
}

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

async function writeOrders(tx: Tx, placed: readonly NewOrder[]): Promise<OrderRow[]> {
  // In id order, so two batches that share an id (twins) claim their ids in the same order.
  const sorted = [...placed].sort((a, b) => (a.orderId < b.orderId ? -1 : 1));
  // Nothing below reads what another statement wrote: sent together, they cost one round trip to the database.
  const [rows] = await Promise.all([
    tx
      .insert(orders)
      .values(
        sorted.map((o) => ({
          id: o.orderId,
          number: nextOrderNumber,
          customerId: o.customerId,
          status: 'AWAITING_PAYMENT' as const,
          currency: o.lines[0]!.currency,
          totalMinor: orderTotalMinor(o.lines, o.shipping?.costMinor ?? null),
          shippingAddress: o.shipping?.address ?? null,
          shippingMethodId: o.shipping?.methodId ?? null,
          shippingCostMinor: o.shipping?.costMinor ?? null,
          reservedUntil: o.reservedUntil,
          idempotencyKey: o.idempotencyKey,
        })),
      )
      .returning(),
    tx.insert(orderLines).values(sorted.flatMap((o) => o.lines.map((l, i) => ({ orderId: o.orderId, lineNo: i + 1, productId: l.productId, quantity: l.quantity, unitPriceMinor: l.unitPriceMinor, currency: l.currency })))),
    tx.insert(orderStatusHistory).values(sorted.map((o) => ({ orderId: o.orderId, fromStatus: null, toStatus: 'AWAITING_PAYMENT' as const, reason: 'PLACED', actorId: o.customerId }))),
    // Only what was ordered leaves the cart: a product added meanwhile stays for the next order.
    ...sorted.filter((o) => o.fromCart).map((o) => emptyCartOf(tx, o.customerId, o.lines.map((l) => l.productId))),
  ]);
  // After the insert: the events carry the numbers the sequence gave (one more statement per batch, not per order).
  await recordEvents(
    tx,
    rows.map((row) => orderStatusChanged.create({ ...orderFacts(row), from: null, to: 'AWAITING_PAYMENT', reason: null, lines: sorted.find((o) => o.orderId === row.id)!.lines.map(eventLine) })),
  );
  return rows;
}

async function emptyCartOf(tx: Tx, customerId: string, productIds: string[]): Promise<void> {
  const cartOfCustomer = tx.select({ id: carts.id }).from(carts).where(eq(carts.customerId, customerId));
  await Promise.all([
    tx.delete(cartLines).where(and(inArray(cartLines.cartId, cartOfCustomer), inArray(cartLines.productId, productIds))),
    tx.update(carts).set({ updatedAt: new Date() }).where(eq(carts.customerId, customerId)),
  ]);
}

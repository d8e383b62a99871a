import { count, sql } from 'drizzle-orm';
import { demo } from '@shop/demo-store';
import type { Database } from '@shop/db';
import { orderLines, orders, orderStatusHistory, type OrdersSchema } from '../db/schema.js';

/** Seeds the demo customer's past (paid) order once; the order number sequence then continues after it. */
export async function seedDemoOrders(db: Database<OrdersSchema>): Promise<boolean> {
  const [{ existing } = { existing: 0 }] = await db.select({ existing: count() }).from(orders);
  if (existing > 0) return false;
  const past = demo.pastOrder;
  await db.transaction(async (tx) => {
    await tx.insert(orders).values({
      id: past.id,
      number: past.number,
      customerId: past.customerId,
      status: past.status,
      currency: past.currency,
      totalMinor: demo.pastOrderTotalMinor,
      idempotencyKey: 'demo-past-order',
      createdAt: past.createdAt,
      updatedAt: past.createdAt,
    });
    await tx.insert(orderLines).values(
      past.lines.map((line, i) => ({ orderId: past.id, lineNo: i + 1, productId: line.productId, quantity: line.quantity, unitPriceMinor: line.unitPriceMinor, currency: past.currency })),
    );
    await tx.insert(orderStatusHistory).values([
      { orderId: past.id, fromStatus: null, toStatus: 'AWAITING_PAYMENT', reason: 'PLACED', actorId: past.customerId, at: past.createdAt },
      { orderId: past.id, fromStatus: 'AWAITING_PAYMENT', toStatus: 'PAID', reason: 'PAYMENT_CAPTURED', actorId: null, at: new Date(past.createdAt.getTime() + 60_000) },
    ]);
    const seededNumber = Number(past.number.replace('ORD-', ''));
    await tx.execute(sql`select setval('order_number_seq', greatest(${seededNumber}, (select last_value from order_number_seq)))`);
  });
  return true;
}

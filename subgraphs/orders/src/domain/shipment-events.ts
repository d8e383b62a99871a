import { eq } from 'drizzle-orm';
import { createLogger } from '@shop/common';
import type { Transaction } from '@shop/db';
import type { ShipmentStatusChangedPayload } from '@shop/shipping/contract';
import { orders, type OrdersSchema, type OrderStatus } from '../db/schema.js';
import { transitionOrder } from './transitions.js';

const logger = createLogger('orders.shipment-events');

/** The order statuses a shipment's status stands for; a shipment only ever moves its order forward. */
const orderStatusFor: Partial<Record<ShipmentStatusChangedPayload['to'], OrderStatus>> = { IN_TRANSIT: 'SHIPPED', DELIVERED: 'DELIVERED' };

/** Which of the two moves are still ahead of an order in each status, in order. */
const stepsFrom: Partial<Record<OrderStatus, readonly OrderStatus[]>> = { PAID: ['SHIPPED', 'DELIVERED'], SHIPPED: ['DELIVERED'] };

/** Only these change anything: a new label (LABEL_CREATED) leaves the order PAID. */
export const movesOrder = (shipment: ShipmentStatusChangedPayload): boolean => orderStatusFor[shipment.to] !== undefined;

/**
 * The effect of shipment.status_changed, inside handleOnce's transaction: IN_TRANSIT ships a PAID order; DELIVERED
 * delivers a SHIPPED one, or a PAID one through SHIPPED first (the in-transit event was missed or comes late). Each
 * step is the state machine's own transition (history reason SHIPPED or DELIVERED, by the system, with its
 * order.status_changed). An order already there or beyond (a late or repeated event), or cancelled, is left as it is.
 */
export async function applyShipmentStatusChanged(tx: Transaction<OrdersSchema>, shipment: ShipmentStatusChangedPayload): Promise<void> {
  const target = orderStatusFor[shipment.to];
  if (!target) return;
  const [order] = await tx.select({ status: orders.status }).from(orders).where(eq(orders.id, shipment.orderId)).for('update');
  if (!order) {
    logger.error({ orderId: shipment.orderId, shipmentId: shipment.shipmentId }, 'a shipment moved for an unknown order');
    return;
  }
  if (order.status === 'CANCELLED' || order.status === 'AWAITING_PAYMENT') {
    // Shipping labels only paid orders: an operator must look at a parcel moving for an order that is not.
    logger.warn({ orderId: shipment.orderId, shipmentId: shipment.shipmentId, status: order.status, shipment: shipment.to }, 'a shipment moved for an order that is not paid; left as it is');
    return;
  }
  const ahead = stepsFrom[order.status] ?? [];
  for (const to of ahead.slice(0, ahead.indexOf(target) + 1)) {
    const moved = await transitionOrder(tx, shipment.orderId, to, { reason: to === 'SHIPPED' ? 'SHIPPED' : 'DELIVERED', actorId: null });
    // The row is locked, so the table's own refusal here would be a bug, not a race.
    if (!moved.ok) throw new Error(`order ${shipment.orderId}: ${moved.errors.map((e) => e.message).join('; ')}`);
  }
}

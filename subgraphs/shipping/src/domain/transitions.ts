import { and, eq } from 'drizzle-orm';
import type { Transaction } from '@shop/db';
import { recordEvents } from '@shop/events';
import { shipmentStatusChanged } from '../contract.js';
import { shipments, shipmentStatusHistory, type ShipmentRow, type ShipmentStatus, type ShippingSchema } from '../db/schema.js';

/** The shipment state machine: the only changes code may make, and the table the tests walk. DELIVERED is final. */
export const shipmentTransitions: Readonly<Record<ShipmentStatus, readonly ShipmentStatus[]>> = {
  LABEL_CREATED: ['IN_TRANSIT'],
  IN_TRANSIT: ['DELIVERED'],
  DELIVERED: [],
};

export const canTransition = (from: ShipmentStatus, to: ShipmentStatus): boolean => shipmentTransitions[from].includes(to);

/** The event of a shipment's status change (from null: it was just created). */
export const statusChangedEvent = (shipment: ShipmentRow, from: ShipmentStatus | null) =>
  shipmentStatusChanged.create({
    shipmentId: shipment.id,
    orderId: shipment.orderId,
    customerId: shipment.customerId,
    methodId: shipment.methodId,
    trackingNumber: shipment.trackingNumber,
    from,
    to: shipment.status,
  });

/**
 * Moves a shipment from the status the caller read to `to`, if the table allows it; null when it does not, or when
 * another request changed the status first (the UPDATE is conditional on it, so of two racing replicas one wins).
 * The history row and shipment.status_changed commit with the change, in the caller's transaction.
 */
export async function transitionShipment(tx: Transaction<ShippingSchema>, shipment: Pick<ShipmentRow, 'id' | 'status'>, to: ShipmentStatus, actorId: string | null): Promise<ShipmentRow | null> {
  const from = shipment.status;
  if (!canTransition(from, to)) return null;
  const [changed] = await tx
    .update(shipments)
    .set({ status: to, updatedAt: new Date() })
    .where(and(eq(shipments.id, shipment.id), eq(shipments.status, from)))
    .returning();
  if (!changed) return null;
  await tx.insert(shipmentStatusHistory).values({ shipmentId: changed.id, fromStatus: from, toStatus: to, actorId });
  await recordEvents(tx, [statusChangedEvent(changed, from)]);
  return changed;
}

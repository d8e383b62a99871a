import { asc, count, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Database, Transaction } from '@shop/db';
import { recordEvents } from '@shop/events';
import { shipments, shipmentStatusHistory, shippingMethods, type ShipmentRow, type ShipmentStatus, type ShippingSchema } from '../db/schema.js';
import { ShippingErrorCode } from '../errors.js';
import { canTransition, statusChangedEvent, transitionShipment } from './transitions.js';

type Db = Database<ShippingSchema>;

/** Query.shipments answers at most this many. */
export const MAX_LISTED_SHIPMENTS = 100;

/** What orders snapshotted on a paid order: the method the customer chose, what it cost, where it goes. */
export interface PaidOrder {
  orderId: string;
  customerId: string;
  shipping: { methodId: string; costMinor: number; region: string };
}

/** SRV-2026-000123: the carrier's prefix, the year, a number from tracking_number_seq (never reused; wider past 999999). */
const trackingNumber = (prefix: string, year: number) =>
  sql<string>`(select ${prefix} || '-' || ${String(year)} || '-' || lpad(n::text, greatest(6, length(n::text)), '0') from (select nextval('tracking_number_seq') as n) as next)`;

/**
 * The label of a paid order's parcel: one shipment LABEL_CREATED (with its history row and shipment.status_changed
 * from null), once per order and method however often this runs (the unique key; the inbox already stops replays).
 * UNKNOWN_METHOD: orders quoted a method shipping does not have (a bug upstream), so there is nothing to carry it.
 */
export async function createShipment(tx: Transaction<ShippingSchema>, order: PaidOrder, at: Date): Promise<{ status: 'CREATED'; shipment: ShipmentRow } | { status: 'EXISTS' | 'UNKNOWN_METHOD' }> {
  const [method] = await tx.select().from(shippingMethods).where(eq(shippingMethods.id, order.shipping.methodId));
  if (!method) return { status: 'UNKNOWN_METHOD' };
  const [created] = await tx
    .insert(shipments)
    .values({
      orderId: order.orderId,
      customerId: order.customerId,
      methodId: method.id,
      region: order.shipping.region,
      costMinor: BigInt(order.shipping.costMinor),
      trackingNumber: trackingNumber(method.trackingPrefix, at.getUTCFullYear()),
      status: 'LABEL_CREATED',
      createdAt: at,
      updatedAt: at,
    })
    .onConflictDoNothing({ target: [shipments.orderId, shipments.methodId] })
    .returning();
  if (!created) return { status: 'EXISTS' };
  await tx.insert(shipmentStatusHistory).values({ shipmentId: created.id, fromStatus: null, toStatus: created.status, actorId: null, at });
  await recordEvents(tx, [statusChangedEvent(created, null)]);
  return { status: 'CREATED', shipment: created };
}

export type AdvanceOutcome = { ok: true; moved: boolean } | { ok: false; code: typeof ShippingErrorCode.NotFound | typeof ShippingErrorCode.InvalidTransition; message: string };

const invalidTransition = (from: ShipmentStatus, to: ShipmentStatus): AdvanceOutcome => ({
  ok: false,
  code: ShippingErrorCode.InvalidTransition,
  message: `A shipment cannot go from ${from} to ${to}: LABEL_CREATED -> IN_TRANSIT -> DELIVERED.`,
});

/**
 * An admin or a carrier integration moves a shipment along the table. Asking for the status it already has changes
 * nothing and is not an error (carriers repeat their scans). actorId is null for a service.
 */
export async function advanceShipment(db: Db, id: string, to: ShipmentStatus, actorId: string | null): Promise<AdvanceOutcome> {
  return db.transaction(async (tx) => {
    const [shipment] = await tx.select().from(shipments).where(eq(shipments.id, id));
    if (!shipment) return { ok: false, code: ShippingErrorCode.NotFound, message: `No shipment has the id ${id}.` };
    if (shipment.status === to) return { ok: true, moved: false };
    if (!canTransition(shipment.status, to)) return invalidTransition(shipment.status, to);
    if (await transitionShipment(tx, shipment, to, actorId)) return { ok: true, moved: true };
    // Another request moved it between our read and our update: to the same status is the repeat above, else refused.
    const [now] = await tx.select({ status: shipments.status }).from(shipments).where(eq(shipments.id, id));
    return now?.status === to ? { ok: true, moved: false } : invalidTransition(now?.status ?? shipment.status, to);
  });
}

/** The admins' list: newest first, at most MAX_LISTED_SHIPMENTS, of one status or all. */
export const listShipments = (db: Db, status: ShipmentStatus | null): Promise<ShipmentRow[]> =>
  db
    .select()
    .from(shipments)
    .where(status ? eq(shipments.status, status) : undefined)
    .orderBy(desc(shipments.createdAt), desc(shipments.id))
    .limit(MAX_LISTED_SHIPMENTS);

export const findShipmentsByIds = (db: Db, ids: readonly string[]): Promise<ShipmentRow[]> => db.select().from(shipments).where(inArray(shipments.id, [...ids]));

/** Orders' parcels, each order's oldest first. */
export const findShipmentsByOrders = (db: Db, orderIds: readonly string[]): Promise<ShipmentRow[]> =>
  db.select().from(shipments).where(inArray(shipments.orderId, [...orderIds])).orderBy(asc(shipments.createdAt), asc(shipments.id));

/** Parcels not DELIVERED yet: what carriers still hold or have not picked up. */
export async function countUndelivered(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(shipments).where(ne(shipments.status, 'DELIVERED'));
  return row?.n ?? 0;
}

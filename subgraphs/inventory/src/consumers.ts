import { createLogger } from '@shop/common';
import type { Database, Transaction } from '@shop/db';
import { handleOnce, type DomainEvent, type EventBus, type Unsubscribe } from '@shop/events';
import type { InventorySchema } from './db/schema.js';
import { commit, release, returnStock, type LifecycleOutcome } from './domain/reservation-lifecycle.js';
import { INVENTORY, ORDER_STATUS_CHANGED, orderStatusChangedPayload, type OrderStatusChangedPayload } from './events.js';

const logger = createLogger('inventory-consumers');

type Effect = (tx: Transaction<InventorySchema>, reservationId: string) => Promise<LifecycleOutcome>;

/** What an order's status change means for its reservation (docs/architecture.md); null: nothing to do. */
export function reservationEffectOf(change: Pick<OrderStatusChangedPayload, 'from' | 'to'>): Effect | null {
  if (change.to === 'PAID') return commit;
  if (change.to === 'CANCELLED' && change.from === 'AWAITING_PAYMENT') return release;
  if (change.to === 'CANCELLED' && change.from === 'PAID') return returnStock;
  return null;
}

/** Applies one order.status_changed exactly once (inbox row and effect in one transaction); returns whether it ran. */
export async function handleOrderStatusChanged(db: Database<InventorySchema>, event: DomainEvent): Promise<boolean> {
  const parsed = orderStatusChangedPayload.safeParse(event.payload);
  if (!parsed.success) {
    // Redelivering a malformed event cannot fix it: log and acknowledge.
    logger.error({ eventId: event.id, issues: parsed.error.issues }, 'ignoring a malformed order.status_changed');
    return false;
  }
  const effect = reservationEffectOf(parsed.data);
  if (!effect) return false;
  return handleOnce(db, INVENTORY, event, async (tx) => {
    await effect(tx as Transaction<InventorySchema>, parsed.data.orderId);
  });
}

/** Subscribes inventory's consumers; afterEffect runs after a transaction that may have recorded events (poke the relay). */
export function startInventoryConsumers(db: Database<InventorySchema>, bus: EventBus, afterEffect: () => void): Promise<Unsubscribe> {
  return bus.consume(INVENTORY, [ORDER_STATUS_CHANGED], async (event) => {
    if (await handleOrderStatusChanged(db, event)) afterEffect();
  });
}

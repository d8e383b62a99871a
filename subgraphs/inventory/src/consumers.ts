import { createLogger } from '@shop/common';
import type { Database, Transaction } from '@shop/db';
import type { DomainEvent } from '@shop/events';
import { applyEvent, consumerFor, consumersByType } from '@shop/kernel';
import { orderStatusChanged, type OrderStatusChangedPayload } from '@shop/orders/contract';
import { reorderReceived } from '@shop/purchasing/contract';
import type { InventorySchema } from './db/schema.js';
import { receiveReorder } from './domain/reorder-receipt.js';
import { commit, release, returnStock, type LifecycleOutcome } from './domain/reservation-lifecycle.js';

type Effect = (tx: Transaction<InventorySchema>, reservationId: string) => Promise<LifecycleOutcome>;

/** What an order's status change means for its reservation (docs/architecture.md); null: nothing to do. */
export function reservationEffectOf(change: Pick<OrderStatusChangedPayload, 'from' | 'to'>): Effect | null {
  if (change.to === 'PAID') return commit;
  if (change.to === 'CANCELLED' && change.from === 'AWAITING_PAYMENT') return release;
  if (change.to === 'CANCELLED' && change.from === 'PAID') return returnStock;
  return null;
}

/** inventory's queue: an order's status moves its reservation (the reservation id is the order id); a received reorder restocks. */
export const inventoryConsumers = [
  consumerFor<unknown, InventorySchema>()(orderStatusChanged, {
    wants: (change) => reservationEffectOf(change) !== null,
    handle: async (tx, change) => void (await reservationEffectOf(change)!(tx, change.orderId)),
  }),
  consumerFor<unknown, InventorySchema>()(reorderReceived, { handle: async (tx, received) => void (await receiveReorder(tx, received)) }),
];

const target = (db: Database<InventorySchema>) => ({ name: 'inventory', db, logger: createLogger('inventory'), services: undefined, byType: consumersByType(inventoryConsumers) });

/** Applies one order.status_changed as the queue's consumer does; returns whether it had an effect (tests). */
export const handleOrderStatusChanged = async (db: Database<InventorySchema>, event: DomainEvent): Promise<boolean> => (await applyEvent(target(db), event)) === 'applied';

/** Applies any event of inventory's queue as its consumer does (through the inbox); returns whether it was applied (tests). */
export const handleEvent = async (db: Database<InventorySchema>, event: DomainEvent): Promise<boolean> => (await applyEvent(target(db), event)) === 'applied';

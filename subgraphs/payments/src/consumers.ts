import { zId, type Logger } from '@shop/common';
import type { Database } from '@shop/db';
import { handleOnce, type DomainEvent, type EventBus, type Unsubscribe } from '@shop/events';
import type { PaymentsSchema } from './db/schema.js';
import { findCapturedPayment, refundPayment } from './domain/refund.js';
import { EventType, type OrderRefundRequestedPayload, type OrderStatusChangedPayload } from './events.js';
import type { PaymentProvider } from './provider/payment-provider.js';

export const CONSUMER = 'payments';

export interface ConsumerDeps {
  db: Database<PaymentsSchema>;
  bus: EventBus;
  provider: PaymentProvider;
  logger: Logger;
  onEvents?: () => void;
}

/**
 * Refunds on the orders subgraph's say-so: an order cancelled after it was PAID, or a payment captured for an order
 * that no longer awaited payment. Each event has its effect once (handleOnce's inbox); a provider failure throws, the
 * transaction rolls back (inbox row included) and the bus delivers the event again.
 */
export async function registerConsumers(deps: ConsumerDeps): Promise<Unsubscribe> {
  return deps.bus.consume(CONSUMER, [EventType.OrderStatusChanged, EventType.OrderRefundRequested], (event) => handle(deps, event));
}

/** Only an order cancelled after it was PAID asks payments for anything; every other status change is passed over. */
function mayRefund(event: DomainEvent): boolean {
  if (event.type !== EventType.OrderStatusChanged) return true;
  const { from, to } = event.payload as unknown as OrderStatusChangedPayload;
  return from === 'PAID' && to === 'CANCELLED';
}

async function handle(deps: ConsumerDeps, event: DomainEvent): Promise<void> {
  // An event without an effect needs no inbox row: passing it over twice is still passing it over once.
  if (!mayRefund(event)) return;
  let refunded = false;
  await handleOnce(deps.db, CONSUMER, event, async (tx) => {
    if (event.type === EventType.OrderStatusChanged) {
      const payload = event.payload as unknown as OrderStatusChangedPayload;
      if (!zId.safeParse(payload.orderId).success) return;
      const paymentId = await findCapturedPayment(tx, payload.orderId);
      if (paymentId) refunded = await refundPayment(tx, deps.provider, paymentId);
    } else if (event.type === EventType.OrderRefundRequested) {
      const payload = event.payload as unknown as OrderRefundRequestedPayload;
      // A malformed id would fail the query on every redelivery; there is nothing to refund.
      if (zId.safeParse(payload.paymentId).success) refunded = await refundPayment(tx, deps.provider, payload.paymentId);
    }
  });
  if (refunded) {
    deps.logger.info({ eventId: event.id, type: event.type, orderId: (event.payload as { orderId?: string }).orderId }, 'payment refunded');
    deps.onEvents?.();
  }
}

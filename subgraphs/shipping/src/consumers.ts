import { consumerFor } from '@shop/kernel';
import { orderStatusChanged } from '@shop/orders/contract';
import { productChanged } from '@shop/products/contract';
import type { ShippingSchema } from './db/schema.js';
import { createShipment } from './domain/shipments.js';
import { applyProductWeight } from './domain/weights.js';
import type { ShippingServices } from './graphql/context.js';

const consume = consumerFor<Pick<ShippingServices, 'logger'>, ShippingSchema>();

/**
 * Products' weights (for quotes), and paid orders with a shipping method (each gets its label). Each applied once
 * (the inbox); an order paid without a shipping method, or any other status, needs nothing here.
 */
export const shippingConsumers = [
  consume(productChanged, { handle: (tx, product, event) => applyProductWeight(tx, product, new Date(event.occurredAt)) }),
  consume(orderStatusChanged, {
    wants: (change) => change.to === 'PAID' && change.shipping != null,
    handle: async (tx, change, event, { logger }) => {
      const shipping = change.shipping!;
      const outcome = await createShipment(tx, { orderId: change.orderId, customerId: change.customerId, shipping }, new Date(event.occurredAt));
      // Redelivering cannot teach shipping the method: logged for an operator, and the event is done.
      if (outcome.status === 'UNKNOWN_METHOD') logger.error({ orderId: change.orderId, methodId: shipping.methodId }, 'paid order names a shipping method shipping does not have; no shipment created');
    },
  }),
];

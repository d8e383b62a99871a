import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { isOwnerOrAdmin } from '@shop/auth';
import { forbidden, parseArgs, zId } from '@shop/common';
import { eventIterator, type DomainEvent } from '@shop/events';
import type { OrderRow, OrderStatus } from '../db/schema.js';
import { findOrdersByIds } from '../domain/orders.js';
import { orderStatusChanged, type OrderStatusChangedPayload } from '../contract.js';
import type { SubscriptionResolvers } from './__generated__/resolvers-types.js';
import type { OrdersContext } from './context.js';

const orderStatusChangedArgs = z.object({ orderId: zId });

/** What one order.status_changed event hands to resolve. */
interface OrderChange {
  orderId: string;
  to: OrderStatus;
}

const changeOf = (event: DomainEvent): OrderChange => {
  const { orderId, to } = event.payload as OrderStatusChangedPayload;
  return { orderId, to };
};

/**
 * Read fresh, not through the loaders: this context lives as long as the subscription and would cache the first
 * read (the order's history is dropped from its loader for the same reason). The status is the event's, so each event
 * reports the change it stands for even if a later one committed.
 */
async function orderAtChange(change: OrderChange, _args: unknown, ctx: OrdersContext): Promise<OrderRow> {
  const [order] = await findOrdersByIds(ctx.db, [change.orderId]);
  if (!order) throw new Error(`order ${change.orderId} of an order.status_changed event is missing`);
  ctx.loaders.historyByOrderId.clear(change.orderId);
  return { ...order, status: change.to };
}

export const subscriptionResolvers: SubscriptionResolvers = {
  orderStatusChanged: {
    // Checked once, when the subscription starts: an order's customer never changes.
    subscribe: async (_root, args, ctx) => {
      const { orderId } = parseArgs(orderStatusChangedArgs, args);
      const [order] = await findOrdersByIds(ctx.db, [orderId]);
      if (!order) throw new GraphQLError('No order with this id.', { extensions: { code: 'NOT_FOUND' } });
      // @authenticated let a viewer in; whose order this is needs the order itself.
      if (!isOwnerOrAdmin(ctx.viewer, null, order.customerId)) throw forbidden('Only the customer who placed this order or an admin can follow it.');
      return eventIterator(ctx.bus, [orderStatusChanged.type], (event) => (event.payload as OrderStatusChangedPayload).orderId === orderId, changeOf);
    },
    resolve: orderAtChange,
  },
  orderUpdates: {
    // @requiresRole(roles: [ADMIN]) admitted the viewer; every placement (from null) and change of any order follows.
    subscribe: (_root, _args, ctx) => eventIterator(ctx.bus, [orderStatusChanged.type], () => true, changeOf),
    resolve: orderAtChange,
  },
};

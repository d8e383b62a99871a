import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { isOwnerOrAdmin } from '@shop/auth';
import { forbidden, parseArgs, zId } from '@shop/common';
import { eventIterator } from '@shop/events';
import { SubgraphUnavailableError } from '@shop/server';
import type { PaymentRow, PaymentStatus } from '../db/schema.js';
import { findPaymentsByIds } from '../domain/payments.js';
import { paymentStatusChanged, type PaymentStatusChangedPayload } from '../contract.js';
import type { OrderDirectory, OrderToPay } from '../order-directory.js';
import type { SubscriptionResolvers } from './__generated__/resolvers-types.js';
import type { PaymentsContext } from './context.js';

const paymentStatusChangedArgs = z.object({ orderId: zId });

/** What one payment.status_changed event hands to resolve. */
interface PaymentChange {
  paymentId: string;
  status: PaymentStatus;
  failureReason: string | null;
}

/** The order as orders knows it now: payments may not have seen it yet (the customer follows it before paying). */
async function orderOf(orders: OrderDirectory, orderId: string): Promise<OrderToPay | null> {
  try {
    return await orders.findOrder(orderId);
  } catch (error) {
    if (error instanceof SubgraphUnavailableError) throw new GraphQLError('Orders are not answering; subscribe again shortly.', { extensions: { code: 'SERVICE_UNAVAILABLE' } });
    throw error;
  }
}

export const subscriptionResolvers: SubscriptionResolvers = {
  paymentStatusChanged: {
    // Checked once, when the subscription starts: an order's customer never changes.
    subscribe: async (_root, args, ctx) => {
      const { orderId } = parseArgs(paymentStatusChangedArgs, args);
      const order = await orderOf(ctx.services.orders, orderId);
      if (!order) throw new GraphQLError('No order with this id.', { extensions: { code: 'NOT_FOUND' } });
      // @authenticated let a viewer in; whose order this is needs the order itself (from orders).
      if (!isOwnerOrAdmin(ctx.viewer, null, order.customer.id)) throw forbidden("Only the order's customer or an admin can follow its payments.");
      return eventIterator(
        ctx.services.bus,
        [paymentStatusChanged.type],
        (event) => (event.payload as PaymentStatusChangedPayload).orderId === orderId,
        (event): PaymentChange => {
          const { paymentId, status, failureReason } = event.payload as PaymentStatusChangedPayload;
          return { paymentId, status, failureReason };
        },
      );
    },
    // Read fresh, not through the loaders: this context lives as long as the subscription and would cache the first
    // read. Status and failure reason are the event's, so PENDING is reported as PENDING even if AUTHORIZED committed since.
    resolve: async (change: PaymentChange, _args: unknown, ctx: PaymentsContext): Promise<PaymentRow> => {
      const [payment] = await findPaymentsByIds(ctx.db, [change.paymentId]);
      if (!payment) throw new Error(`payment ${change.paymentId} of a payment.status_changed event is missing`);
      return { ...payment, status: change.status, failureReason: change.failureReason };
    },
  },
};

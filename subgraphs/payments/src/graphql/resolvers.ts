import { money, zId } from '@shop/common';
import type { Resolvers } from './__generated__/resolvers-types.js';
import { orderReference } from './references.js';
import { subscriptionResolvers } from './subscriptions.js';

const iso = (date: Date) => date.toISOString();

export const resolvers: Resolvers = {
  Mutation: {
    payOrder: async (_root, { input }, ctx) => {
      // @authenticated; whose order it is, the domain asks orders.
      const result = await ctx.services.payOrder(ctx.viewer!, input);
      return result.ok ? { payment: result.value, errors: [] } : { payment: null, errors: result.errors };
    },
  },
  Subscription: subscriptionResolvers,
  // Payment is @ownerOrAdmin: an Order reference from anyone but its customer, an admin or a service shows no payment.
  Order: {
    __resolveReference: (ref) => (zId.safeParse(ref.id).success ? orderReference(ref.id) : null),
    payment: async (order, _args, ctx) => (await ctx.loaders.paymentsByOrderId.load(order.id)).at(-1) ?? null,
    payments: (order, _args, ctx) => ctx.loaders.paymentsByOrderId.load(order.id),
  },
  Payment: {
    __resolveReference: (ref, ctx) => (zId.safeParse(ref.id).success ? ctx.loaders.paymentById.load(ref.id) : null),
    order: (payment) => orderReference(payment.orderId),
    amount: (payment) => money(payment.amountMinor, payment.currency),
    createdAt: (payment) => iso(payment.createdAt),
    updatedAt: (payment) => iso(payment.updatedAt),
  },
};

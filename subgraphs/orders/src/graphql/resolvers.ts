import { z } from 'zod';
import { isAdmin, requireViewer, type Viewer } from '@shop/auth';
import { forbidden, money, parseArgs, type Result, zFirst, zId } from '@shop/common';
import type { CartRow, OrderRow } from '../db/schema.js';
import { advanceOrder } from '../domain/advance-order.js';
import { cancelOrder, type Actor } from '../domain/cancel-order.js';
import { addToCart, findCartLines, getOrCreateCart, setCartLine } from '../domain/cart.js';
import { listCustomerOrders } from '../domain/orders.js';
import { placeOrder } from '../domain/place-order.js';
import type { Resolvers } from './__generated__/resolvers-types.js';
import { productReference, userReference } from './references.js';
import { subscriptionResolvers } from './subscriptions.js';

const canSeeOrdersOf = (viewer: Viewer | null, customerId: string) => !!viewer && (viewer.id === customerId || isAdmin(viewer));
const cartPayload = (result: Result<CartRow>) => (result.ok ? { cart: result.value, errors: [] } : { cart: null, errors: result.errors });
const iso = (date: Date) => date.toISOString();
const actorOf = (viewer: Viewer): Actor => ({ id: viewer.id, admin: isAdmin(viewer) });
const orderIdArgs = z.object({ id: zId });

const orderPayload = (result: Result<OrderRow>) => (result.ok ? { order: result.value, errors: [] } : { order: null, errors: result.errors });
const ordersArgs = z.object({ first: zFirst, after: z.string().max(500).nullish() });

export const resolvers: Resolvers = {
  Query: {
    cart: (_root, _args, ctx) => getOrCreateCart(ctx.db, requireViewer(ctx.viewer).id),
    order: async (_root, args, ctx) => {
      const viewer = requireViewer(ctx.viewer);
      const { id } = parseArgs(z.object({ id: zId }), args);
      const order = await ctx.loaders.orderById.load(id);
      // Someone else's order looks exactly like a missing one.
      return order && canSeeOrdersOf(viewer, order.customerId) ? order : null;
    },
  },
  Mutation: {
    addToCart: async (_root, args, ctx) => cartPayload(await addToCart(ctx.db, ctx.catalog, requireViewer(ctx.viewer).id, args)),
    setCartLine: async (_root, args, ctx) => cartPayload(await setCartLine(ctx.db, ctx.catalog, requireViewer(ctx.viewer).id, args)),
    placeOrder: async (_root, { input }, ctx) => orderPayload(await placeOrder(ctx.placement, requireViewer(ctx.viewer).id, input)),
    cancelOrder: async (_root, args, ctx) => {
      const viewer = requireViewer(ctx.viewer);
      const { id } = parseArgs(orderIdArgs, args);
      return orderPayload(await cancelOrder(ctx.db, actorOf(viewer), id));
    },
    advanceOrder: async (_root, args, ctx) => {
      const viewer = requireViewer(ctx.viewer);
      const { id } = parseArgs(orderIdArgs, { id: args.id });
      return orderPayload(await advanceOrder(ctx.db, actorOf(viewer), id, args.status));
    },
  },
  Subscription: subscriptionResolvers,
  Cart: {
    lines: (cart, _args, ctx) => findCartLines(ctx.db, cart.id),
  },
  CartLine: {
    product: (line) => productReference(line.productId),
  },
  User: {
    orders: (user, args, ctx) => {
      if (!canSeeOrdersOf(ctx.viewer, user.id)) throw forbidden("Only the user themself or an admin can see a user's orders.");
      const { first, after } = parseArgs(ordersArgs, args);
      return listCustomerOrders(ctx.db, user.id, first, after);
    },
  },
  // References come from the gateway's query plans (e.g. Payment.order); who may reach an order is guarded at Query.order and User.orders.
  Order: {
    __resolveReference: (ref, ctx) => (zId.safeParse(ref.id).success ? ctx.loaders.orderById.load(ref.id) : null),
    customer: (order) => userReference(order.customerId),
    lines: (order, _args, ctx) => ctx.loaders.orderLinesByOrderId.load(order.id),
    total: (order) => money(order.totalMinor, order.currency),
    // The reservation matters only while the order waits for payment; the column keeps its last value for history.
    reservedUntil: (order) => (order.status === 'AWAITING_PAYMENT' && order.reservedUntil ? iso(order.reservedUntil) : null),
    createdAt: (order) => iso(order.createdAt),
    updatedAt: (order) => iso(order.updatedAt),
  },
  OrderLine: {
    product: (line) => productReference(line.productId),
    unitPrice: (line) => money(line.unitPriceMinor, line.currency),
    total: (line) => money(line.unitPriceMinor * BigInt(line.quantity), line.currency),
  },
};

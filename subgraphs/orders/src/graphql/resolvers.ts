import { z } from 'zod';
import { isAdmin, type Viewer } from '@shop/auth';
import { money, parseArgs, type Result, zFirst, zId } from '@shop/common';
import { orderStatus, type CartRow, type OrderRow } from '../db/schema.js';
import { advanceOrder } from '../domain/advance-order.js';
import { cancelOrder, type Actor } from '../domain/cancel-order.js';
import { addToCart, findCartLines, getOrCreateCart, setCartLine } from '../domain/cart.js';
import { findOrderByNumber, listCustomerOrders, listOrders } from '../domain/order-list.js';
import { normalizeOrderNumber } from '../domain/order-numbers.js';
import { placeOrder } from '../domain/place-order.js';
import type { Resolvers } from './__generated__/resolvers-types.js';
import { productReference, userReference } from './references.js';
import { subscriptionResolvers } from './subscriptions.js';

const cartPayload = (result: Result<CartRow>) => (result.ok ? { cart: result.value, errors: [] } : { cart: null, errors: result.errors });
const iso = (date: Date) => date.toISOString();
const actorOf = (viewer: Viewer): Actor => ({ id: viewer.id, admin: isAdmin(viewer) });
const orderIdArgs = z.object({ id: zId });

const orderPayload = (result: Result<OrderRow>) => (result.ok ? { order: result.value, errors: [] } : { order: null, errors: result.errors });
const ordersArgs = z.object({ first: zFirst, after: z.string().max(500).nullish() });
const zDateTime = z.iso.datetime({ offset: true, message: 'Must be an ISO 8601 date-time, e.g. "2026-11-23T17:52:00.000Z".' }).transform((text) => new Date(text));
const orderListArgs = ordersArgs.extend({
  filter: z
    .object({
      status: z.enum(orderStatus.enumValues).nullish(),
      // Text that is no order number matches no order (normalizeOrderNumber: null); only its length is refused.
      number: z.string().max(100, { message: 'Must be at most 100 characters.' }).nullish(),
      customerId: zId.nullish(),
      placedAfter: zDateTime.nullish(),
      placedBefore: zDateTime.nullish(),
    })
    .nullish(),
});
const emptyConnection = { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };

/** The signed-in viewer of a field schema.graphql marks @authenticated or @requiresRole (the kernel has checked). */
const signedIn = (ctx: { viewer: Viewer | null }): Viewer => ctx.viewer!;

export const resolvers: Resolvers = {
  Query: {
    cart: (_root, _args, ctx) => getOrCreateCart(ctx.db, signedIn(ctx).id),
    // Order is @ownerOrAdmin: someone else's order comes back null, exactly like a missing one.
    order: async (_root, args, ctx) => ctx.loaders.orderById.load(parseArgs(orderIdArgs, args).id),
    // @requiresRole(roles: [ADMIN]).
    orders: async (_root, args, ctx) => {
      const { first, after, filter } = parseArgs(orderListArgs, args);
      const number = filter?.number ? normalizeOrderNumber(filter.number) : null;
      if (filter?.number && !number) return emptyConnection;
      return listOrders(ctx.db, { ...filter, number }, first, after);
    },
    // @authenticated; Order is @ownerOrAdmin, so someone else's order is null like a number no order has.
    orderByNumber: async (_root, args, ctx) => {
      const number = args.number.length <= 100 ? normalizeOrderNumber(args.number) : null;
      return number ? findOrderByNumber(ctx.db, number) : null;
    },
  },
  Mutation: {
    addToCart: async (_root, args, ctx) => cartPayload(await addToCart(ctx.db, ctx.catalog, signedIn(ctx).id, args)),
    setCartLine: async (_root, args, ctx) => cartPayload(await setCartLine(ctx.db, ctx.catalog, signedIn(ctx).id, args)),
    placeOrder: async (_root, { input }, ctx) => orderPayload(await placeOrder(ctx.placement, signedIn(ctx).id, input)),
    // Whether this viewer may cancel depends on the order (its customer, its status): the domain decides.
    cancelOrder: async (_root, args, ctx) => orderPayload(await cancelOrder(ctx.db, actorOf(signedIn(ctx)), parseArgs(orderIdArgs, args).id)),
    advanceOrder: async (_root, args, ctx) => {
      const { id } = parseArgs(orderIdArgs, { id: args.id });
      return orderPayload(await advanceOrder(ctx.db, actorOf(signedIn(ctx)), id, args.status));
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
    // @ownerOrAdmin: the user themself or an admin.
    orders: (user, args, ctx) => {
      const { first, after } = parseArgs(ordersArgs, args);
      return listCustomerOrders(ctx.db, user.id, first, after);
    },
  },
  // References come from the gateway's query plans (e.g. Payment.order) or other services; Order is @ownerOrAdmin, checked on every one.
  Order: {
    __resolveReference: (ref, ctx) => (zId.safeParse(ref.id).success ? ctx.loaders.orderById.load(ref.id) : null),
    customer: (order) => userReference(order.customerId),
    lines: (order, _args, ctx) => ctx.loaders.orderLinesByOrderId.load(order.id),
    total: (order) => money(order.totalMinor, order.currency),
    // The copy taken at checkout: later edits of the saved address never reach it.
    shippingAddress: (order) => order.shippingAddress,
    shippingMethod: (order) => (order.shippingMethodId ? { __typename: 'ShippingMethod' as const, id: order.shippingMethodId } : null),
    shippingCost: (order) => (order.shippingCostMinor === null ? null : money(order.shippingCostMinor, order.currency)),
    // The reservation matters only while the order waits for payment; the column keeps its last value for history.
    reservedUntil: (order) => (order.status === 'AWAITING_PAYMENT' && order.reservedUntil ? iso(order.reservedUntil) : null),
    createdAt: (order) => iso(order.createdAt),
    updatedAt: (order) => iso(order.updatedAt),
    history: (order, _args, ctx) => ctx.loaders.historyByOrderId.load(order.id),
  },
  OrderStatusChange: {
    from: (change) => change.fromStatus,
    to: (change) => change.toStatus,
    at: (change) => iso(change.at),
    // The customer or admin who acted; null when the system did (payment captured, reservation expired).
    by: (change) => (change.actorId ? userReference(change.actorId) : null),
  },
  OrderLine: {
    product: (line) => productReference(line.productId),
    unitPrice: (line) => money(line.unitPriceMinor, line.currency),
    total: (line) => money(line.unitPriceMinor * BigInt(line.quantity), line.currency),
  },
};

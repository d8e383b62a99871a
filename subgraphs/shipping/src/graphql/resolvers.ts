import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { isAdmin, servicePrincipalOf } from '@shop/auth';
import { badUserInput, money, parseArgs, zId } from '@shop/common';
import { MAX_QUOTE_LINES, SHIPPING_CURRENCY } from '../contract.js';
import { shipmentStatus } from '../db/schema.js';
import { listMethods } from '../domain/methods.js';
import { linesOf } from '../domain/pricing.js';
import { quoteAll } from '../domain/quotes.js';
import { advanceShipment, listShipments } from '../domain/shipments.js';
import { ShippingErrorCode } from '../errors.js';
import type { Resolvers } from './__generated__/resolvers-types.js';
import { orderReference } from './parents.js';

const iso = (date: Date) => date.toISOString();

const quotesArgs = z.object({
  region: z.string().trim().min(1, { message: 'region must name a Colombian department, e.g. Antioquia.' }).max(100, { message: 'region must be at most 100 characters.' }),
  productIds: z
    .array(zId)
    .min(1, { message: `productIds must list 1 to ${MAX_QUOTE_LINES} products (one entry per unit).` })
    .max(MAX_QUOTE_LINES, { message: `productIds must list 1 to ${MAX_QUOTE_LINES} products (one entry per unit).` }),
});
const shipmentsArgs = z.object({ status: z.enum(shipmentStatus.enumValues).nullish() });

export const resolvers: Resolvers = {
  Query: {
    shippingMethods: (_root, _args, ctx) => listMethods(ctx.db),
    // Public: a shopper compares methods before signing in.
    shippingQuotes: async (_root, args, ctx) => {
      const { region, productIds } = parseArgs(quotesArgs, args);
      const outcome = await quoteAll(ctx.db, region, linesOf(productIds));
      if (!outcome.ok) throw badUserInput(outcome.message, ['region']);
      return outcome.quotes;
    },
    // @requiresRole(roles: [ADMIN]).
    shipments: (_root, args, ctx) => listShipments(ctx.db, parseArgs(shipmentsArgs, args).status ?? null),
  },
  Mutation: {
    // @requiresRole(roles: [ADMIN]); carriers use the internal route (http/shipment-routes.ts).
    advanceShipment: async (_root, args, ctx) => {
      // A malformed id names no shipment, like an unknown one.
      const outcome = zId.safeParse(args.id).success
        ? await advanceShipment(ctx.db, args.id, args.status, ctx.viewer!.id)
        : ({ ok: false, code: ShippingErrorCode.NotFound, message: `No shipment has the id ${args.id}.` } as const);
      if (!outcome.ok) throw new GraphQLError(outcome.message, { extensions: { code: outcome.code, field: outcome.code === ShippingErrorCode.NotFound ? ['id'] : ['status'] } });
      return true;
    },
  },
  Order: {
    __resolveReference: (ref) => (zId.safeParse(ref.id).success ? orderReference(ref.id) : null),
    // A shipment is its order's customer's: theirs, or every one for an admin or a service; anyone else an empty list.
    shipments: async (order, _args, ctx) => {
      const all = await ctx.loaders.shipmentsByOrderId.load(order.id);
      return isAdmin(ctx.viewer) || servicePrincipalOf(ctx) ? all : all.filter((shipment) => shipment.customerId === ctx.viewer?.id);
    },
  },
  Shipment: {
    __resolveReference: (ref, ctx) => (zId.safeParse(ref.id).success ? ctx.loaders.shipmentById.load(ref.id) : null),
    order: (shipment) => orderReference(shipment.orderId),
    method: async (shipment, _args, ctx) => (await ctx.loaders.methodById.load(shipment.methodId))!,
    updatedAt: (shipment) => iso(shipment.updatedAt),
  },
  ShippingMethod: {
    __resolveReference: (ref, ctx) => (zId.safeParse(ref.id).success ? ctx.loaders.methodById.load(ref.id) : null),
  },
  ShippingQuote: {
    cost: (quote) => money(quote.costMinor, SHIPPING_CURRENCY),
  },
};

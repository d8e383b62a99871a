import { z } from 'zod';
import { parseArgs, zId } from '@shop/common';
import { eventIterator } from '@shop/events';
import { stockChanged, type StockChangedPayload } from '../contract.js';
import type { SubscriptionResolvers } from './__generated__/resolvers-types.js';
import type { ProductParent } from './parents.js';

/** At most 100 products per subscription: the filter runs for every stock change of the platform. */
export const MAX_WATCHED_PRODUCTS = 100;
const stockChangedArgs = z.object({
  productIds: z.array(zId).max(MAX_WATCHED_PRODUCTS, { message: `Watch at most ${MAX_WATCHED_PRODUCTS} products.` }).nullish(),
});

/** Stock is public: anyone, signed in or not, may watch it. */
export const subscriptionResolvers: SubscriptionResolvers = {
  stockChanged: {
    subscribe: (_root, args, ctx) => {
      const { productIds } = parseArgs(stockChangedArgs, args);
      const watched = productIds ? new Set(productIds) : null;
      return eventIterator(
        ctx.bus,
        [stockChanged.type],
        (event) => !watched || watched.has(event.aggregateId),
        (event): ProductParent => {
          const { productId, onHand, reserved, available } = event.payload as StockChangedPayload;
          return { id: productId, stockTotals: { onHand, reserved, available } };
        },
      );
    },
    resolve: (product: ProductParent) => product,
  },
};

import { z } from 'zod';
import { defineEvent, type PayloadOf } from '@shop/events';

/**
 * What products publishes (docs/architecture.md, "Events"): consumers parse these very schemas.
 *
 * product.changed: a product as it is after a create, an update or the demo seed, with what reports need of it (who
 * sells it, where it is filed, its price and what it costs the seller). Recorded in the transaction of the change,
 * so it exists exactly when the change was committed; the newest event of a product is the product as it stands.
 */
export const productChanged = defineEvent({
  source: 'products',
  type: 'product.changed',
  aggregateId: (p) => p.productId,
  schema: z.object({
    productId: z.uuid(),
    sellerId: z.uuid(),
    categoryId: z.uuid().nullable(),
    name: z.string(),
    /** The unit price in minor units of currency (integer). */
    priceMinor: z.number().int().nonnegative(),
    currency: z.string().length(3),
    /** What one unit costs the seller, in minor units of currency; null when not set. */
    costPriceMinor: z.number().int().nonnegative().nullable(),
    /** One packed unit's weight in grams; null when not set. Absent from events published before weights existed. */
    weightGrams: z.number().int().positive().nullable().optional(),
  }),
});
export type ProductChangedPayload = PayloadOf<typeof productChanged>;

import { isNull, lte, or, sql } from 'drizzle-orm';
import type { Transaction } from '@shop/db';
import type { ProductChangedPayload } from '@shop/products/contract';
import { productWeights, type ShippingSchema } from '../db/schema.js';

/**
 * Keeps a product's unit weight as products last published it. Events can arrive out of order (redeliveries,
 * replicas): one older than what is stored changes nothing. An event without weightGrams (published before products
 * had weights) counts as no weight.
 */
export async function applyProductWeight(tx: Transaction<ShippingSchema>, product: Pick<ProductChangedPayload, 'productId' | 'weightGrams'>, changedAt: Date): Promise<void> {
  await tx
    .insert(productWeights)
    .values({ productId: product.productId, weightGrams: product.weightGrams ?? null, changedAt })
    .onConflictDoUpdate({
      target: productWeights.productId,
      set: { weightGrams: sql`excluded.weight_grams`, changedAt: sql`excluded.changed_at` },
      setWhere: or(isNull(productWeights.changedAt), lte(productWeights.changedAt, changedAt)),
    });
}

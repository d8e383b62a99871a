import type { Database, Transaction } from '@shop/db';
import { recordEvents } from '@shop/events';
import { productChanged, type ProductChangedPayload } from '../contract.js';
import type { ProductRow, ProductsSchema } from '../db/schema.js';

type Tx = Transaction<ProductsSchema> | Database<ProductsSchema>;

/** The product.changed payload of a product as it stands. */
export const productChangedPayload = (product: Pick<ProductRow, 'id' | 'sellerId' | 'categoryId' | 'name' | 'priceMinor' | 'currency' | 'costPriceMinor' | 'weightGrams'>): ProductChangedPayload => ({
  productId: product.id,
  sellerId: product.sellerId,
  categoryId: product.categoryId,
  name: product.name,
  // Prices stay below 10^14 minor units (fields.ts), well inside a JSON number's exact integers.
  priceMinor: Number(product.priceMinor),
  currency: product.currency,
  costPriceMinor: product.costPriceMinor === null ? null : Number(product.costPriceMinor),
  weightGrams: product.weightGrams,
});

/** Records product.changed for each product in the caller's transaction, so the event exists exactly when the write committed. */
export async function recordProductsChanged(tx: Tx, written: readonly Parameters<typeof productChangedPayload>[0][]): Promise<void> {
  await recordEvents(tx, written.map((product) => productChanged.create(productChangedPayload(product))));
}

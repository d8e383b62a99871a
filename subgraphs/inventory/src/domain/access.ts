import { hasRole, isAdmin, type Viewer } from '@shop/auth';
import { fail, ok, userError, type Result, type UserError } from '@shop/common';
import { SubgraphUnavailableError } from '@shop/server';
import { InventoryErrorCode } from '../errors.js';
import type { ProductDirectory, ProductRef } from './product-directory.js';

/** Only someone who could be a product's seller, or an admin, is worth a lookup in the products subgraph. */
export const mayManageAnyStock = (viewer: Viewer): boolean => isAdmin(viewer) || hasRole(viewer, 'SELLER');

/** A product's stock (adjusting it, reading its ledger) belongs to its seller and to admins. */
export const mayManageStock = (viewer: Viewer, product: ProductRef | undefined): boolean =>
  isAdmin(viewer) || (!!product && hasRole(viewer, 'SELLER') && product.sellerId === viewer.id);

/**
 * The product, from the products subgraph, when the viewer manages its stock: SERVICE_UNAVAILABLE when products does
 * not answer, NOT_FOUND (at `field`) for an unknown id, the caller's `forbidden` error when it is someone else's.
 */
export async function findManagedProduct(
  products: ProductDirectory,
  viewer: Viewer,
  productId: string,
  options: { field: string[]; forbidden: UserError },
): Promise<Result<ProductRef>> {
  let product: ProductRef | undefined;
  try {
    product = (await products.findProducts([productId])).get(productId);
  } catch (error) {
    if (error instanceof SubgraphUnavailableError) {
      return fail(userError(InventoryErrorCode.ServiceUnavailable, 'The product catalogue is not answering; try again shortly.'));
    }
    throw error;
  }
  if (!product) return fail(userError(InventoryErrorCode.NotFound, 'No product has this ID.', options.field));
  if (!mayManageStock(viewer, product)) return fail(options.forbidden);
  return ok(product);
}

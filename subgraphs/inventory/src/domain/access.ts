import { hasRole, isAdmin, type Viewer } from '@shop/auth';
import type { ProductRef } from './product-directory.js';

/** Only someone who could be a product's seller, or an admin, is worth a lookup in the products subgraph. */
export const mayManageAnyStock = (viewer: Viewer): boolean => isAdmin(viewer) || hasRole(viewer, 'SELLER');

/** A product's stock (adjusting it, reading its ledger) belongs to its seller and to admins. */
export const mayManageStock = (viewer: Viewer, product: ProductRef | undefined): boolean =>
  isAdmin(viewer) || (!!product && hasRole(viewer, 'SELLER') && product.sellerId === viewer.id);

import { isAdmin, type Viewer } from '@shop/auth';
import type { ProductRow } from '../db/schema.js';

/** Who may see a product that is not ACTIVE: its seller and admins. */
export const canManageProduct = (viewer: Viewer | null, product: Pick<ProductRow, 'sellerId'>): boolean =>
  !!viewer && (isAdmin(viewer) || viewer.id === product.sellerId);

export const canSeeProduct = (viewer: Viewer | null, product: Pick<ProductRow, 'sellerId' | 'status'>): boolean =>
  product.status === 'ACTIVE' || canManageProduct(viewer, product);

/** Lists show every status to admins, and to a seller listing their own products; everyone else sees ACTIVE only. */
export const listsEveryStatus = (viewer: Viewer | null, sellerId: string | undefined): boolean =>
  !!viewer && (isAdmin(viewer) || (sellerId !== undefined && viewer.id === sellerId));

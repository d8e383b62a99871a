import { hasRole, isAdmin, type Viewer } from '@shop/auth';

/** Who acts: a signed-in seller or admin (schema.graphql's @requiresRole has let them through). */
export interface Actor {
  id: string;
  admin: boolean;
  seller: boolean;
}

export const actorOf = (viewer: Viewer): Actor => ({ id: viewer.id, admin: isAdmin(viewer), seller: hasRole(viewer, 'SELLER') });

/** Suppliers and reorder requests are their seller's and every admin's. */
export const maySee = (actor: Actor, row: { sellerId: string }): boolean => actor.admin || row.sellerId === actor.id;

import { z } from 'zod';
import { defineEvent, type PayloadOf } from '@shop/events';

/** What users serves to other services on its own port (never routed by the gateway); callers parse with these schemas. */
export const userPaths = {
  /** GET: every admin's id, name and e-mail (notifications writes to admins about support tickets). */
  adminContacts: '/internal/admin-contacts',
  /** GET: one of a user's saved addresses (orders snapshots the one chosen at checkout); 404 when it is not theirs. */
  address: '/internal/users/:userId/addresses/:addressId',
} as const;

/** userPaths.address for one user and address. */
export const addressPath = (userId: string, addressId: string) =>
  userPaths.address.replace(':userId', encodeURIComponent(userId)).replace(':addressId', encodeURIComponent(addressId));

export const contact = z.object({ id: z.uuid(), name: z.string(), email: z.string() });
export type Contact = z.infer<typeof contact>;
export const adminContactsAnswer = z.object({ admins: z.array(contact) });

/**
 * A user marked a product as a favourite (favorite.added) or unmarked it (favorite.removed); recorded in the
 * transaction of the change, only when something changed. notifications keeps who watches a product from them.
 */
const favoriteChange = z.object({ userId: z.uuid(), productId: z.uuid() });
export const favoriteAdded = defineEvent({ source: 'users', type: 'favorite.added', aggregateId: (p) => p.userId, schema: favoriteChange });
export const favoriteRemoved = defineEvent({ source: 'users', type: 'favorite.removed', aggregateId: (p) => p.userId, schema: favoriteChange });
export type FavoriteChangePayload = PayloadOf<typeof favoriteAdded>;

/** A saved address as users answers it at userPaths.address (200); absent optional parts are null. */
export const addressRecord = z.object({
  id: z.uuid(),
  recipient: z.string(),
  line1: z.string(),
  line2: z.string().nullable(),
  city: z.string(),
  region: z.string(),
  postalCode: z.string().nullable(),
  /** ISO 3166-1 alpha-2. */
  country: z.string().length(2),
  phone: z.string().nullable(),
});
export type AddressRecord = z.infer<typeof addressRecord>;
/** userPaths.address's 404: no address of that user has that id (another user's is answered alike). */
export const addressNotFound = z.object({ error: z.object({ code: z.literal('NOT_FOUND') }) });

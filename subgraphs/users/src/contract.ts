import { z } from 'zod';
import { defineEvent, type PayloadOf } from '@shop/events';

/** What users serves to other services on its own port (never routed by the gateway); callers parse with these schemas. */
export const userPaths = {
  /** GET: every admin's id, name and e-mail (notifications writes to admins about support tickets). */
  adminContacts: '/internal/admin-contacts',
} as const;

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

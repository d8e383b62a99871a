import { z } from 'zod';

/** What users serves to other services on its own port (never routed by the gateway); callers parse with these schemas. */
export const userPaths = {
  /** GET: every admin's id, name and e-mail (notifications writes to admins about support tickets). */
  adminContacts: '/internal/admin-contacts',
} as const;

export const contact = z.object({ id: z.uuid(), name: z.string(), email: z.string() });
export type Contact = z.infer<typeof contact>;
export const adminContactsAnswer = z.object({ admins: z.array(contact) });

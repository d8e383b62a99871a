import { z } from 'zod';
import { defineEvent, type PayloadOf } from '@shop/events';
import { NOTIFICATION_KINDS } from './db/schema.js';

/**
 * What notifications publishes: one event per notification created, for the live feed (Subscription.notificationAdded
 * on every replica, through the bus's broadcast). No queue consumes it; it carries what the feed shows, nothing more.
 */
export const notificationAdded = defineEvent({
  source: 'notifications',
  type: 'notification.added',
  aggregateId: (p) => p.notificationId,
  schema: z.object({
    notificationId: z.uuid(),
    userId: z.uuid(),
    kind: z.enum(NOTIFICATION_KINDS),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable(),
    createdAt: z.iso.datetime({ offset: true }),
  }),
});
export type NotificationAddedPayload = PayloadOf<typeof notificationAdded>;

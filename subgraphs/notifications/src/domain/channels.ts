import type { Transaction } from '@shop/db';
import { recordEvents } from '@shop/events';
import { notificationAdded } from '../contract.js';
import { emailDeliveries, type NotificationRow, type NotificationsSchema } from '../db/schema.js';
import { emailWanted } from './preferences.js';

type Tx = Transaction<NotificationsSchema>;

/**
 * One way a notification reaches its user. accept runs in the transaction that stores the notifications and keeps
 * what the channel needs to deliver them, so a delivery exists exactly when its notification does; it makes no
 * network call, so a consumer never waits on (or fails for) a mail server.
 */
export interface NotificationChannel {
  readonly name: 'in-app' | 'email';
  accept(tx: Tx, added: readonly NotificationRow[]): Promise<void>;
}

/** Always: the row is the feed entry; its notification.added event pushes it to the user's open notificationAdded subscriptions. */
export const inAppChannel: NotificationChannel = {
  name: 'in-app',
  accept: (tx, added) =>
    recordEvents(
      tx,
      added.map((n) =>
        notificationAdded.create({ notificationId: n.id, userId: n.userId, kind: n.kind, title: n.title, body: n.body, link: n.link, createdAt: n.createdAt.toISOString() }),
      ),
    ),
};

/** When the user's preference for the kind says so: a delivery row the e-mail worker sends (mail/deliveries.ts). */
export const emailChannel: NotificationChannel = {
  name: 'email',
  async accept(tx, added) {
    const rows: { notificationId: string }[] = [];
    for (const kind of new Set(added.map((n) => n.kind))) {
      const ofKind = added.filter((n) => n.kind === kind);
      const wanted = await emailWanted(tx, ofKind.map((n) => n.userId), kind);
      rows.push(...ofKind.filter((n) => wanted.has(n.userId)).map((n) => ({ notificationId: n.id })));
    }
    if (rows.length) await tx.insert(emailDeliveries).values(rows);
  },
};

export const channels: readonly NotificationChannel[] = [inAppChannel, emailChannel];

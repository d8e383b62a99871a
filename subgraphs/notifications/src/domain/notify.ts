import type { Transaction } from '@shop/db';
import { notifications, type NotificationRow, type NotificationsSchema } from '../db/schema.js';
import { channels as allChannels, type NotificationChannel } from './channels.js';
import type { Draft } from './messages.js';

/** Stores the drafts as notifications and hands them to every channel, all in the caller's transaction (the inbox's). */
export async function notify(tx: Transaction<NotificationsSchema>, drafts: readonly Draft[], channels: readonly NotificationChannel[] = allChannels): Promise<NotificationRow[]> {
  if (drafts.length === 0) return [];
  const added = await tx.insert(notifications).values(drafts.map((d) => ({ userId: d.userId, kind: d.kind, title: d.title, body: d.body, link: d.link }))).returning();
  for (const channel of channels) await channel.accept(tx, added);
  return added;
}

import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { deadLetters, inbox, outbox } from '@shop/events';

// The event tables live in @shop/events; each subgraph migrates its own copy.
export { deadLetters, inbox, outbox };

export const NOTIFICATION_KINDS = [
  'ORDER_PLACED', 'ORDER_PAID', 'ORDER_SHIPPED', 'ORDER_DELIVERED', 'ORDER_CANCELLED', 'PAYMENT_FAILED',
  'LOW_STOCK', 'SOLD_OUT', 'BACK_IN_STOCK', 'REORDER_SUGGESTED', 'TICKET_OPENED', 'TICKET_REPLIED', 'TICKET_STATUS_CHANGED',
] as const;
export const notificationKind = pgEnum('notification_kind', NOTIFICATION_KINDS);

/** One entry of one user's feed: the in-app channel is this row (and its notification.added event). */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The users subgraph's User id; no foreign key across services. */
    userId: uuid('user_id').notNull(),
    kind: notificationKind('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** A storefront path such as /orders/<id>. */
    link: text('link'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The feed: one user's newest first (keyset on created_at desc, id).
    index('notifications_user_created_idx').on(t.userId, t.createdAt.desc(), t.id),
    // The unread count and the unread-only feed read only unread rows.
    index('notifications_user_unread_idx').on(t.userId, t.createdAt.desc(), t.id).where(sql`read_at is null`),
  ],
);

/**
 * One e-mail to send for one notification, written in the notification's transaction so it is never lost, and sent
 * by the delivery worker (retried with backoff until the mail server accepts it).
 */
export const emailDeliveries = pgTable(
  'email_deliveries',
  {
    notificationId: uuid('notification_id')
      .primaryKey()
      .references(() => notifications.id, { onDelete: 'cascade' }),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** Why the last attempt failed (the transport's message, never credentials). */
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** Set instead of sentAt when there is nobody to send to (the account has no address any more). */
    skippedAt: timestamp('skipped_at', { withTimezone: true }),
  },
  (t) => [
    index('email_deliveries_due_idx').on(t.nextAttemptAt).where(sql`sent_at is null and skipped_at is null`),
    check('email_deliveries_attempts_non_negative', sql`${t.attempts} >= 0`),
  ],
);

/** A user's choice for one kind; a kind without a row has its default (domain/preferences.ts). */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid('user_id').notNull(),
    kind: notificationKind('kind').notNull(),
    email: boolean('email').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/**
 * Who has a product among their favourites (users' favorite.added / favorite.removed), told when it is back in stock.
 * A removal keeps its row with watching false and the time of the change, so an older event delivered late (a
 * redelivery after a failure, another replica) cannot undo a newer one.
 */
export const productWatchers = pgTable(
  'product_watchers',
  {
    productId: uuid('product_id').notNull(),
    userId: uuid('user_id').notNull(),
    watching: boolean('watching').notNull(),
    /** occurredAt of the favourite event this row reflects. */
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
  },
  // The primary key leads with the product: the back-in-stock fan-out reads one product's watchers.
  (t) => [primaryKey({ columns: [t.productId, t.userId] })],
);

export type NotificationRow = typeof notifications.$inferSelect;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export type EmailDeliveryRow = typeof emailDeliveries.$inferSelect;

export const schema = { notifications, emailDeliveries, notificationPreferences, productWatchers, outbox, inbox, deadLetters };
export type NotificationsSchema = typeof schema;

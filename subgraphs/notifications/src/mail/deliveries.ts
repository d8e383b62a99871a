import { and, asc, count, eq, isNull, lte, sql } from 'drizzle-orm';
import { backoffDelay, type Logger } from '@shop/common';
import type { Database } from '@shop/db';
import type { Contact } from '@shop/users/contract';
import { emailDeliveries, notifications, type NotificationRow, type NotificationsSchema } from '../db/schema.js';
import type { UserDirectory } from '../directory.js';
import { links } from '../domain/messages.js';
import type { Mail, Mailer } from './mailer.js';

export interface DeliveryOptions {
  mailer: Mailer;
  users: Pick<UserDirectory, 'contacts'>;
  /** The storefront's address, for the link in the e-mail. */
  storefrontUrl: string;
  logger: Logger;
  /** The first retry's delay; each later one doubles, up to an hour. */
  retryMinMs: number;
  batchSize?: number;
}

const MAX_RETRY_DELAY_MS = 3_600_000;
const pending = and(isNull(emailDeliveries.sentAt), isNull(emailDeliveries.skippedAt));

/** The e-mail for one notification: plain text in Spanish, the notification's own words and a link; nothing else about the user. */
export function mailOf(notification: NotificationRow, contact: Contact, storefrontUrl: string): Mail {
  const link = notification.link ? `\n\nVer detalles: ${new URL(notification.link, storefrontUrl).toString()}` : '';
  return {
    to: contact.email,
    subject: notification.title,
    text: `Hola, ${contact.name}:\n\n${notification.body}${link}\n\n— Artesanías\n\nRecibes este correo porque tienes activados los correos para este tipo de notificación; puedes desactivarlos en tu perfil: ${new URL(links.preferences, storefrontUrl).toString()}\n`,
    key: `${notification.createdAt.toISOString().replace(/[:.]/g, '-')}-${notification.id}`,
  };
}

/** A transport's message without anything that looks like credentials in a URL, cut to a log line. */
export const safeError = (error: unknown) => (error instanceof Error ? error.message : String(error)).replace(/\/\/[^/\s@]+@/g, '//***@').slice(0, 500);

/**
 * Sends the due e-mails, a batch at a time: each row is locked (SKIP LOCKED, so replicas share the work and never
 * send one twice at once) and marked sent only after the mail server accepted it; a failure is retried later with
 * exponential backoff, forever (a delivery is never dropped), and an account without an address is marked skipped.
 * Returns whether a full batch was sent (more may be due). Throws when users cannot give the addresses: the whole
 * batch waits for the next run.
 */
export async function sendDueEmails(db: Database<NotificationsSchema>, options: DeliveryOptions): Promise<boolean> {
  const batchSize = options.batchSize ?? 20;
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ delivery: emailDeliveries, notification: notifications })
      .from(emailDeliveries)
      .innerJoin(notifications, eq(notifications.id, emailDeliveries.notificationId))
      .where(and(pending, lte(emailDeliveries.nextAttemptAt, sql`now()`)))
      .orderBy(asc(emailDeliveries.nextAttemptAt))
      .limit(batchSize)
      .for('update', { of: emailDeliveries, skipLocked: true });
    if (due.length === 0) return false;
    const contacts = await options.users.contacts(due.map((row) => row.notification.userId));
    for (const { delivery, notification } of due) {
      const where = eq(emailDeliveries.notificationId, delivery.notificationId);
      const contact = contacts.get(notification.userId);
      if (!contact) {
        await tx.update(emailDeliveries).set({ skippedAt: sql`now()` }).where(where);
        continue;
      }
      try {
        await options.mailer.send(mailOf(notification, contact, options.storefrontUrl));
        await tx.update(emailDeliveries).set({ sentAt: sql`now()`, attempts: delivery.attempts + 1, lastError: null }).where(where);
      } catch (error) {
        const attempts = delivery.attempts + 1;
        const delayMs = backoffDelay(attempts, { minMs: options.retryMinMs, maxMs: MAX_RETRY_DELAY_MS });
        const lastError = safeError(error);
        options.logger.warn({ notificationId: notification.id, attempts, retryInMs: delayMs, error: lastError }, 'e-mail not sent; will retry');
        await tx
          .update(emailDeliveries)
          .set({ attempts, lastError, nextAttemptAt: sql`now() + make_interval(secs => ${delayMs / 1000})` })
          .where(where);
      }
    }
    return due.length === batchSize;
  });
}

/** E-mails not sent yet (waiting or being retried), for the service's metrics. */
export async function pendingEmails(db: Database<NotificationsSchema>): Promise<number> {
  const [row] = await db.select({ n: count() }).from(emailDeliveries).where(pending);
  return row?.n ?? 0;
}

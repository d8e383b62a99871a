import type { Viewer } from '@shop/auth';
import type { Database } from '@shop/db';
import type { EventBus } from '@shop/events';
import type { NotificationsSchema } from '../db/schema.js';

/** What every request shares: the database and the bus. */
export interface NotificationsServices {
  db: Database<NotificationsSchema>;
  /** Live notification.added events for notificationAdded (broadcast: every replica sees every notification). */
  bus: Pick<EventBus, 'broadcast'>;
}

export interface NotificationsContext extends NotificationsServices {
  viewer: Viewer | null;
}

export const createContext = (services: NotificationsServices, viewer: Viewer | null): NotificationsContext => ({ ...services, viewer });

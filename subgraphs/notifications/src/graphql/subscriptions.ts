import { eventIterator, type DomainEvent } from '@shop/events';
import { notificationAdded, type NotificationAddedPayload } from '../contract.js';
import type { NotificationRow } from '../db/schema.js';
import type { SubscriptionResolvers } from './__generated__/resolvers-types.js';

/** The notification as its event carries it: just created, so not read yet. */
const notificationOf = (event: DomainEvent): NotificationRow => {
  const { notificationId, userId, kind, title, body, link, createdAt } = event.payload as NotificationAddedPayload;
  return { id: notificationId, userId, kind, title, body, link, readAt: null, createdAt: new Date(createdAt) };
};

export const subscriptionResolvers: SubscriptionResolvers = {
  notificationAdded: {
    // @authenticated admitted a viewer; only their own notifications pass the filter (admins' too: the feed is personal).
    subscribe: (_root, _args, ctx) => {
      const viewerId = ctx.viewer!.id;
      return eventIterator(ctx.bus, [notificationAdded.type], (event) => (event.payload as NotificationAddedPayload).userId === viewerId, notificationOf);
    },
    resolve: (notification: NotificationRow) => notification,
  },
};

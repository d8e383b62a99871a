import { graphql } from '../gql';

/** One entry of the feed as the bell's page shows it; notificationAdded selects the same fields. */
export const NotificationItemFragment = graphql(`
  fragment NotificationItem on Notification {
    id
    kind
    title
    body
    link
    read
    createdAt
  }
`);

/** What the cache writes when the count changes (a notification arrives, some are marked read). */
export const UnreadCountFragment = graphql(`
  fragment UnreadCount on User {
    id
    unreadNotificationCount
  }
`);

/** What the cache writes into each notification markNotificationsRead marked. */
export const NotificationReadFragment = graphql(`
  fragment NotificationRead on Notification {
    id
    read
  }
`);

/** The header's bell: how many of the viewer's notifications are unread. */
export const UnreadNotificationCountQuery = graphql(`
  query UnreadNotificationCount {
    me { id unreadNotificationCount }
  }
`);

/** The viewer's feed, newest first, in cursor pages of 20 (a literal size keeps the cost known to the gateway). */
export const NotificationsQuery = graphql(`
  query Notifications($after: String) {
    me {
      id
      unreadNotificationCount
      notifications(first: 20, after: $after) {
        totalCount
        edges { cursor node { ...NotificationItem } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

/** Marks the given notifications read, or every one of the viewer's when ids is omitted. */
export const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids) {
      unreadNotificationCount
      errors { code message field }
    }
  }
`);

/** Each new notification of the viewer's, as it is created. */
export const NotificationAddedSubscription = graphql(`
  subscription NotificationAdded {
    notificationAdded { ...NotificationItem }
  }
`);

/** What the cache writes into the viewer after setNotificationPreference (its answer lists every kind). */
export const ViewerPreferencesFragment = graphql(`
  fragment ViewerPreferences on User {
    id
    notificationPreferences { kind email }
  }
`);

/** For every kind, whether it is also e-mailed. */
export const NotificationPreferencesQuery = graphql(`
  query NotificationPreferences {
    me { id notificationPreferences { kind email } }
  }
`);

export const SetNotificationPreferenceMutation = graphql(`
  mutation SetNotificationPreference($kind: NotificationKind!, $email: Boolean!) {
    setNotificationPreference(kind: $kind, email: $email) {
      preferences { kind email }
      errors { code message field }
    }
  }
`);

import { z } from 'zod';
import { forbidden, issuesToUserErrors, parseArgs, zFirst, zId } from '@shop/common';
import type { Viewer } from '@shop/auth';
import { NOTIFICATION_KINDS } from '../db/schema.js';
import { listFeed, markRead, unreadCount } from '../domain/feed.js';
import { preferencesOf, setPreference } from '../domain/preferences.js';
import type { Resolvers } from './__generated__/resolvers-types.js';
import type { NotificationsContext } from './context.js';
import type { UserParent } from './parents.js';
import { subscriptionResolvers } from './subscriptions.js';

export const MAX_MARKED_IDS = 100;
const feedArgs = z.object({ first: zFirst, after: z.string().max(500).nullish(), unreadOnly: z.boolean().nullish() });
const markArgs = z.object({ ids: z.array(zId).max(MAX_MARKED_IDS, { message: `Mark at most ${MAX_MARKED_IDS} notifications at once.` }).nullish() });
const preferenceArgs = z.object({ kind: z.enum(NOTIFICATION_KINDS), email: z.boolean() });

/** The signed-in viewer of a field schema.graphql marks @authenticated (the kernel has checked). */
const signedIn = (ctx: { viewer: Viewer | null }): Viewer => ctx.viewer!;

/** A feed is personal: only its user reads it, admins included (nothing in a feed is an admin's business). */
function ownerOf(user: UserParent, ctx: NotificationsContext): string {
  if (signedIn(ctx).id !== user.id) throw forbidden("Only the user themself can see their notifications.");
  return user.id;
}

export const resolvers: Resolvers = {
  User: {
    notifications: (user, args, ctx) => {
      const { first, after, unreadOnly } = parseArgs(feedArgs, args);
      return listFeed(ctx.db, ownerOf(user, ctx), { first, after, unreadOnly: unreadOnly ?? false });
    },
    unreadNotificationCount: (user, _args, ctx) => unreadCount(ctx.db, ownerOf(user, ctx)),
    notificationPreferences: (user, _args, ctx) => preferencesOf(ctx.db, ownerOf(user, ctx)),
  },
  Notification: {
    read: (notification) => notification.readAt !== null,
  },
  Mutation: {
    markNotificationsRead: async (_root, args, ctx) => {
      const viewerId = signedIn(ctx).id;
      const parsed = markArgs.safeParse(args);
      if (!parsed.success) return { unreadNotificationCount: await unreadCount(ctx.db, viewerId), errors: issuesToUserErrors(parsed.error) };
      return { unreadNotificationCount: await markRead(ctx.db, viewerId, parsed.data.ids ?? null), errors: [] };
    },
    setNotificationPreference: async (_root, args, ctx) => {
      const viewerId = signedIn(ctx).id;
      const { kind, email } = parseArgs(preferenceArgs, args);
      await setPreference(ctx.db, viewerId, kind, email);
      return { preferences: await preferencesOf(ctx.db, viewerId), errors: [] };
    },
  },
  Subscription: subscriptionResolvers,
};

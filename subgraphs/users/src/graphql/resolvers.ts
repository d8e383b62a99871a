import { isAdmin } from '@shop/auth';
import { zId } from '@shop/common';
import { authenticate, register } from '../domain/accounts.js';
import type { UserRow } from '../db/schema.js';
import type { Resolvers } from './__generated__/resolvers-types.js';
import type { UsersContext } from './context.js';

async function signedIn(ctx: UsersContext, user: UserRow) {
  // The payload's user is the one just signed in, so it may see its own email.
  ctx.viewer = { id: user.id, roles: user.roles };
  return { token: await ctx.issuer.issue({ id: user.id, roles: user.roles }), user, errors: [] };
}

export const resolvers: Resolvers = {
  Query: {
    me: (_root, _args, ctx) => (ctx.viewer ? ctx.loaders.userById.load(ctx.viewer.id) : null),
  },
  Mutation: {
    register: async (_root, { input }, ctx) => {
      const result = await register(ctx.db, input);
      return result.ok ? signedIn(ctx, result.value) : { token: null, user: null, errors: result.errors };
    },
    login: async (_root, { email, password }, ctx) => {
      const result = await authenticate(ctx.db, email, password);
      return result.ok ? signedIn(ctx, result.value) : { token: null, user: null, errors: result.errors };
    },
  },
  User: {
    __resolveReference: (ref, ctx) => (zId.safeParse(ref.id).success ? ctx.loaders.userById.load(ref.id) : null),
    email: (user, _args, ctx) => (ctx.viewer && (ctx.viewer.id === user.id || isAdmin(ctx.viewer)) ? user.email : null),
    createdAt: (user) => user.createdAt.toISOString(),
  },
};

import { z } from 'zod';
import { parseArgs, zFirst, zId } from '@shop/common';
import { RateLimited, rateLimitedError } from '@shop/server';
import { logIn, register } from '../domain/accounts.js';
import { listUsers } from '../domain/user-list.js';
import type { UserRow } from '../db/schema.js';
import type { Resolvers } from './__generated__/resolvers-types.js';
import type { UsersContext } from './context.js';
import { addressMutations, userAddresses } from './addresses.js';
import { favoriteMutations, userFavorites } from './favorites.js';

const usersArgs = z.object({
  first: zFirst,
  after: z.string().max(500).nullish(),
  // As the catalog's search: NUL (which PostgreSQL text cannot hold) is a space; blank searches nothing, so it lists everyone.
  search: z
    .string()
    .max(200, { message: 'Must be at most 200 characters.' })
    .transform((value) => value.replaceAll('\u0000', ' ').trim())
    .nullish(),
  role: z.enum(['CUSTOMER', 'SELLER', 'ADMIN']).nullish(),
});

async function signedIn(ctx: UsersContext, user: UserRow) {
  // The payload's user is the one just signed in, so it may see its own email.
  ctx.viewer = { id: user.id, roles: user.roles };
  return { token: await ctx.issuer.issue({ id: user.id, roles: user.roles }), user, errors: [] };
}

/** A sign-in limit reached is a RATE_LIMITED GraphQL error with extensions.retryAfterSeconds, not a payload error. */
async function limited<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw error instanceof RateLimited ? rateLimitedError(error) : error;
  }
}

export const resolvers: Resolvers = {
  Query: {
    me: (_root, _args, ctx) => (ctx.viewer ? ctx.loaders.userById.load(ctx.viewer.id) : null),
    // @requiresRole(roles: [ADMIN]).
    users: (_root, args, ctx) => {
      const { first, after, search, role } = parseArgs(usersArgs, args);
      return listUsers(ctx.db, { search, role }, first, after);
    },
  },
  Mutation: {
    register: async (_root, { input }, ctx) => {
      const result = await limited(register(ctx.db, input, ctx.caller));
      return result.ok ? signedIn(ctx, result.value) : { token: null, user: null, errors: result.errors };
    },
    login: async (_root, { email, password }, ctx) => {
      const result = await limited(logIn(ctx.db, email, password, ctx.caller));
      return result.ok ? signedIn(ctx, result.value) : { token: null, user: null, errors: result.errors };
    },
    ...favoriteMutations,
    ...addressMutations,
  },
  User: {
    ...userFavorites,
    ...userAddresses,
    __resolveReference: (ref, ctx) => (zId.safeParse(ref.id).success ? ctx.loaders.userById.load(ref.id) : null),
    createdAt: (user) => user.createdAt.toISOString(),
  },
};

import { z } from 'zod';
import { GraphQLError } from 'graphql';
import { badUserInput, parseArgs, unauthenticated, zId } from '@shop/common';
import { SubgraphUnavailableError } from '@shop/server';
import { addFavorite, MAX_FAVORITES, removeFavorite } from '../domain/favorites.js';
import type { MutationResolvers, UserResolvers } from './__generated__/resolvers-types.js';
import type { UsersContext } from './context.js';

const favoriteArgs = z.object({ productId: zId });

const notFound = () => new GraphQLError('No product with this id.', { extensions: { code: 'NOT_FOUND' } });

/**
 * The product, when the viewer could see it in Query.product: ACTIVE, or theirs, or any for an admin. Anything else
 * is NOT_FOUND, so favourites cannot probe for drafts.
 */
async function visibleProduct(ctx: UsersContext, productId: string): Promise<void> {
  let product;
  try {
    product = await ctx.products.findProduct(productId);
  } catch (error) {
    if (error instanceof SubgraphUnavailableError) throw new GraphQLError('The product catalogue is not answering; try again shortly.', { extensions: { code: 'SERVICE_UNAVAILABLE' } });
    throw error;
  }
  const viewer = ctx.viewer!;
  if (!product || !(product.status === 'ACTIVE' || product.sellerId === viewer.id || viewer.roles.includes('ADMIN'))) throw notFound();
}

export const favoriteMutations: Pick<MutationResolvers<UsersContext>, 'addFavorite' | 'removeFavorite'> = {
  // @authenticated (the kernel checks the viewer before this runs).
  addFavorite: async (_root, args, ctx) => {
    const { productId } = parseArgs(favoriteArgs, args);
    await visibleProduct(ctx, productId);
    const outcome = await addFavorite(ctx.db, ctx.viewer!.id, productId);
    if (outcome === 'no-user') throw unauthenticated('This account no longer exists.');
    if (outcome === 'limit') throw badUserInput(`At most ${MAX_FAVORITES} favourites; remove one first.`, ['productId']);
    return outcome === 'added';
  },
  // No product lookup: unmarking works even for a product deleted or hidden since.
  removeFavorite: (_root, args, ctx) => removeFavorite(ctx.db, ctx.viewer!.id, parseArgs(favoriteArgs, args).productId),
};

export const userFavorites: Pick<UserResolvers<UsersContext>, 'favorites'> = {
  // @ownerOrAdmin: products are references the products subgraph resolves.
  favorites: async (user, _args, ctx) => (await ctx.loaders.favoriteIds.load(user.id)).map((id) => ({ __typename: 'Product' as const, id })),
};

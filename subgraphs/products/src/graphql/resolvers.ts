import { z } from 'zod';
import { money, parseArgs, zId } from '@shop/common';
import { catalogArgs, listProducts } from '../domain/catalog.js';
import { listCategories } from '../domain/categories.js';
import { removeProductImage } from '../domain/images.js';
import { createProduct, updateProduct } from '../domain/products.js';
import { productImageView } from '../media/urls.js';
import { canSeeProduct } from '../domain/visibility.js';
import type { Result } from '@shop/common';
import type { ProductRow } from '../db/schema.js';
import type { Resolvers } from './__generated__/resolvers-types.js';

const productArgs = z.object({ id: zId });
const payload = (result: Result<ProductRow>) => (result.ok ? { product: result.value, errors: [] } : { product: null, errors: result.errors });
const isId = (id: unknown): id is string => zId.safeParse(id).success;

export const resolvers: Resolvers = {
  Query: {
    product: async (_root, args, ctx) => {
      const { id } = parseArgs(productArgs, args);
      const product = await ctx.loaders.productById.load(id);
      return product && canSeeProduct(ctx.viewer, product) ? product : null;
    },
    products: (_root, args, ctx) => listProducts(ctx.db, ctx.viewer, parseArgs(catalogArgs, args)),
    categories: (_root, _args, ctx) => listCategories(ctx.db),
  },
  Mutation: {
    // @requiresRole(roles: [SELLER, ADMIN]): a viewer is there.
    createProduct: async (_root, { input }, ctx) => payload(await createProduct(ctx.db, ctx.viewer!, input)),
    updateProduct: async (_root, { id, input }, ctx) => payload(await updateProduct(ctx.db, ctx.viewer!, id, input)),
    removeProductImage: async (_root, { productId, imageId }, ctx) => payload(await removeProductImage(ctx.db, ctx.storage, ctx.viewer!, productId, imageId)),
  },
  Product: {
    // Always resolves, whatever the status: orders and carts must still show an archived product.
    __resolveReference: (ref, ctx) => (isId(ref.id) ? ctx.loaders.productById.load(ref.id) : null),
    price: (product) => money(product.priceMinor, product.currency),
    // @ownerOrAdmin: only the seller, admins and services get here (the access policy in subgraph.ts names the owner).
    costPrice: (product) => (product.costPriceMinor === null ? null : money(product.costPriceMinor, product.currency)),
    category: (product, _args, ctx) => (product.categoryId ? ctx.loaders.categoryById.load(product.categoryId) : null),
    seller: (product) => ({ __typename: 'User', id: product.sellerId }),
    createdAt: (product) => product.createdAt.toISOString(),
    images: async (product, _args, ctx) => (await ctx.loaders.imagesByProduct.load(product.id)).map((image) => productImageView(image, product.name, ctx.mediaPublicUrl)),
  },
  Category: {
    __resolveReference: (ref, ctx) => (isId(ref.id) ? ctx.loaders.categoryById.load(ref.id) : null),
  },
  User: {
    __resolveReference: (ref) => (isId(ref.id) ? { id: ref.id } : null),
    // The same list as filtering the catalog by this seller, newest first.
    products: (user, { first, after }, ctx) => {
      const args = parseArgs(catalogArgs, { first, after, filter: { sellerId: user.id }, sort: 'NEWEST' });
      return args.after ? listProducts(ctx.db, ctx.viewer, args) : ctx.loaders.sellerFirstPage(args.first).load(user.id);
    },
  },
};

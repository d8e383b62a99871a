import DataLoader from 'dataloader';
import type { Viewer } from '@shop/auth';
import type { Connection } from '@shop/common';
import type { Database } from '@shop/db';
import type { CategoryRow, ProductRow, ProductsSchema } from '../db/schema.js';
import { findCategoriesByIds } from '../domain/categories.js';
import { findImagesByProducts, type StoredImage } from '../domain/images.js';
import { findProductsByIds } from '../domain/products.js';
import { firstPagesBySeller } from '../domain/seller-products.js';

function byId<T extends { id: string }>(load: (ids: readonly string[]) => Promise<T[]>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await load(ids);
    const found = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

/** One SQL query per request for all the products (entity references, product(id)), all the categories and all the images asked for. */
export function createLoaders(db: Database<ProductsSchema>, viewer: Viewer | null) {
  const firstPages = new Map<number, DataLoader<string, Connection<ProductRow>>>();
  return {
    /** User.products without a cursor, batched over every seller asked for with the same page size. */
    sellerFirstPage: (first: number) => {
      let loader = firstPages.get(first);
      if (!loader) {
        loader = new DataLoader(async (sellerIds) => {
          const pages = await firstPagesBySeller(db, viewer, sellerIds, first);
          return sellerIds.map((id) => pages.get(id)!);
        });
        firstPages.set(first, loader);
      }
      return loader;
    },
    productById: byId<ProductRow>((ids) => findProductsByIds(db, ids)),
    categoryById: byId<CategoryRow>((ids) => findCategoriesByIds(db, ids)),
    /** Product.images of every product in the answer (a catalog page, a cart): one query. */
    imagesByProduct: new DataLoader<string, StoredImage[]>(async (productIds) => {
      const found = await findImagesByProducts(db, productIds);
      return productIds.map((id) => found.get(id) ?? []);
    }),
  };
}
export type ProductsLoaders = ReturnType<typeof createLoaders>;

import DataLoader from 'dataloader';
import type { Database } from '@shop/db';
import type { CategoryRow, ProductRow, ProductsSchema } from '../db/schema.js';
import { findCategoriesByIds } from '../domain/categories.js';
import { findProductsByIds } from '../domain/products.js';

function byId<T extends { id: string }>(load: (ids: readonly string[]) => Promise<T[]>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await load(ids);
    const found = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

/** One SQL query per request for all the products (entity references, product(id)) and all the categories asked for. */
export function createLoaders(db: Database<ProductsSchema>) {
  return {
    productById: byId<ProductRow>((ids) => findProductsByIds(db, ids)),
    categoryById: byId<CategoryRow>((ids) => findCategoriesByIds(db, ids)),
  };
}
export type ProductsLoaders = ReturnType<typeof createLoaders>;

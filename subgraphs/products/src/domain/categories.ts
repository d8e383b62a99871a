import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '@shop/db';
import { categories, type CategoryRow, type ProductsSchema } from '../db/schema.js';

type Db = Database<ProductsSchema>;

export const listCategories = (db: Db): Promise<CategoryRow[]> => db.select().from(categories).orderBy(asc(categories.name), asc(categories.id));

export async function findCategoriesByIds(db: Db, ids: readonly string[]): Promise<CategoryRow[]> {
  return ids.length ? db.select().from(categories).where(inArray(categories.id, [...ids])) : [];
}

export async function categoryExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db.select({ id: categories.id }).from(categories).where(eq(categories.id, id)).limit(1);
  return !!row;
}

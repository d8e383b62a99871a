import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { isAdmin, type Viewer } from '@shop/auth';
import { toConnection, type Connection } from '@shop/common';
import type { Database } from '@shop/db';
import { products, type ProductRow, type ProductsSchema } from '../db/schema.js';
import { cursorOf } from './catalog-order.js';
import { productColumns } from './catalog.js';

/**
 * The first page of User.products for many sellers at once (one page query and one count query, whatever the
 * number of sellers), so `products { seller { products } }` is not N+1. Same order and visibility as the catalog
 * filtered by seller: newest first; drafts only for their own seller and admins.
 */
export async function firstPagesBySeller(db: Database<ProductsSchema>, viewer: Viewer | null, sellerIds: readonly string[], first: number): Promise<Map<string, Connection<ProductRow>>> {
  const visible = and(
    inArray(products.sellerId, [...sellerIds]),
    isAdmin(viewer) ? undefined : or(eq(products.status, 'ACTIVE'), viewer ? eq(products.sellerId, viewer.id) : undefined),
  );
  const ranked = db
    .select({ ...productColumns, position: sql<number>`row_number() over (partition by ${products.sellerId} order by ${products.createdAt} desc, ${products.id} desc)`.as('position') })
    .from(products)
    .where(visible)
    .as('ranked');
  const [rows, counts] = await Promise.all([
    db.select().from(ranked).where(sql`${ranked.position} <= ${first + 1}`).orderBy(ranked.sellerId, ranked.position),
    db.select({ sellerId: products.sellerId, count: sql<number>`count(*)::int` }).from(products).where(visible).groupBy(products.sellerId),
  ]);
  const totals = new Map(counts.map((c) => [c.sellerId, c.count]));
  return new Map(
    sellerIds.map((sellerId) => {
      const own = rows.filter((r) => r.sellerId === sellerId).map(({ position: _p, ...row }) => row as ProductRow);
      return [sellerId, toConnection(own, first, (row) => cursorOf('NEWEST', { ...row, rank: null }), totals.get(sellerId) ?? 0)];
    }),
  );
}

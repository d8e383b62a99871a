import { and, eq, getTableColumns, gte, lte, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { toConnection, zDecimalMinor, zFirst, zId, type Connection } from '@shop/common';
import type { Viewer } from '@shop/auth';
import type { Database } from '@shop/db';
import { products, type ProductRow, type ProductsSchema } from '../db/schema.js';
import { afterCursor, cursorOf, effectiveSort, orderBy, SORT_ORDERS, searchQuery } from './catalog-order.js';
import { zSearch } from './fields.js';
import { listsEveryStatus } from './visibility.js';

type Db = Database<ProductsSchema>;

/** Every column but the search document, which only the database reads. */
const { search: _search, ...productColumns } = getTableColumns(products);
export { productColumns };

/** Arguments of Query.products (and User.products); a bad value is a BAD_USER_INPUT error via parseArgs. */
export const catalogArgs = z.object({
  first: zFirst.nullish().transform((v) => v ?? 20),
  after: z.string().max(1000, { message: 'The cursor is not valid for this list.' }).nullish(),
  filter: z
    .object({
      search: zSearch.nullish(),
      categoryId: zId.nullish(),
      sellerId: zId.nullish(),
      minPrice: zDecimalMinor.nullish(),
      maxPrice: zDecimalMinor.nullish(),
    })
    .nullish()
    .transform((f) => ({
      search: f?.search ?? undefined,
      categoryId: f?.categoryId ?? undefined,
      sellerId: f?.sellerId ?? undefined,
      minPriceMinor: f?.minPrice ?? undefined,
      maxPriceMinor: f?.maxPrice ?? undefined,
    })),
  sort: z.enum(['NEWEST', 'PRICE_ASC', 'PRICE_DESC', 'NAME', 'RELEVANCE']).nullish().transform((v) => v ?? 'NEWEST'),
});
export type CatalogArgs = z.output<typeof catalogArgs>;
export type CatalogFilter = CatalogArgs['filter'];

/** The filters, combined with AND, plus what this viewer may see; no cursor. */
export function catalogWhere(viewer: Viewer | null, filter: CatalogFilter, query: SQL | null): SQL | undefined {
  return and(
    listsEveryStatus(viewer, filter.sellerId) ? undefined : eq(products.status, 'ACTIVE'),
    query ? sql`${products.search} @@ ${query}` : undefined,
    filter.categoryId ? eq(products.categoryId, filter.categoryId) : undefined,
    filter.sellerId ? eq(products.sellerId, filter.sellerId) : undefined,
    filter.minPriceMinor !== undefined ? gte(products.priceMinor, filter.minPriceMinor) : undefined,
    filter.maxPriceMinor !== undefined ? lte(products.priceMinor, filter.maxPriceMinor) : undefined,
  );
}

/** The page query (first + 1 rows after the cursor); exported so a test can EXPLAIN exactly what runs. */
export function catalogPageQuery(db: Db, viewer: Viewer | null, args: CatalogArgs) {
  const query = args.filter.search ? searchQuery(args.filter.search) : null;
  const sort = effectiveSort(args.sort, args.filter.search);
  const where = catalogWhere(viewer, args.filter, query);
  const keyset = args.after ? afterCursor(sort, args.after, query) : undefined;
  const rank = query ? SORT_ORDERS.RELEVANCE.key(query) : sql`null`;
  const page = db
    .select({ ...productColumns, rank: sql<number | null>`${rank}`.as('rank') })
    .from(products)
    .where(and(where, keyset))
    .orderBy(...orderBy(sort, query))
    .limit(args.first + 1);
  return { sort, where, page };
}

/** A page of the catalog and the size of the whole filtered list. */
export async function listProducts(db: Db, viewer: Viewer | null, args: CatalogArgs): Promise<Connection<ProductRow>> {
  const { sort, where, page } = catalogPageQuery(db, viewer, args);
  const [rows, [{ count } = { count: 0 }]] = await Promise.all([page, db.select({ count: sql<number>`count(*)::int` }).from(products).where(where)]);
  return toConnection(rows, args.first, (row) => cursorOf(sort, row), count);
}

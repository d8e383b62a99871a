import { sql } from 'drizzle-orm';
import { bigint, char, check, customType, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { outbox } from '@shop/events';

// The outbox table lives in @shop/events; each subgraph migrates its own copy (products publishes product.changed and consumes nothing).
export { outbox };

/** PostgreSQL's full-text document type; drizzle has no built-in column for it. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const productStatus = pgEnum('product_status', ['DRAFT', 'ACTIVE', 'ARCHIVED']);

export const categories = pgTable('categories', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
});

/**
 * The language of the full-text search: the catalog is Spanish, and both PGlite (PostgreSQL 18)
 * and PostgreSQL 15 ship the 'spanish' configuration (stemming "hamacas" and "hamaca" alike).
 */
export const SEARCH_LANGUAGE = 'spanish';

export const products = pgTable(
  'products',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sku: text('sku').notNull().unique(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    priceMinor: bigint('price_minor', { mode: 'bigint' }).notNull(),
    /** What one unit costs its seller, in the price's currency; null when the seller has not said. Seller and admins only. */
    costPriceMinor: bigint('cost_price_minor', { mode: 'bigint' }),
    currency: char('currency', { length: 3 }).notNull().default('COP'),
    categoryId: uuid('category_id').references(() => categories.id),
    /** A users-subgraph id: no foreign key across services. */
    sellerId: uuid('seller_id').notNull(),
    /** One packed unit's weight in grams, for shipping quotes; null when the seller has not said. */
    weightGrams: integer('weight_grams'),
    status: productStatus('status').notNull().default('ACTIVE'),
    // Millisecond precision so a JavaScript Date in a cursor holds the exact stored value.
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    /** Name weighs more than description in ranking. */
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs(
        sql.raw(
          `setweight(to_tsvector('${SEARCH_LANGUAGE}', coalesce("name", '')), 'A') || setweight(to_tsvector('${SEARCH_LANGUAGE}', coalesce("description", '')), 'B')`,
        ),
      ),
  },
  (t) => [
    check('products_price_minor_non_negative', sql`${t.priceMinor} >= 0`),
    check('products_cost_price_minor_non_negative', sql`${t.costPriceMinor} >= 0`),
    check('products_weight_grams_range', sql`${t.weightGrams} between 1 and 1000000`),
    index('products_search_idx').using('gin', t.search),
    // One index per sort order, each ending in the id tie-breaker the keyset compares on.
    index('products_newest_idx').on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('products_price_idx').on(t.priceMinor, t.id),
    index('products_name_idx').on(t.name, t.id),
    index('products_category_idx').on(t.categoryId),
    index('products_seller_idx').on(t.sellerId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
  ],
);

export type CategoryRow = typeof categories.$inferSelect;
export type ProductRow = Omit<typeof products.$inferSelect, 'search'>;
export type ProductStatus = (typeof productStatus.enumValues)[number];
export const schema = { categories, products, outbox };
export type ProductsSchema = typeof schema;

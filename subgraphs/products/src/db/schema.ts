import { sql } from 'drizzle-orm';
import { bigint, char, check, customType, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
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

/** A product's photograph: its order among the product's images and its size after EXIF rotation; files are its renditions. */
export const productImages = pgTable(
  'product_images',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    productId: uuid('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    /** Ascending: the first is the cover. Gaps after a removal are harmless: only the order counts. */
    position: integer('position').notNull(),
    /** The seller's text; null means the product's name. */
    alt: text('alt'),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [unique('product_images_product_position').on(t.productId, t.position)],
);

/** One stored WebP size of an image; storage_key names its file (content-addressed, so it can be cached forever). */
export const imageRenditions = pgTable(
  'image_renditions',
  {
    imageId: uuid('image_id')
      .notNull()
      .references(() => productImages.id, { onDelete: 'cascade' }),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    storageKey: text('storage_key').notNull().unique(),
  },
  (t) => [primaryKey({ columns: [t.imageId, t.width] })],
);

export type CategoryRow = typeof categories.$inferSelect;
export type ProductRow = Omit<typeof products.$inferSelect, 'search'>;
export type ProductStatus = (typeof productStatus.enumValues)[number];
export type ProductImageRow = typeof productImages.$inferSelect;
export type ImageRenditionRow = typeof imageRenditions.$inferSelect;
export const schema = { categories, products, productImages, imageRenditions, outbox };
export type ProductsSchema = typeof schema;

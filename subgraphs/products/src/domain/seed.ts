import { demo } from '@shop/demo-store';
import type { Database } from '@shop/db';
import { categories, products, type ProductsSchema } from '../db/schema.js';
import { productColumns } from './catalog.js';
import { seedDemoImages } from './images.js';
import { recordProductsChanged } from './product-events.js';

/** A fixed clock for the demo: the first demo product is the newest, one minute apart, so NEWEST is deterministic. */
const DEMO_NEWEST = Date.UTC(2026, 0, 15, 12, 0, 0);

/**
 * Seeds the demo catalog once: a database that already has products or categories is left alone. Each demo product's
 * product.changed commits with it, so consumers (analytics) learn the catalog as any later product. Each demo product
 * has one illustration.
 */
export async function seedDemoCatalog(db: Database<ProductsSchema>): Promise<boolean> {
  const [anyCategory] = await db.select({ id: categories.id }).from(categories).limit(1);
  const [anyProduct] = await db.select({ id: products.id }).from(products).limit(1);
  if (anyCategory || anyProduct) return false;
  await db.transaction(async (tx) => {
    await tx.insert(categories).values(demo.categories).onConflictDoNothing();
    const seeded = await tx
      .insert(products)
      .values(
        demo.products.map((p, i) => {
          const at = new Date(DEMO_NEWEST - i * 60_000);
          return { id: p.id, sku: p.sku, name: p.name, description: p.description, priceMinor: p.priceMinor, costPriceMinor: p.costPriceMinor, currency: p.currency, categoryId: p.categoryId, sellerId: p.sellerId, weightGrams: p.weightGrams, status: 'ACTIVE' as const, createdAt: at, updatedAt: at };
        }),
      )
      .onConflictDoNothing()
      .returning(productColumns);
    // In the demo's order, so the outbox reads like the catalog.
    const order = new Map(demo.products.map((p, i) => [p.id, i]));
    await recordProductsChanged(tx, seeded.sort((a, b) => order.get(a.id)! - order.get(b.id)!));
    // Rows only: each illustration's files are rendered when first requested (media/illustrations.ts).
    await seedDemoImages(tx, new Set(seeded.map((p) => p.id)));
  });
  return true;
}

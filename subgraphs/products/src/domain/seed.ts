import { demo } from '@shop/demo-store';
import type { Database } from '@shop/db';
import { categories, products, type ProductsSchema } from '../db/schema.js';

/** A fixed clock for the demo: the first demo product is the newest, one minute apart, so NEWEST is deterministic. */
const DEMO_NEWEST = Date.UTC(2026, 0, 15, 12, 0, 0);

/** Seeds the demo catalog once: a database that already has products or categories is left alone. */
export async function seedDemoCatalog(db: Database<ProductsSchema>): Promise<boolean> {
  const [anyCategory] = await db.select({ id: categories.id }).from(categories).limit(1);
  const [anyProduct] = await db.select({ id: products.id }).from(products).limit(1);
  if (anyCategory || anyProduct) return false;
  await db.transaction(async (tx) => {
    await tx.insert(categories).values(demo.categories).onConflictDoNothing();
    await tx
      .insert(products)
      .values(
        demo.products.map((p, i) => {
          const at = new Date(DEMO_NEWEST - i * 60_000);
          return { id: p.id, sku: p.sku, name: p.name, description: p.description, priceMinor: p.priceMinor, currency: p.currency, categoryId: p.categoryId, sellerId: p.sellerId, status: 'ACTIVE' as const, createdAt: at, updatedAt: at };
        }),
      )
      .onConflictDoNothing();
  });
  return true;
}

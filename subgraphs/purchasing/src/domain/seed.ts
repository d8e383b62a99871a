import { stableId, demo } from '@shop/demo-store';
import type { Database } from '@shop/db';
import { productSellers, productSuppliers, reorderRequests, reorderStatusHistory, suppliers, type PurchasingSchema } from '../db/schema.js';
import { demoProductSuppliers, demoSentReorder, demoSuppliers } from './demo.js';

/**
 * The demo sellers' suppliers, some products linked to them, and one SENT request. Fixed ids and ON CONFLICT DO
 * NOTHING: a second start (or a replica starting alongside) changes nothing. The demo products' sellers are written
 * too, so nothing waits for products' first events.
 */
export async function seedDemoPurchasing(db: Database<PurchasingSchema>): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(productSellers).values(demo.products.map((p) => ({ productId: p.id, sellerId: p.sellerId }))).onConflictDoNothing();
    await tx
      .insert(suppliers)
      .values(demoSuppliers.map(({ id, sellerId, name, contactEmail, leadTimeDays }) => ({ id, sellerId, name, contactEmail, leadTimeDays })))
      .onConflictDoNothing();
    await tx.insert(productSuppliers).values(demoProductSuppliers).onConflictDoNothing();
    const { id, sentAt, ...request } = demoSentReorder;
    const inserted = await tx
      .insert(reorderRequests)
      .values({ id, ...request, status: 'SENT', suggested: false, updatedAt: sentAt })
      .onConflictDoNothing()
      .returning({ id: reorderRequests.id });
    if (inserted.length) {
      await tx.insert(reorderStatusHistory).values([
        { id: stableId('reorder-history', 'demo-1-draft'), reorderId: id, fromStatus: null, toStatus: 'DRAFT', actorId: request.sellerId, at: request.createdAt },
        { id: stableId('reorder-history', 'demo-1-sent'), reorderId: id, fromStatus: 'DRAFT', toStatus: 'SENT', actorId: request.sellerId, at: sentAt },
      ]);
    }
  });
}

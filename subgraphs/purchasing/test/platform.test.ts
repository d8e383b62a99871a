import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { demo } from '@shop/demo-store';
import { outbox } from '@shop/events';
import { graphqlRequest } from '@shop/testing';
import { startTestPlatform } from '../../../supergraph/test/support/platform.js';
import { login } from '../../../supergraph/test/live/support.js';
import { demoProductSuppliers, demoSuppliers } from '../src/domain/demo.js';
import { ADVANCE, CREATE_REORDER } from './support/harness.js';

// Purchasing among the real services, through the gateway on PostgreSQL: the warehouse checked with inventory, a
// received reorder restocking inventory once, a low-stock event suggesting a reorder.
let platform: Awaited<ReturnType<typeof startTestPlatform>>;
let seller: string;
const wayuu = demo.sellers[0];
const bogota = demo.warehouses[0]!.id;
const [sentLink, lowLink] = demoProductSuppliers.filter((link) => link.sellerId === wayuu.id);
beforeAll(async () => {
  platform = await startTestPlatform(inject('databaseUrl'));
  seller = await login(platform.gatewayUrl, wayuu);
}, 120_000);
afterAll(async () => {
  await platform?.stop();
  await platform?.dropDatabases();
});

/** Asks until the answer satisfies the check (events travel asynchronously); the last answer otherwise. */
async function poll<T>(ask: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await ask();
    if (check(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const STOCK = `query($id: ID!) { product(id: $id) { stock { warehouses { warehouse { id } onHand } } stockMovements(first: 100) { edges { node { delta reason note warehouse { id } } } } } }`;
const stockOf = async (productId: string) => {
  const res = await graphqlRequest(platform.gatewayUrl, STOCK, { id: productId }, seller);
  const product = res.data.product;
  return {
    onHand: product.stock.warehouses.find((w: { warehouse: { id: string } }) => w.warehouse.id === bogota)?.onHand ?? 0,
    movements: product.stockMovements.edges.map((e: { node: unknown }) => e.node) as { delta: number; reason: string; note: string | null }[],
  };
};

describe('purchasing on the platform', () => {
  it("receiving a reorder raises the warehouse's onHand by exactly its quantity once, though advanceReorder(RECEIVED) is sent 5 times at once", async () => {
    const supplierId = demoSuppliers.find((s) => s.id === sentLink!.supplierId)!.id;
    const created = await graphqlRequest(platform.gatewayUrl, CREATE_REORDER, { i: { supplierId, productId: sentLink!.productId, warehouseId: bogota, quantity: 17 } }, seller);
    expect(created.data?.createReorder.errors, JSON.stringify(created)).toEqual([]);
    const id = created.data.createReorder.reorder.id as string;
    expect((await graphqlRequest(platform.gatewayUrl, ADVANCE, { id, s: 'SENT' }, seller)).data.advanceReorder.errors).toEqual([]);
    const before = await stockOf(sentLink!.productId);

    const answers = await Promise.all(Array.from({ length: 5 }, () => graphqlRequest(platform.gatewayUrl, ADVANCE, { id, s: 'RECEIVED' }, seller)));
    for (const answer of answers) expect(answer.data.advanceReorder).toEqual({ reorder: { id, status: 'RECEIVED' }, errors: [] });

    const restocked = (movements: { note: string | null }[]) => movements.filter((m) => m.note === `reorder ${id}`);
    // The ledger and the totals are read by two statements: wait until both show the receipt.
    const after = await poll(() => stockOf(sentLink!.productId), (s) => restocked(s.movements).length > 0 && s.onHand > before.onHand);
    expect(restocked(after.movements)).toEqual([{ delta: 17, reason: 'RESTOCK', note: `reorder ${id}`, warehouse: { id: bogota } }]);
    expect(after.onHand).toBe(before.onHand + 17);
    // One reorder.received was ever recorded for it, and its one effect is above: exactly once.
    const events = await platform.servers.purchasing.db.select().from(outbox).where(and(eq(outbox.type, 'reorder.received'), eq(outbox.aggregateId, id)));
    expect(events).toHaveLength(1);

    // The request's references resolve through the gateway: its supplier here, product and warehouse elsewhere.
    const listed = await graphqlRequest(platform.gatewayUrl, `{ reorderRequests(status: RECEIVED) { id supplier { name } product { name supplier { id } } warehouse { name } } }`, {}, seller);
    expect(listed.data.reorderRequests).toContainEqual({ id, supplier: { name: demoSuppliers[0]!.name }, product: { name: expect.any(String), supplier: { id: supplierId } }, warehouse: { name: 'Bodega Bogotá' } });
  });

  it("a linked product's low stock suggests a DRAFT reorder into inventory's restock warehouse (the fallback quantity: no forecast batch here)", async () => {
    const threshold = await graphqlRequest(platform.gatewayUrl, `mutation($p: ID!) { setLowStockThreshold(productId: $p, threshold: 100000) { errors { code } } }`, { p: lowLink!.productId }, seller);
    expect(threshold.data.setLowStockThreshold.errors).toEqual([]);
    const suggested = await poll(
      async () => (await graphqlRequest(platform.gatewayUrl, `{ reorderRequests(status: DRAFT) { suggested quantity product { id } warehouse { id } supplier { id } } }`, {}, seller)).data.reorderRequests as { suggested: boolean; product: { id: string } }[],
      (rows) => rows.some((r) => r.suggested && r.product.id === lowLink!.productId),
    );
    expect(suggested.filter((r) => r.product.id === lowLink!.productId)).toEqual([
      { suggested: true, quantity: 200_000, product: { id: lowLink!.productId }, warehouse: { id: expect.any(String) }, supplier: { id: lowLink!.supplierId } },
    ]);
  });
});

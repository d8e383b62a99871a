import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenIssuer, generateKeyPairPem } from '@shop/auth';
import { demo } from '@shop/demo-store';
import { InProcessEventBus } from '@shop/events';
import { stockLow } from '@shop/inventory/contract';
import { startSubgraph, type RunningSubgraph } from '@shop/kernel';
import { graphqlRequest } from '@shop/testing';
import { purchasing as definition } from '../src/subgraph.js';
import { demoProductSuppliers, demoSentReorder, demoSuppliers } from '../src/domain/demo.js';
import { ADVANCE, REORDERS, SUPPLIERS } from './support/harness.js';
import { startFakeNeighbours, type FakeNeighbours } from './support/fake-neighbours.js';

// The embedded default (`npm start`) runs PostgreSQL in WASM: the same migrations and SQL (the composite foreign keys,
// the partial unique index, the advisory lock of a suggestion) must work there, and the demo seed, twice, with them.
let dataDir: string;
let neighbours: FakeNeighbours;
let bus: InProcessEventBus;
let issuer: Awaited<ReturnType<typeof createTokenIssuer>>;
let config: Record<string, string | number>;
let purchasing: RunningSubgraph<any, any>;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'purchasing-pglite-'));
  const keys = await generateKeyPairPem();
  issuer = await createTokenIssuer(keys.privateKeyPem, keys.publicKeyPem);
  neighbours = await startFakeNeighbours(keys.publicKeyPem);
  bus = new InProcessEventBus(20);
  config = { PORT: 0, HOST: '127.0.0.1', DATA_DIR: dataDir, JWT_PUBLIC_KEY: keys.publicKeyPem, SEED_DEMO: 'true', PRODUCTS_URL: neighbours.url, INVENTORY_URL: neighbours.url, ANALYTICS_URL: neighbours.url };
  // Seeded on the first start, seeded again (changing nothing) on the second.
  await (await startSubgraph(definition, { config, bus })).stop();
  purchasing = await startSubgraph(definition, { config, bus });
});
afterAll(async () => {
  await purchasing?.stop();
  await bus?.close();
  await neighbours?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('on embedded PGlite', () => {
  it("seeds each demo seller's suppliers and one SENT request, once; a demo product's low stock suggests a reorder; the SENT one is received", async () => {
    const wayuu = await issuer.issue({ id: demo.sellers[0].id, roles: ['SELLER'] });
    const own = (await graphqlRequest(purchasing.url, SUPPLIERS, {}, wayuu)).data.suppliers;
    expect(own.map((s: { name: string }) => s.name)).toEqual(demoSuppliers.filter((s) => s.sellerId === demo.sellers[0].id).map((s) => s.name).sort());
    for (const seller of demo.sellers) {
      const count = demoSuppliers.filter((s) => s.sellerId === seller.id).length;
      expect(count).toBeGreaterThanOrEqual(1);
      expect(count).toBeLessThanOrEqual(2);
    }
    expect((await graphqlRequest(purchasing.url, REORDERS, {}, wayuu)).data.reorderRequests).toMatchObject([{ id: demoSentReorder.id, status: 'SENT', quantity: 24, suggested: false }]);

    // A linked product of another seller (nothing open for it) runs low: one suggestion, from the fallback (no forecast).
    const linked = demoProductSuppliers.find((link) => link.sellerId === demo.sellers[1].id)!;
    await bus.publish(stockLow.create({ productId: linked.productId, sellerId: linked.sellerId, available: 2, threshold: 5, restockWarehouseId: demo.warehouses[0]!.id }));
    await bus.drain();
    const raquira = await issuer.issue({ id: demo.sellers[1].id, roles: ['SELLER'] });
    expect((await graphqlRequest(purchasing.url, REORDERS, {}, raquira)).data.reorderRequests).toMatchObject([{ status: 'DRAFT', suggested: true, quantity: 10, product: { id: linked.productId } }]);

    const received = await Promise.all(Array.from({ length: 3 }, () => graphqlRequest(purchasing.url, ADVANCE, { id: demoSentReorder.id, s: 'RECEIVED' }, wayuu)));
    for (const res of received) expect(res.data.advanceReorder).toEqual({ reorder: { id: demoSentReorder.id, status: 'RECEIVED' }, errors: [] });
  });
});

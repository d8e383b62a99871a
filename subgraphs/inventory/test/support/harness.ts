import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, inject } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { createTokenIssuer, generateKeyPairPem, type Role } from '@shop/auth';
import { openDatabase, type Database } from '@shop/db';
import { demo } from '@shop/demo-store';
import { InProcessEventBus } from '@shop/events';
import { startSubgraph, type ServiceConfigInput } from '@shop/kernel';
import { createTestDatabase } from '@shop/testing';
import type { RunningServer } from '@shop/server';
import { schema, stockLevels, stockMovements, type InventorySchema } from '../../src/db/schema.js';
import { inventory as definition } from '../../src/subgraph.js';
import { startFakeProducts, type FakeProduct, type FakeProductsServer } from './fake-products.js';

export const migrationsFolder = fileURLToPath(definition.database.migrations);

/** Inventory's env-shaped settings, as a test overrides them. */
export type InventoryConfig = ServiceConfigInput<typeof definition.config>;

export interface Harness {
  inventory: RunningServer;
  products: FakeProductsServer;
  /** A direct handle on the inventory database, to check and stage rows. */
  db: Database<InventorySchema>;
  databaseUrl: string;
  /** The bus every inventory server of this harness publishes to and consumes from. */
  bus: InProcessEventBus;
  publicKeyPem: string;
  /** Every SQL statement the inventory server ran, in order. */
  queries: string[];
  tokenFor(id: string, roles: Role[]): Promise<string>;
  /** Starts another inventory server on the same database and bus with other settings (not seeded unless SEED_DEMO says so). */
  startInventory(overrides: InventoryConfig): Promise<RunningServer>;
  stop(): Promise<void>;
}

/** A fresh database on the test cluster, the fake products subgraph and the inventory subgraph seeded with the demo store. */
export async function startHarness(adminUrl: string, prefix: string, extraProducts: FakeProduct[] = []): Promise<Harness> {
  const database = await createTestDatabase(adminUrl, prefix);
  const keys = await generateKeyPairPem();
  const issuer = await createTokenIssuer(keys.privateKeyPem, keys.publicKeyPem);
  const products = await startFakeProducts(keys.publicKeyPem, extraProducts);
  const queries: string[] = [];
  const bus = new InProcessEventBus(20);
  const base: InventoryConfig = {
    PORT: 0,
    HOST: '127.0.0.1',
    DATABASE_URL: database.url,
    JWT_PUBLIC_KEY: keys.publicKeyPem,
    PRODUCTS_URL: products.url,
    SEED_DEMO: 'false',
  };
  const inventory = await startSubgraph(definition, { config: { ...base, SEED_DEMO: 'true' }, bus, onQuery: (sql) => queries.push(sql) });
  const direct = await openDatabase({ url: database.url, schema, migrationsFolder, maxConnections: 2 });
  const extra: RunningServer[] = [];
  return {
    inventory,
    products,
    db: direct.db,
    databaseUrl: database.url,
    bus,
    publicKeyPem: keys.publicKeyPem,
    queries,
    tokenFor: (id, roles) => issuer.issue({ id, roles }),
    async startInventory(overrides) {
      const server = await startSubgraph(definition, { config: { ...base, ...overrides }, bus });
      extra.push(server);
      return server;
    },
    async stop() {
      for (const server of extra) await server.stop();
      await inventory.stop();
      await bus.close();
      await products.stop();
      await direct.close();
      await database.drop();
    },
  };
}

/** The stock row and ledger size of one product in one warehouse, to prove that nothing was written. */
export async function snapshot(db: Database<InventorySchema>, productId: string, warehouseId: string) {
  const [level] = await db
    .select({ onHand: stockLevels.onHand, reserved: stockLevels.reserved })
    .from(stockLevels)
    .where(and(eq(stockLevels.productId, productId), eq(stockLevels.warehouseId, warehouseId)));
  const [ledger] = await db.select({ rows: count() }).from(stockMovements).where(eq(stockMovements.productId, productId));
  return { level: level ?? null, ledgerRows: ledger?.rows ?? 0 };
}

export const newProduct = (sellerId: string, status = 'ACTIVE'): FakeProduct => ({ id: randomUUID(), sellerId, status });
export const [bogota, medellin] = demo.warehouses as [(typeof demo.warehouses)[0], (typeof demo.warehouses)[0]];

/** Two inventory servers (replicas) over one database for the calling test file: started before its tests, stopped after. */
export function withTwoReplicas(prefix: string): { readonly h: Harness; readonly replicas: [RunningServer, RunningServer] } {
  const state = {} as { h: Harness; replicas: [RunningServer, RunningServer] };
  beforeAll(async () => {
    state.h = await startHarness(inject('databaseUrl'), prefix);
    state.replicas = [state.h.inventory, await state.h.startInventory({})];
  });
  afterAll(async () => state.h?.stop());
  return state;
}

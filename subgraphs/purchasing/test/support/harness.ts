import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { asc, eq } from 'drizzle-orm';
import { createTokenIssuer, generateKeyPairPem, type Role } from '@shop/auth';
import { openDatabase, type Database } from '@shop/db';
import { InProcessEventBus, outbox, type DomainEvent } from '@shop/events';
import { startSubgraph, type RunningSubgraph, type ServiceConfigInput } from '@shop/kernel';
import { createTestDatabase, graphqlRequest, type GraphQLResponse } from '@shop/testing';
import { schema, type PurchasingSchema } from '../../src/db/schema.js';
import { purchasing as definition } from '../../src/subgraph.js';
import { startFakeNeighbours, type FakeNeighbours } from './fake-neighbours.js';

export const migrationsFolder = fileURLToPath(definition.database.migrations);
export type PurchasingConfig = ServiceConfigInput<typeof definition.config>;
type Running = RunningSubgraph<PurchasingSchema, unknown>;

export interface Harness {
  purchasing: Running;
  neighbours: FakeNeighbours;
  db: Database<PurchasingSchema>;
  bus: InProcessEventBus;
  tokenFor(id: string, roles?: Role[]): Promise<string>;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string, server?: Running): Promise<GraphQLResponse<T>>;
  /** Another purchasing server on the same database and bus (a replica), or one with other settings. */
  startPurchasing(overrides?: PurchasingConfig): Promise<Running>;
  /** Hands an event to the bus (as its publisher's relay would) and waits for the deliveries. */
  deliver(event: DomainEvent): Promise<void>;
  settle(): Promise<void>;
  /** The events purchasing recorded of this type, oldest first. */
  recorded(type: string): Promise<{ aggregateId: string; payload: any }[]>;
  stop(): Promise<void>;
}

export async function startHarness(adminUrl: string, prefix: string, overrides: PurchasingConfig = {}): Promise<Harness> {
  const database = await createTestDatabase(adminUrl, prefix);
  const keys = await generateKeyPairPem();
  const issuer = await createTokenIssuer(keys.privateKeyPem, keys.publicKeyPem);
  const neighbours = await startFakeNeighbours(keys.publicKeyPem);
  const bus = new InProcessEventBus(20);
  const base: PurchasingConfig = {
    PORT: 0, HOST: '127.0.0.1', DATABASE_URL: database.url, JWT_PUBLIC_KEY: keys.publicKeyPem, SEED_DEMO: 'false',
    PRODUCTS_URL: neighbours.url, INVENTORY_URL: neighbours.url, ANALYTICS_URL: neighbours.url, ANALYTICS_TIMEOUT_MS: '300', ...overrides,
  };
  const purchasing = (await startSubgraph(definition, { config: base, bus })) as Running;
  const servers: Running[] = [purchasing];
  const direct = await openDatabase({ url: database.url, schema, migrationsFolder, maxConnections: 4 });
  const settle = async () => {
    await bus.drain();
    for (const server of servers) await server.relay.flush();
    await bus.drain();
  };
  return {
    purchasing,
    neighbours,
    db: direct.db,
    bus,
    tokenFor: (id, roles = ['SELLER']) => issuer.issue({ id, roles }),
    gql: (query, variables, token, server = purchasing) => graphqlRequest(server.url, query, variables, token),
    async startPurchasing(more = {}) {
      const server = (await startSubgraph(definition, { config: { ...base, ...more }, bus })) as Running;
      servers.push(server);
      return server;
    },
    async deliver(event) {
      await bus.publish(event);
      await settle();
    },
    settle,
    async recorded(type) {
      await settle();
      return direct.db.select({ aggregateId: outbox.aggregateId, payload: outbox.payload }).from(outbox).where(eq(outbox.type, type)).orderBy(asc(outbox.seq));
    },
    async stop() {
      for (const server of servers.reverse()) await server.stop();
      await bus.close();
      await neighbours.stop();
      await direct.close();
      await database.drop();
    },
  };
}

/** A seller with a product (known to the fake products) and a warehouse (known to the fake inventory). */
export async function sellerWithProduct(h: Harness): Promise<{ sellerId: string; token: string; productId: string; warehouseId: string }> {
  const sellerId = randomUUID();
  const productId = randomUUID();
  const warehouseId = randomUUID();
  h.neighbours.products.set(productId, sellerId);
  h.neighbours.warehouses.set(warehouseId, { kind: 'WAREHOUSE', sellerId: null });
  return { sellerId, token: await h.tokenFor(sellerId), productId, warehouseId };
}

export const SUPPLIER_FIELDS = 'id name contactEmail leadTimeDays seller { id }';
export const REORDER_FIELDS = `id status quantity suggested supplier { id } product { id } warehouse { id } createdAt updatedAt`;
export const CREATE_SUPPLIER = `mutation($i: SupplierInput!, $s: ID) { createSupplier(input: $i, sellerId: $s) { supplier { ${SUPPLIER_FIELDS} } errors { code message field } } }`;
export const UPDATE_SUPPLIER = `mutation($id: ID!, $i: SupplierInput!) { updateSupplier(id: $id, input: $i) { supplier { ${SUPPLIER_FIELDS} } errors { code message field } } }`;
export const SET_PRODUCT_SUPPLIER = `mutation($p: ID!, $s: ID) { setProductSupplier(productId: $p, supplierId: $s) { product { id supplier { id name } } errors { code message field } } }`;
export const CREATE_REORDER = `mutation($i: ReorderInput!) { createReorder(input: $i) { reorder { ${REORDER_FIELDS} } errors { code message field } } }`;
export const ADVANCE = `mutation($id: ID!, $s: ReorderStatus!) { advanceReorder(id: $id, status: $s) { reorder { id status } errors { code message field } } }`;
export const REORDERS = `query($s: ReorderStatus) { reorderRequests(status: $s) { ${REORDER_FIELDS} } }`;
export const SUPPLIERS = `{ suppliers { ${SUPPLIER_FIELDS} } }`;

/** Creates a supplier as the token's seller and returns its id. */
export async function supplierOf(h: Harness, token: string, leadTimeDays = 7, name = 'Proveedor de prueba'): Promise<string> {
  const res = await h.gql(CREATE_SUPPLIER, { i: { name, contactEmail: 'compras@proveedor.test', leadTimeDays } }, token);
  if (res.data?.createSupplier.errors.length !== 0) throw new Error(JSON.stringify(res));
  return res.data.createSupplier.supplier.id;
}

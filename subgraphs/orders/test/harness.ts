import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { createTokenIssuer, generateKeyPairPem, type Role } from '@shop/auth';
import { openDatabase, type Database } from '@shop/db';
import { InProcessEventBus, outbox } from '@shop/events';
import { startSubgraph, type RunningSubgraph, type StartOptions } from '@shop/kernel';
import { createTestDatabase } from '@shop/testing';
import { orderLines, orders, orderStatusHistory, schema, type OrdersSchema } from '../src/db/schema.js';
import { orders as ordersSubgraph } from '../src/subgraph.js';
import { startFakeInventory, type FakeInventory } from './fake-inventory.js';
import { startFakeProducts, type FakeProducts } from './fake-products.js';

export const migrationsFolder = fileURLToPath(ordersSubgraph.database.migrations);

export type OrdersServices = Awaited<ReturnType<typeof ordersSubgraph.services>>;
/** What a test may set on the orders subgraph it starts: env-shaped config and stand-in collaborators. */
export type OrdersStartOptions = Pick<StartOptions<typeof ordersSubgraph.config, OrdersServices>, 'config' | 'services'>;
export type RunningOrders = RunningSubgraph<OrdersSchema, OrdersServices>;

/** One orders subgraph on a fresh database, with stand-ins for products and inventory and its own event bus. */
export interface Harness {
  server: RunningOrders;
  db: Database<OrdersSchema>;
  databaseUrl: string;
  products: FakeProducts;
  inventory: FakeInventory;
  bus: InProcessEventBus;
  publicKeyPem: string;
  issue(id: string, roles?: Role[]): Promise<string>;
  /** Another orders subgraph over the same database and bus (a second replica, or other options). */
  startReplica(options?: OrdersStartOptions): Promise<RunningOrders>;
  stop(): Promise<void>;
}

export async function startHarness(prefix: string, options: OrdersStartOptions = {}): Promise<Harness> {
  const database = await createTestDatabase(inject('databaseUrl'), prefix);
  const keys = await generateKeyPairPem();
  const issuer = await createTokenIssuer(keys.privateKeyPem, keys.publicKeyPem);
  const products = await startFakeProducts(keys.publicKeyPem);
  const inventory = await startFakeInventory();
  const bus = new InProcessEventBus(20);
  const extra: RunningOrders[] = [];
  const start = (more: OrdersStartOptions) =>
    startSubgraph(ordersSubgraph, {
      bus,
      config: {
        PORT: 0,
        DATABASE_URL: database.url,
        JWT_PUBLIC_KEY: keys.publicKeyPem,
        PRODUCTS_URL: products.url,
        INVENTORY_URL: inventory.url,
        SEED_DEMO: 'false',
        // Tests run the sweeper themselves unless they test its schedule.
        EXPIRY_SWEEP_INTERVAL: 3_600_000,
        ...options.config,
        ...more.config,
      },
      services: { ...options.services, ...more.services },
    });
  const server = await start({});
  const { db, close } = await openDatabase({ url: database.url, schema, migrationsFolder });
  return {
    server,
    db,
    databaseUrl: database.url,
    products,
    inventory,
    bus,
    publicKeyPem: keys.publicKeyPem,
    issue: (id, roles = ['CUSTOMER']) => issuer.issue({ id, roles }),
    startReplica: async (more = {}) => {
      const replica = await start(more);
      extra.push(replica);
      return replica;
    },
    stop: async () => {
      for (const replica of extra) await replica.stop();
      await server.stop();
      await bus.close();
      await products.stop();
      await inventory.stop();
      await close();
      await database.drop();
    },
  };
}

/** Row counts of everything placing or changing an order writes. */
export async function writtenRows(db: Database<OrdersSchema>) {
  const [[o], [l], [h], [e]] = await Promise.all([
    db.select({ n: count() }).from(orders),
    db.select({ n: count() }).from(orderLines),
    db.select({ n: count() }).from(orderStatusHistory),
    db.select({ n: count() }).from(outbox),
  ]);
  return { orders: o!.n, lines: l!.n, history: h!.n, outbox: e!.n };
}

/** The events recorded about one order, oldest first. */
export async function eventsOf(db: Database<OrdersSchema>, orderId: string) {
  const rows = await db.select().from(outbox).where(eq(outbox.aggregateId, orderId)).orderBy(outbox.seq);
  return rows.map((r) => ({ type: r.type, payload: r.payload as Record<string, any> }));
}

export async function historyOf(db: Database<OrdersSchema>, orderId: string) {
  const rows = await db.select().from(orderStatusHistory).where(eq(orderStatusHistory.orderId, orderId));
  return rows.map((r) => ({ from: r.fromStatus, to: r.toStatus, reason: r.reason, actorId: r.actorId }));
}

/** Polls until check passes (for effects that happen after a response, e.g. compensations). */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

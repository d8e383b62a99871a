import { fileURLToPath } from 'node:url';
import { asc, eq } from 'drizzle-orm';
import { createServiceCredentials, createTokenIssuer, generateKeyPairPem, serviceSecretFrom, type Role, type ServiceCredentials } from '@shop/auth';
import { openDatabase, type Database } from '@shop/db';
import { InProcessEventBus, outbox } from '@shop/events';
import { startSubgraph, type RunningSubgraph } from '@shop/kernel';
import { createTestDatabase, graphqlRequest, type GraphQLResponse } from '@shop/testing';
import { schema, type ShippingSchema } from '../../src/db/schema.js';
import { shipping as definition } from '../../src/subgraph.js';

export const migrationsFolder = fileURLToPath(definition.database.migrations);
type Running = RunningSubgraph<ShippingSchema, unknown>;

export interface Harness {
  shipping: Running;
  /** A direct handle on the shipping database, to check and stage rows. */
  db: Database<ShippingSchema>;
  bus: InProcessEventBus;
  /** Another service's tokens, for shipping's /internal routes. */
  credentials: ServiceCredentials;
  tokenFor(id: string, roles?: Role[]): Promise<string>;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  /** Publishes what shipping recorded and waits for the deliveries to settle. */
  settle(): Promise<void>;
  /** The events shipping recorded of this type, oldest first. */
  recorded(type: string): Promise<{ aggregateId: string; payload: any }[]>;
  stop(): Promise<void>;
}

/** One shipping server on its own database with the demo rate card (SEED_DEMO), an in-process bus. */
export async function startHarness(adminUrl: string, prefix: string): Promise<Harness> {
  const database = await createTestDatabase(adminUrl, prefix);
  const keys = await generateKeyPairPem();
  const issuer = await createTokenIssuer(keys.privateKeyPem, keys.publicKeyPem);
  const bus = new InProcessEventBus(20);
  const shipping = (await startSubgraph(definition, {
    config: { PORT: 0, HOST: '127.0.0.1', DATABASE_URL: database.url, JWT_PUBLIC_KEY: keys.publicKeyPem, SEED_DEMO: 'true' },
    bus,
  })) as Running;
  const direct = await openDatabase({ url: database.url, schema, migrationsFolder, maxConnections: 4 });
  const settle = async () => {
    await bus.drain();
    await shipping.relay.flush();
    await bus.drain();
  };
  return {
    shipping,
    db: direct.db,
    bus,
    // The process's own secret, as every service started in this process verifies with.
    credentials: createServiceCredentials('orders', serviceSecretFrom({})),
    tokenFor: (id, roles = ['CUSTOMER']) => issuer.issue({ id, roles }),
    gql: (query, variables, token) => graphqlRequest(shipping.url, query, variables, token),
    settle,
    async recorded(type) {
      await settle();
      return direct.db.select({ aggregateId: outbox.aggregateId, payload: outbox.payload }).from(outbox).where(eq(outbox.type, type)).orderBy(asc(outbox.seq));
    },
    async stop() {
      await shipping.stop();
      await bus.close();
      await direct.close();
      await database.drop();
    },
  };
}

import { fileURLToPath } from 'node:url';
import { createTokenIssuer, generateKeyPairPem, type Role } from '@shop/auth';
import { openDatabase, type Database } from '@shop/db';
import { InProcessEventBus, type DomainEvent } from '@shop/events';
import { startSubgraph, type RunningSubgraph } from '@shop/kernel';
import { createTestDatabase, graphqlRequest, type GraphQLResponse } from '@shop/testing';
import { schema, type AnalyticsSchema } from '../../src/db/schema.js';
import { analytics as definition } from '../../src/subgraph.js';

export interface Harness {
  analytics: RunningSubgraph<AnalyticsSchema, any>;
  /** A direct handle on analytics' database. */
  db: Database<AnalyticsSchema>;
  tokenFor(id: string, roles: Role[]): Promise<string>;
  /** Publishes as the event's publisher would (the bus delivers it to analytics' queue) and waits until it settled. */
  deliver(...events: DomainEvent[]): Promise<void>;
  query<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

/** analytics alone (not seeded) on a fresh database and an in-process bus. */
export async function startHarness(adminUrl: string, prefix: string): Promise<Harness> {
  const database = await createTestDatabase(adminUrl, `${prefix}_analytics`);
  const keys = await generateKeyPairPem();
  const issuer = await createTokenIssuer(keys.privateKeyPem, keys.publicKeyPem);
  const bus = new InProcessEventBus(20);
  const analytics = await startSubgraph(definition, {
    config: { PORT: 0, HOST: '127.0.0.1', JWT_PUBLIC_KEY: keys.publicKeyPem, DATABASE_URL: database.url, SEED_DEMO: 'false' },
    bus,
  });
  const direct = await openDatabase({ url: database.url, schema, migrationsFolder: fileURLToPath(definition.database.migrations), maxConnections: 2 });
  return {
    analytics,
    db: direct.db,
    tokenFor: (id, roles) => issuer.issue({ id, roles }),
    async deliver(...events) {
      for (const event of events) await bus.publish(event);
      await bus.drain();
    },
    query: (query, variables, token) => graphqlRequest(analytics.url, query, variables, token),
    async stop() {
      await analytics.stop();
      await bus.close();
      await direct.close();
      await database.drop();
    },
  };
}

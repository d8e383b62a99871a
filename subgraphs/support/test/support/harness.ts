import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { createTokenIssuer, generateKeyPairPem, type Role } from '@shop/auth';
import { openDatabase, type Database } from '@shop/db';
import { InProcessEventBus, outbox } from '@shop/events';
import { startSubgraph, type RunningSubgraph, type ServiceConfigInput } from '@shop/kernel';
import { createTestDatabase, graphqlRequest, type GraphQLResponse } from '@shop/testing';
import { asc, eq } from 'drizzle-orm';
import { schema, type SupportSchema } from '../../src/db/schema.js';
import { support as definition } from '../../src/subgraph.js';
import { startFakeOrders, type FakeOrdersServer } from './fake-orders.js';

export const migrationsFolder = fileURLToPath(definition.database.migrations);
export type SupportConfig = ServiceConfigInput<typeof definition.config>;
type Running = RunningSubgraph<SupportSchema, unknown>;

export interface Harness {
  support: Running;
  orders: FakeOrdersServer;
  /** A direct handle on the support database, to check and stage rows. */
  db: Database<SupportSchema>;
  bus: InProcessEventBus;
  tokenFor(id: string, roles?: Role[]): Promise<string>;
  /** A GraphQL request to a support server (the first one unless said). */
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string, server?: Running): Promise<GraphQLResponse<T>>;
  /** Another support server on the same database and bus (a replica). */
  startSupport(overrides?: SupportConfig): Promise<Running>;
  /** Publishes what every support server recorded and waits for the deliveries to settle. */
  settle(): Promise<void>;
  /** The events support recorded of this type, oldest first. */
  recorded(type: string): Promise<{ aggregateId: string; payload: any }[]>;
  stop(): Promise<void>;
}

export async function startHarness(adminUrl: string, prefix: string): Promise<Harness> {
  const database = await createTestDatabase(adminUrl, prefix);
  const keys = await generateKeyPairPem();
  const issuer = await createTokenIssuer(keys.privateKeyPem, keys.publicKeyPem);
  const orders = await startFakeOrders(keys.publicKeyPem);
  const bus = new InProcessEventBus(20);
  const base: SupportConfig = { PORT: 0, HOST: '127.0.0.1', DATABASE_URL: database.url, JWT_PUBLIC_KEY: keys.publicKeyPem, ORDERS_URL: orders.url, SEED_DEMO: 'false' };
  const support = (await startSubgraph(definition, { config: base, bus })) as Running;
  const servers: Running[] = [support];
  const direct = await openDatabase({ url: database.url, schema, migrationsFolder, maxConnections: 4 });
  const settle = async () => {
    await bus.drain();
    for (const server of servers) await server.relay.flush();
    await bus.drain();
  };
  return {
    support,
    orders,
    db: direct.db,
    bus,
    tokenFor: (id, roles = ['CUSTOMER']) => issuer.issue({ id, roles }),
    gql: (query, variables, token, server = support) => graphqlRequest(server.url, query, variables, token),
    async startSupport(overrides = {}) {
      const server = (await startSubgraph(definition, { config: { ...base, ...overrides }, bus })) as Running;
      servers.push(server);
      return server;
    },
    settle,
    async recorded(type) {
      await settle();
      return direct.db.select({ aggregateId: outbox.aggregateId, payload: outbox.payload }).from(outbox).where(eq(outbox.type, type)).orderBy(asc(outbox.seq));
    },
    async stop() {
      for (const server of servers.reverse()) await server.stop();
      await bus.close();
      await orders.stop();
      await direct.close();
      await database.drop();
    },
  };
}

export function wsClient(url: string, token?: string): Client {
  return createClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: token ? { authorization: `Bearer ${token}` } : {}, retryAttempts: 0, lazy: true });
}

export interface Collected {
  results: { data?: any; errors?: any[] }[];
  error: unknown;
  unsubscribe(): void;
}

/** Subscribes and records everything the server sends for this operation. */
export function collect(client: Client, query: string, variables: Record<string, unknown> = {}): Collected {
  const collected: Collected = { results: [], error: undefined, unsubscribe: () => undefined };
  collected.unsubscribe = client.subscribe(
    { query, variables },
    { next: (result) => void collected.results.push(result as Collected['results'][number]), error: (error) => void (collected.error = error), complete: () => undefined },
  );
  return collected;
}

/** The fields the tests read of a ticket. */
export const TICKET_FIELDS = `id number subject status priority priorityReasons orderStatus order { id } customer { id }
  messages { id body byStaff author { id } } history { from to by { id } } createdAt updatedAt`;
export const OPEN_TICKET = `mutation($input: OpenTicketInput!) { openTicket(input: $input) { ticket { ${TICKET_FIELDS} } errors { code message field } } }`;
export const REPLY = `mutation($id: ID!, $m: String!) { replyToTicket(ticketId: $id, message: $m) { ticket { ${TICKET_FIELDS} } errors { code message field } } }`;
export const SET_STATUS = `mutation($id: ID!, $s: TicketStatus!) { setTicketStatus(ticketId: $id, status: $s) { ticket { id status history { from to } } errors { code message field } } }`;
export const TICKET = `query($id: ID!) { ticket(id: $id) { ${TICKET_FIELDS} } }`;

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { createTokenIssuer, generateKeyPairPem, type Role } from '@shop/auth';
import { openDatabase, type Database } from '@shop/db';
import { InProcessEventBus, RabbitMqEventBus, topologyOf, type DomainEvent, type EventBus } from '@shop/events';
import { startSubgraph, type RunningSubgraph, type ServiceConfigInput } from '@shop/kernel';
import { products as productsDefinition } from '@shop/products';
import { createTestDatabase } from '@shop/testing';
import { users as usersDefinition } from '@shop/users';
import type { RunningServer } from '@shop/server';
import { schema, type NotificationsSchema } from '../../src/db/schema.js';
import { notifications as definition } from '../../src/subgraph.js';

export type NotificationsConfig = ServiceConfigInput<typeof definition.config>;

export interface Harness {
  notifications: RunningSubgraph<NotificationsSchema, any>;
  /** The real users and products subgraphs (demo accounts and catalog), which notifications asks. */
  readonly users: RunningServer;
  products: RunningServer;
  /** A direct handle on the notifications database. */
  db: Database<NotificationsSchema>;
  /** The bus the harness publishes on: notifications' own in-process bus, or a publisher's connection to RabbitMQ. */
  bus: EventBus;
  /** In process: waits until every delivery under way has settled (RabbitMQ: nothing to wait on; poll instead). */
  settle(): Promise<void>;
  /** DATA_DIR/mail: where e-mails go without SMTP_URL. */
  mailDir: string;
  tokenFor(id: string, roles?: Role[]): Promise<string>;
  /** Publishes as the event's publisher would (the bus delivers it to notifications' queue); in process, waits until every delivery settled. */
  deliver(event: DomainEvent): Promise<void>;
  /** Stops the users subgraph (it is down until restartUsers). */
  stopUsers(): Promise<void>;
  /** Starts users again on its port and database. */
  restartUsers(): Promise<void>;
  /** Another notifications server (a replica) on the same database and bus. */
  startReplica(): Promise<RunningSubgraph<NotificationsSchema, any>>;
  /** A graphql-ws client on the notifications subgraph (or on a replica's URL). */
  wsClient(token: string, url?: string): Client;
  stop(): Promise<void>;
}

/** notifications' queue and bindings, as the platform's topology declares them. */
export const topology = topologyOf([{ consumer: definition.name, events: (definition.consumers ?? []).flatMap((c) => c.events) }]);

/**
 * Fresh databases, the users and products subgraphs seeded with the demo store, and notifications (not seeded) on one
 * in-process bus; or, given a RabbitMQ URL, each notifications server with its own connection to the broker (as
 * separate processes would be) and the harness publishing on another.
 */
export async function startHarness(adminUrl: string, prefix: string, overrides: NotificationsConfig = {}, transport: { rabbitmqUrl?: string } = {}): Promise<Harness> {
  const [usersDb, productsDb, notificationsDb] = await Promise.all(['users', 'products', 'notifications'].map((name) => createTestDatabase(adminUrl, `${prefix}_${name}`)));
  const keys = await generateKeyPairPem();
  const issuer = await createTokenIssuer(keys.privateKeyPem, keys.publicKeyPem);
  const inProcess = transport.rabbitmqUrl ? null : new InProcessEventBus(20);
  const bus: EventBus = inProcess ?? (await RabbitMqEventBus.connect(transport.rabbitmqUrl!, { topology }));
  const busOptions = inProcess ? { bus: inProcess } : { topology };
  const dataDir = await mkdtemp(join(tmpdir(), `${prefix}-`));
  const common = { PORT: 0, HOST: '127.0.0.1', JWT_PUBLIC_KEY: keys.publicKeyPem } as const;
  const usersConfig = { ...common, DATABASE_URL: usersDb!.url, JWT_PRIVATE_KEY: keys.privateKeyPem, SEED_DEMO: 'true', LOGIN_LIMITS: 'off' } as const;
  let users: RunningServer | null = await startSubgraph(usersDefinition, { config: usersConfig });
  const usersPort = Number(new URL(users.url).port);
  const products = await startSubgraph(productsDefinition, { config: { ...common, DATABASE_URL: productsDb!.url, SEED_DEMO: 'true' } });
  const notificationsConfig: NotificationsConfig = {
    ...common,
    DATABASE_URL: notificationsDb!.url,
    DATA_DIR: dataDir,
    USERS_URL: users.url,
    PRODUCTS_URL: products.url,
    SEED_DEMO: 'false',
    EMAIL_INTERVAL_MS: '50',
    EMAIL_RETRY_MIN_MS: '50',
    ...(transport.rabbitmqUrl ? { EVENT_BUS: 'rabbitmq', RABBITMQ_URL: transport.rabbitmqUrl } : {}),
    ...overrides,
  };
  const notifications = await startSubgraph(definition, { config: notificationsConfig, ...busOptions });
  const replicas: RunningSubgraph<NotificationsSchema, any>[] = [];
  const direct = await openDatabase({ url: notificationsDb!.url, schema, migrationsFolder: fileURLToPath(definition.database.migrations), maxConnections: 2 });
  const clients: Client[] = [];
  return {
    notifications,
    get users() {
      if (!users) throw new Error('users is stopped');
      return users;
    },
    products,
    db: direct.db,
    bus,
    settle: async () => inProcess?.drain(),
    mailDir: join(dataDir, 'mail'),
    tokenFor: (id, roles = ['CUSTOMER']) => issuer.issue({ id, roles }),
    async deliver(event) {
      await bus.publish(event);
      await inProcess?.drain();
    },
    async stopUsers() {
      await users?.stop();
      users = null;
    },
    async restartUsers() {
      users = await startSubgraph(usersDefinition, { config: { ...usersConfig, PORT: usersPort } });
    },
    async startReplica() {
      const replica = await startSubgraph(definition, { config: { ...notificationsConfig, SEED_DEMO: 'false' }, ...busOptions });
      replicas.push(replica);
      return replica;
    },
    wsClient(token, url = notifications.url) {
      const client = createClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0, lazy: true });
      clients.push(client);
      return client;
    },
    async stop() {
      for (const client of clients) await client.dispose();
      for (const replica of replicas) await replica.stop();
      await notifications.stop();
      await Promise.all([users?.stop(), products.stop()]);
      await bus.close();
      await direct.close();
      await Promise.all([usersDb, productsDb, notificationsDb].map((d) => d!.drop()));
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const FEED = `query($id: ID!, $first: Int, $after: String, $unreadOnly: Boolean) {
  _entities(representations: [{ __typename: "User", id: $id }]) {
    ... on User {
      unreadNotificationCount
      notifications(first: $first, after: $after, unreadOnly: $unreadOnly) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id kind title body link read createdAt } } }
    }
  }
}`;
export const queries = {
  feed: FEED,
  preferences: `query($id: ID!) { _entities(representations: [{ __typename: "User", id: $id }]) { ... on User { notificationPreferences { kind email } } } }`,
  markRead: `mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) { unreadNotificationCount errors { code field message } } }`,
  setPreference: `mutation($kind: NotificationKind!, $email: Boolean!) { setNotificationPreference(kind: $kind, email: $email) { preferences { kind email } errors { code } } }`,
  added: `subscription { notificationAdded { id kind title body link read createdAt } }`,
};

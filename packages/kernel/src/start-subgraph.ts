import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gql } from 'graphql-tag';
import type { Express } from 'express';
import type { z } from 'zod';
import { createServiceCredentials, createServiceTokenVerifier, createTokenVerifier, serviceSecretFrom, withServicePrincipal } from '@shop/auth';
import { createLogger, readConfig, Scheduler, type Logger } from '@shop/common';
import { databaseReady, openDatabase, type Database } from '@shop/db';
import { createEventBus, deadLetters, inbox, outbox, OutboxRelay, outboxBacklog, pruneInbox, wakeOnCommit, type EventBus } from '@shop/events';
import { asyncGauge, createMetricsRegistry, graphqlMetricsPlugin, graphqlTracingPlugin, metricsHandler, traceHttpRequests } from '@shop/observability';
import { requireServiceToken, startPlainServer, startSubgraphServer, tokenVerificationFrom, type RunningSubgraphServer } from '@shop/server';
import { configSchema, type BaseConfig } from './config.js';
import { pruneRetriedFailures, startConsumers } from './consumers.js';
import { isSubgraph, type ServiceConfigInput, type ServiceDefinition, type ServiceKit } from './define-subgraph.js';

export interface StartOptions<TShape extends z.ZodRawShape, TServices> {
  /** Env-shaped settings (process.env for a standalone service); validated with the service's schema. */
  config?: ServiceConfigInput<TShape>;
  /** A bus shared with other services in this process; by default the kernel opens the one config asks for (and closes it). */
  bus?: EventBus;
  /** Every consumer queue of the system (topologyOf the services' declarations), declared on a RabbitMQ bus the kernel opens. */
  topology?: Record<string, readonly string[]>;
  /** Stand-ins for some of the service's collaborators (tests). */
  services?: Partial<TServices>;
  /** Every SQL statement (tests count them). */
  onQuery?: (sql: string) => void;
  logger?: Logger;
  /**
   * Periodic workers begin only once this settles: services started side by side in one process (npm start) call
   * each other, and a worker that ran before its peers listen would only fail and retry.
   */
  workersAfter?: Promise<unknown>;
}

export interface RunningSubgraph<TSchema extends Record<string, unknown>, TServices> extends RunningSubgraphServer {
  name: string;
  db: Database<TSchema>;
  bus: EventBus;
  services: TServices;
  relay: OutboxRelay;
}

/** Inbox rows outlive any redelivery the broker could still make by far. */
const INBOX_RETENTION_DAYS = 7;

/**
 * Starts a declared service: config, database (migrated, seeded), token verification, the outbox relay woken on
 * every commit that recorded events, consumers inside the inbox, periodic workers on one scheduler, GraphQL (+
 * graphql-ws) with /health, /ready and /metrics (a worker: the same less GraphQL), and a stop that undoes it all in
 * reverse order.
 */
export async function startSubgraph<TShape extends z.ZodRawShape, TSchema extends Record<string, unknown>, TServices, TContext extends object>(
  definition: ServiceDefinition<TShape, TSchema, TServices, TContext>,
  options: StartOptions<TShape, TServices> = {},
): Promise<RunningSubgraph<TSchema, TServices>> {
  const { name } = definition;
  const logger = options.logger ?? createLogger(name);
  const config = readConfig(configSchema(name, definition.port, definition.config), (options.config ?? {}) as Record<string, string | undefined>) as BaseConfig &
    ServiceKit<TShape, TSchema>['config'];
  // Before anything opens: production without a shared secret is a configuration error, not an open door.
  const serviceSecret = serviceSecretFrom(config);
  if (!config.SERVICE_SECRET) logger.warn('SERVICE_SECRET is not set: this service trusts only services started in its own process');
  // Services that publish or consume events have the outbox, inbox and deadLetters tables of @shop/events in their schema.
  const tables = Object.values(definition.database.schema);
  if (definition.consumers?.length && !(tables.includes(inbox) && tables.includes(deadLetters))) throw new Error(`${name} consumes events: its database schema needs the inbox and deadLetters tables of @shop/events`);
  const undo: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const step of undo.reverse()) await step().catch((err) => logger.warn({ err }, 'stop step failed'));
    undo.length = 0;
  };
  try {
    const bus = options.bus ?? (await createEventBus(config, { logger, topology: options.topology }));
    if (!options.bus) undo.push(() => bus.close());
    const { seed } = definition.database;
    // Seeded under the migrations' lock, so replicas starting together seed once. Nothing wakes the relay yet: it
    // publishes whatever a seed recorded when it starts.
    const opened = await openDatabase({
      url: config.DATABASE_URL, dataDir: config.DATA_DIR, schema: definition.database.schema, migrationsFolder: fileURLToPath(definition.database.migrations), onQuery: options.onQuery,
      seed: config.SEED_DEMO && seed ? (fresh) => seed(fresh, config) : undefined,
    });
    undo.push(() => opened.close());
    const scheduler = new Scheduler(logger);
    const publishes = tables.includes(outbox);
    const relay = new OutboxRelay({ db: opened.db, bus, logger });
    const db = publishes ? wakeOnCommit(opened.db, () => relay.poke()) : opened.db;

    const kit: ServiceKit<TShape, TSchema> = { name, config, db, bus, logger, credentials: createServiceCredentials(name, serviceSecret) };
    const given = options.services ?? {};
    const services = { ...(await definition.services({ ...kit, given })), ...given } as TServices;

    if (publishes) relay.start(scheduler);
    // Stop runs these in reverse: workers and the service's own work end first, then the last events get out while
    // the bus is up; whatever cannot waits in the outbox for the next start.
    if (publishes) undo.push(() => relay.stop().then(() => withDeadline(relay.flush(), config.SHUTDOWN_GRACE_MS)).then(() => undefined, (err) => logger.warn({ err }, 'outbox not flushed on stop; it is published after restart')));
    if (definition.stop) undo.push(() => definition.stop!(services));
    undo.push(() => scheduler.stop());
    if (tables.includes(inbox)) scheduler.add({ name: 'inbox-prune', everyMs: 3_600_000, run: () => pruneInbox(db, INBOX_RETENTION_DAYS) }, { startNow: false });
    if (tables.includes(deadLetters)) scheduler.add({ name: 'retried-failures-prune', everyMs: 3_600_000, run: () => pruneRetriedFailures(db, INBOX_RETENTION_DAYS) }, { startNow: false });
    const workers = definition.workers?.(services, kit) ?? [];
    const startWorkers = () => workers.forEach((task) => scheduler.add(task, { startNow: false }));
    // A stopped scheduler ignores tasks added late, so a stop before the signal needs no check here.
    if (options.workersAfter) void options.workersAfter.then(startWorkers, () => undefined);
    else startWorkers();

    const registry = createMetricsRegistry(name);
    const consumers = await startConsumers({ name, db, bus, logger, registry, services, consumers: definition.consumers ?? [], maxDeliveries: config.EVENT_MAX_DELIVERIES });
    undo.push(consumers.stop);

    const serviceVerifier = createServiceTokenVerifier(serviceSecret);
    const routes = (app: Express) => {
      app.get('/metrics', metricsHandler(registry));
      // Service-to-service endpoints live under /internal and read their own bodies (awaits keep the span).
      app.use('/internal', traceHttpRequests(name), requireServiceToken(serviceVerifier));
      consumers.routes(app);
      definition.routes?.(app, services, kit);
    };
    const ready = () => databaseReady(db);
    const server = isSubgraph(definition)
      ? await startSubgraphServer(
          {
            name,
            typeDefs: gql(readFileSync(fileURLToPath(definition.schema), 'utf8')),
            resolvers: definition.resolvers,
            verifier: await createTokenVerifier(tokenVerificationFrom(config)),
            logger,
            context: (viewer, service, request) => withServicePrincipal(definition.context(services, viewer, kit, request), service),
            serviceVerifier,
            access: definition.access,
            ready,
            subscriptions: definition.subscriptions,
            plugins: [graphqlMetricsPlugin(registry), graphqlTracingPlugin(name)],
            beforeGraphql: [traceHttpRequests(name)],
            routes,
          },
          config.PORT,
          config.HOST,
        )
      : await startPlainServer({ name, logger, ready, routes }, config.PORT, config.HOST);
    undo.push(server.stop);

    if (publishes) {
      // Both gauges are collected together on a scrape: they share one backlog query.
      let reading: ReturnType<typeof outboxBacklog> | undefined;
      const backlog = () => (reading ??= outboxBacklog(db).finally(() => setImmediate(() => (reading = undefined))));
      asyncGauge(registry, { name: 'outbox_unpublished_events', help: 'Events committed but not yet confirmed by the bus.', read: async () => (await backlog()).events });
      asyncGauge(registry, { name: 'outbox_oldest_unpublished_age_seconds', help: 'How long the oldest unsent event has waited; grows when the bus is down.', read: async () => (await backlog()).oldestAgeSeconds });
    }
    if (isSubgraph(definition)) asyncGauge(registry, { name: 'graphql_ws_subscriptions', help: 'Open graphql-ws subscriptions on this service.', read: async () => server.liveStats().subscriptions });
    definition.metrics?.(registry, services, kit);

    return { ...server, name, db, bus, services, relay, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([work, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`not done within ${ms} ms`)), ms)))]).finally(() => clearTimeout(timer));
}

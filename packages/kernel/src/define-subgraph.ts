import type { BaseContext } from '@apollo/server';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import type { IncomingMessage } from 'node:http';
import type { Express } from 'express';
import type { Registry } from 'prom-client';
import type { z } from 'zod';
import type { ServiceCredentials, Viewer } from '@shop/auth';
import type { Logger, PeriodicTask } from '@shop/common';
import type { AccessPolicy } from '@shop/server';
import type { Database, Transaction } from '@shop/db';
import type { DomainEvent, EventBus, EventContract } from '@shop/events';
import type { configSchema } from './config.js';

export type ServiceConfig<TShape extends z.ZodRawShape> = z.infer<ReturnType<typeof configSchema<TShape>>>;
/** What a caller may pass to start a service: the environment-shaped input of its config schema. */
export type ServiceConfigInput<TShape extends z.ZodRawShape> = Partial<z.input<ReturnType<typeof configSchema<TShape>>>>;

/** What the kernel hands a service's own wiring: config read once, its migrated database, its bus and logger. */
export interface ServiceKit<TShape extends z.ZodRawShape, TSchema extends Record<string, unknown>> {
  name: string;
  config: ServiceConfig<TShape>;
  db: Database<TSchema>;
  bus: EventBus;
  logger: Logger;
  /** This service's service tokens, for its calls to other services' /internal routes and _entities. */
  credentials: ServiceCredentials;
}

/**
 * One durable subscription: events of these types, parsed with their publisher's contract, applied exactly once
 * (the inbox row and handle's writes commit together). Events recorded in handle's transaction are published
 * right after it commits.
 */
export interface ConsumerSpec<TServices, TSchema extends Record<string, unknown>> {
  events: readonly EventContract<any>[];
  /** Events that need nothing done skip the inbox (passing one over twice is still passing it over once). */
  wants?(payload: any, event: DomainEvent): boolean;
  handle(tx: Transaction<TSchema>, payload: any, event: DomainEvent, services: TServices): Promise<void>;
}

/**
 * A consumer declarer for one service's services and schema, so each declaration's payload is typed by its contract:
 * `const consume = consumerFor<Services, Schema>(); consume(orderStatusChanged, { handle(tx, change) {…} })`.
 */
export const consumerFor =
  <TServices, TSchema extends Record<string, unknown>>() =>
  <P extends Record<string, unknown>>(
    contract: EventContract<P>,
    spec: {
      wants?(payload: P, event: DomainEvent): boolean;
      handle(tx: Transaction<TSchema>, payload: P, event: DomainEvent, services: TServices): Promise<void>;
    },
  ): ConsumerSpec<TServices, TSchema> => ({ events: [contract], wants: spec.wants, handle: spec.handle });

export interface SubgraphDefinition<TShape extends z.ZodRawShape, TSchema extends Record<string, unknown>, TServices, TContext extends BaseContext> {
  name: string;
  /** Default listen port (PORT overrides). */
  port: number;
  /** The service's own settings beyond the base ones (zod, env-shaped). */
  config: TShape;
  /** subgraphs/<name>/schema.graphql: the source of truth. */
  schema: URL;
  resolvers: GraphQLResolverMap<TContext>;
  database: { schema: TSchema; migrations: URL; seed?(db: Database<NoInfer<TSchema>>, config: ServiceConfig<TShape>): Promise<unknown> };
  /**
   * Long-lived collaborators (clients of other services, providers), built once at start. `given` holds stand-ins a
   * caller passed (tests); the kernel lays them over the result too, so only collaborators that others are built
   * from need to look at it.
   */
  services(kit: ServiceKit<TShape, TSchema> & { given: Partial<TServices> }): TServices | Promise<TServices>;
  /**
   * Who owns what, for the schema's @ownerOrAdmin directives (the kernel enforces @authenticated, @requiresRole and
   * @ownerOrAdmin in this subgraph; see packages/server/src/authorization.ts).
   */
  access?: AccessPolicy<NoInfer<TContext>>;
  /**
   * The per-request GraphQL context for a verified viewer (a verified calling service is added by the kernel);
   * `request` is the HTTP request it came in (absent over graphql-ws).
   */
  context(services: NoInfer<TServices>, viewer: Viewer | null, kit: ServiceKit<TShape, TSchema>, request?: IncomingMessage): TContext;
  consumers?: readonly ConsumerSpec<NoInfer<TServices>, NoInfer<TSchema>>[];
  /** Periodic work, run on the service's one scheduler. */
  workers?(services: NoInfer<TServices>, kit: ServiceKit<TShape, TSchema>): PeriodicTask[];
  /** Extra HTTP routes (JWKS; service-to-service endpoints go under /internal, where requests are traced and need a service token). */
  routes?(app: Express, services: NoInfer<TServices>, kit: ServiceKit<TShape, TSchema>): void;
  /** Service-specific series on the service's registry (read on scrape). */
  metrics?(registry: Registry, services: NoInfer<TServices>, kit: ServiceKit<TShape, TSchema>): void;
  /** Serve the schema's Subscription fields over graphql-ws at /graphql. */
  subscriptions?: boolean;
  /** Work of its own to finish on stop, after requests and consumers stopped and before the database closes. */
  stop?(services: NoInfer<TServices>): Promise<void>;
}

/**
 * A service with no GraphQL API (a worker: consumers, periodic work, events it publishes): the same declaration less
 * the schema, resolvers, context, access and subscriptions. It serves only /health, /ready and /metrics.
 */
export type WorkerDefinition<TShape extends z.ZodRawShape, TSchema extends Record<string, unknown>, TServices> = Omit<
  SubgraphDefinition<TShape, TSchema, TServices, BaseContext>,
  'schema' | 'resolvers' | 'context' | 'access' | 'subscriptions'
>;

export type ServiceDefinition<TShape extends z.ZodRawShape, TSchema extends Record<string, unknown>, TServices, TContext extends BaseContext> =
  | SubgraphDefinition<TShape, TSchema, TServices, TContext>
  | WorkerDefinition<TShape, TSchema, TServices>;

export type AnySubgraphDefinition = SubgraphDefinition<any, any, any, any>;
/** Any service of the platform: a subgraph or a worker. */
export type AnyServiceDefinition = ServiceDefinition<any, any, any, any>;

export const isSubgraph = <TShape extends z.ZodRawShape, TSchema extends Record<string, unknown>, TServices, TContext extends BaseContext>(
  definition: ServiceDefinition<TShape, TSchema, TServices, TContext>,
): definition is SubgraphDefinition<TShape, TSchema, TServices, TContext> => 'schema' in definition;

/** Identity, for inference: a worker's wiring is this one declaration. */
export function defineWorker<TShape extends z.ZodRawShape, TSchema extends Record<string, unknown>, TServices>(
  definition: WorkerDefinition<TShape, TSchema, TServices>,
): WorkerDefinition<TShape, TSchema, TServices> {
  return definition;
}

/** Identity, for inference: a subgraph's wiring is this one declaration. */
export function defineSubgraph<TShape extends z.ZodRawShape, TSchema extends Record<string, unknown>, TServices, TContext extends BaseContext>(
  definition: SubgraphDefinition<TShape, TSchema, TServices, TContext>,
): SubgraphDefinition<TShape, TSchema, TServices, TContext> {
  return definition;
}

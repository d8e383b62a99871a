import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import type { IncomingMessage } from 'node:http';
import type { DocumentNode } from 'graphql';
import type { Express, RequestHandler } from 'express';
import { createLogger, type Logger } from '@shop/common';
import { SERVICE_TOKEN_HEADER, serviceFromHeader, viewerFromAuthorization, type ServicePrincipal, type ServiceTokenVerifier, type TokenVerifier, type Viewer } from '@shop/auth';
import { createHttpApp, graphqlBodyParsing, jsonErrorHandler, listen, readinessHandler } from './http.js';
import { maskErrors } from './errors.js';
import { enforceAccessDirectives, type AccessPolicy } from './authorization.js';
import { internNamesOneByte } from './one-byte-names.js';
import { serveSubscriptions, type LiveStats, type SubscriptionServing } from './subgraph-subscriptions.js';

export interface SubgraphServerOptions<TContext extends BaseContext> {
  name: string;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<TContext>;
  verifier: TokenVerifier;
  /**
   * Builds the per-request context (loaders, services) for the verified viewer and, on a service-to-service call, the
   * verified service; `request` is the HTTP request (absent over graphql-ws), for who sent it (the client's address).
   */
  context: (viewer: Viewer | null, service: ServicePrincipal | null, request?: IncomingMessage) => TContext | Promise<TContext>;
  /** Verifies the service-token header into a service principal; without it, no request is a service's. */
  serviceVerifier?: ServiceTokenVerifier;
  /** Owners and public rules for the schema's access directives (see authorization.ts). */
  access?: AccessPolicy<TContext>;
  /** Extra routes, e.g. the JWKS document. */
  routes?: (app: Express) => void;
  /** /ready answers 200 only when this resolves true (the database answers). */
  ready?: () => Promise<boolean>;
  logger?: Logger;
  /**
   * Serve the schema's Subscription fields over graphql-ws (graphql-transport-ws) at the same /graphql URL.
   * The context function gets the viewer from connection_init's { authorization: "Bearer <token>" }.
   */
  subscriptions?: boolean | { keepAliveMs?: number };
  /** Apollo Server plugins (metrics, tracing). */
  plugins?: ApolloServerPlugin<TContext>[];
  /** Express handlers between body parsing and GraphQL execution (they see the parsed body; tracing goes here). */
  beforeGraphql?: RequestHandler[];
}

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface RunningSubgraphServer extends RunningServer {
  /** Open graphql-ws connections and subscriptions (zero when subscriptions are off). */
  liveStats(): LiveStats;
}

/** A federation subgraph on express: /graphql, /health, /ready; viewers come only from verified bearer tokens. */
export async function startSubgraphServer<TContext extends BaseContext>(options: SubgraphServerOptions<TContext>, port: number, host?: string): Promise<RunningSubgraphServer> {
  const logger = options.logger ?? createLogger(options.name);
  const { app, server } = createHttpApp();
  // Else the schema's names are interned two-byte, and so is every answer (one-byte-names.ts).
  internNamesOneByte(options.typeDefs);
  // The access directives of the schema, enforced here for every request, whoever sends it (gateway or not).
  const schema = enforceAccessDirectives(buildSubgraphSchema({ typeDefs: options.typeDefs, resolvers: options.resolvers as GraphQLResolverMap<unknown> }), options.access);
  const live: SubscriptionServing | null = options.subscriptions
    ? serveSubscriptions(server, {
        schema,
        verifier: options.verifier,
        context: (viewer) => options.context(viewer, null),
        logger,
        keepAliveMs: typeof options.subscriptions === 'object' ? options.subscriptions.keepAliveMs : undefined,
      })
    : null;
  const apollo = new ApolloServer<TContext>({
    schema,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      // Open WebSockets would keep the HTTP server from closing: end them when the server drains.
      { serverWillStart: async () => ({ drainServer: async () => live?.dispose() }) },
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ...(options.plugins ?? []),
    ],
    // The service's own stop (the kernel's, on SIGTERM) decides the order: Apollo must not exit the process first.
    stopOnTerminationSignals: false,
    formatError: maskErrors(logger),
    includeStacktraceInErrorResponses: false,
  });
  await apollo.start();
  options.routes?.(app);
  app.get('/ready', readinessHandler(options.ready));
  app.use(
    '/graphql',
    ...graphqlBodyParsing(),
    ...(options.beforeGraphql ?? []),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const viewer = await viewerFromAuthorization(req.headers.authorization, options.verifier);
        // Without a verifier (stand-ins in tests) a service token grants nothing and is ignored.
        const service = options.serviceVerifier ? await serviceFromHeader(req.headers[SERVICE_TOKEN_HEADER], options.serviceVerifier) : null;
        return options.context(viewer, service, req);
      },
    }),
  );
  app.use(jsonErrorHandler);
  const actualPort = await listen(server, port, host);
  logger.info({ port: actualPort }, `${options.name} subgraph listening`);
  return {
    port: actualPort,
    url: `http://127.0.0.1:${actualPort}/graphql`,
    stop: () => apollo.stop(),
    liveStats: () => live?.stats() ?? { connections: 0, subscriptions: 0 },
  };
}


export interface PlainServerOptions {
  name: string;
  /** The service's routes (/metrics, /internal/…); /health and /ready come with the app. */
  routes?: (app: Express) => void;
  ready?: () => Promise<boolean>;
  logger?: Logger;
}

/** A service with no GraphQL (a worker): only /health, /ready and its own routes, on the same app and listen as a subgraph. */
export async function startPlainServer(options: PlainServerOptions, port: number, host?: string): Promise<RunningSubgraphServer> {
  const logger = options.logger ?? createLogger(options.name);
  const { app, server } = createHttpApp();
  options.routes?.(app);
  app.get('/ready', readinessHandler(options.ready));
  app.use(jsonErrorHandler);
  const actualPort = await listen(server, port, host);
  logger.info({ port: actualPort }, `${options.name} listening`);
  return {
    port: actualPort,
    url: `http://127.0.0.1:${actualPort}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())).then(() => undefined),
    liveStats: () => ({ connections: 0, subscriptions: 0 }),
  };
}

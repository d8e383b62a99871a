import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import type { DocumentNode } from 'graphql';
import type { Express } from 'express';
import { createLogger, type Logger } from '@shop/common';
import { viewerFromAuthorization, type TokenVerifier, type Viewer } from '@shop/auth';
import { createHttpApp, graphqlBodyParsing, jsonErrorHandler, listen } from './http.js';
import { maskErrors } from './errors.js';

export interface SubgraphServerOptions<TContext extends BaseContext> {
  name: string;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<TContext>;
  verifier: TokenVerifier;
  /** Builds the per-request context (loaders, services) for the verified viewer. */
  context: (viewer: Viewer | null) => TContext | Promise<TContext>;
  /** Extra routes, e.g. the JWKS document. */
  routes?: (app: Express) => void;
  /** /ready answers 200 only when this resolves true (the database answers). */
  ready?: () => Promise<boolean>;
  logger?: Logger;
}

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** A federation subgraph on express: /graphql, /health, /ready; viewers come only from verified bearer tokens. */
export async function startSubgraphServer<TContext extends BaseContext>(options: SubgraphServerOptions<TContext>, port: number): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(options.name);
  const { app, server } = createHttpApp();
  const apollo = new ApolloServer<TContext>({
    schema: buildSubgraphSchema({ typeDefs: options.typeDefs, resolvers: options.resolvers as GraphQLResolverMap<unknown> }),
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer: server }), ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled()],
    formatError: maskErrors(logger),
    includeStacktraceInErrorResponses: false,
  });
  await apollo.start();
  options.routes?.(app);
  app.get('/ready', async (_req, res) => {
    const ok = await (options.ready?.() ?? Promise.resolve(true)).catch(() => false);
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'not ready' });
  });
  app.use(
    '/graphql',
    ...graphqlBodyParsing(),
    expressMiddleware(apollo, {
      context: async ({ req }) => options.context(await viewerFromAuthorization(req.headers.authorization, options.verifier)),
    }),
  );
  app.use(jsonErrorHandler);
  const actualPort = await listen(server, port);
  logger.info({ port: actualPort }, `${options.name} subgraph listening`);
  return {
    port: actualPort,
    url: `http://127.0.0.1:${actualPort}/graphql`,
    stop: () => apollo.stop(),
  };
}

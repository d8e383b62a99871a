import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageLocalDefault, ApolloServerPluginLandingPageProductionDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloGateway } from '@apollo/gateway';
import { createLogger, type Logger } from '@shop/common';
import { createTokenVerifier, viewerFromAuthorization } from '@shop/auth';
import { createHttpApp, graphqlBodyParsing, jsonErrorHandler, listen, maskErrors, type RunningServer, type TokenVerification } from '@shop/server';
import { graphqlMetricsPlugin, graphqlTracingPlugin, metricsHandler, subgraphFetchMetrics, traceHttpRequests, withClientSpan, type SubgraphFetchMetrics } from '@shop/observability';
import type { GatewayContext } from './context.js';
import { createClientLimits, DEFAULT_CLIENT_LIMITS, type ClientLimitSettings } from './client-limits.js';
import { defaultCorsOrigins, gatewaySecurityHeaders } from './edge.js';
import { admissionMetrics, deduplicatedCounter, gatewayMetricsRegistry, rateLimitedCounter } from './gateway-metrics.js';
import { graphiqlRouter } from './graphiql.js';
import { mediaProxy } from './media-proxy.js';
import { getQueriesWithoutPreflight, legacyJsonStatusPlugin } from './graphql-over-http.js';
import { createOperationLimits, defaultOperationLimits, type OperationLimitSettings } from './operation-limits.js';
import { openGatewayDatabase } from './gateway-database.js';
import { operationResolutionPlugin } from './operation-resolution.js';
import { createPersistedOperations, DEFAULT_PERSISTED_OPERATIONS, type PersistedOperationSettings } from './persisted-operations/persisted-operations.js';
import type { SubgraphName } from './services.js';
import { clusterMetrics } from './workers.js';
import { DEFAULT_DEDUP, sharesInbound, sharesOutbound, type DedupMode } from './deduplication.js';
import { createAdmission, DEFAULT_ADMISSION, type AdmissionSettings } from './execution/admission.js';
import { graphqlHttpHandler } from './execution/http-handler.js';
import { useOwnPlanExecution } from './execution/plan-execution.js';
import { useCompiledResponseShaping } from './execution/response-shaping.js';
import { SubgraphDataSource } from './execution/subgraph-data-source.js';
import { fetchSubgraph, sharedSubgraphFetcher } from './subgraph-fetcher.js';
import { SubscriptionPlanner } from './subscriptions/planner.js';
import { reloadingSupergraph } from './supergraph-reload.js';
import type { SupergraphSource } from './supergraph-source.js';
import { attachSubscriptions, type GatewaySubscriptionOptions, type GatewaySubscriptions } from './subscriptions/subscription-server.js';
import { createResponseCache, type ResponseCacheOptions } from './response-cache/response-cache.js';

/**
 * Forwards the viewer's token to every subgraph (the subgraphs trust nothing else); each fetch is timed into
 * gateway_subgraph_fetch_duration_seconds and, when tracing, is a CLIENT span whose traceparent the subgraph continues.
 */
function authForwardingDataSource(url: string, name: string, fetches: SubgraphFetchMetrics, onRequest?: () => void, send: typeof fetchSubgraph = fetchSubgraph) {
  const timed: typeof fetchSubgraph = async (target, init) => {
    onRequest?.();
    const started = performance.now();
    let outcome: 'ok' | 'error' = 'error';
    try {
      const response = await withClientSpan(`fetch ${name}`, (init.headers ??= {}), () => send(target, init), {
        service: 'gateway',
        attributes: { 'graphql.subgraph.name': name },
      });
      if (response.ok) outcome = 'ok';
      return response;
    } finally {
      fetches.observe(name, (performance.now() - started) / 1000, outcome);
    }
  };
  return new SubgraphDataSource<GatewayContext>(url, timed, (context) => {
    const headers: Record<string, string> = {};
    if ('authorization' in context && context.authorization) headers.authorization = context.authorization;
    // Set, never appended: the address the gateway served is the only one a subgraph (users' sign-in limits) may trust.
    if ('clientAddress' in context && context.clientAddress) headers['x-forwarded-for'] = context.clientAddress;
    return headers;
  });
}

export interface GatewayOptions {
  port: number;
  /** A fixed supergraph, or a source (supergraph-source.ts) the gateway starts on and reloads from without restarting. */
  supergraphSdl: string | SupergraphSource;
  /** By subgraph name; a subgraph missing here is reached at the URL the supergraph names. */
  subgraphUrls: Record<string, string>;
  tokenVerification: TokenVerification;
  /** development shows the embedded Apollo Sandbox at the gateway URL, and GraphiQL, served locally, at /graphiql. */
  development?: boolean;
  /** Origins that may call with credentials (edge.ts); any other gets no CORS headers. Default: defaultCorsOrigins(port). */
  corsOrigins?: readonly string[];
  /** Interface to listen on: 127.0.0.1 unless given (0.0.0.0 in a container). */
  host?: string;
  /** Strict-Transport-Security max-age; 0 (default) sends none: only behind TLS. */
  hstsMaxAgeSeconds?: number;
  logger?: Logger;
  /** Called for every fetch the gateway sends to a subgraph (tests count them). */
  onSubgraphRequest?: (subgraph: SubgraphName) => void;
  /** graphql-ws at the same /graphql URL: limits, keep-alive and reconnection (see subscriptions/subscription-server.ts). */
  subscriptions?: GatewaySubscriptionOptions;
  /** Per-client request, socket and subscription budgets (client-limits.ts); on by default. */
  clientLimits?: Partial<ClientLimitSettings>;
  /** postgres://… where gateway replicas share state (client budgets); unset, each counts in its own memory. */
  databaseUrl?: string;
  /** off, apq (default: a cache in memory, or in the gateway database shared by replicas) or safelist (manifests only). */
  persistedOperations?: Partial<PersistedOperationSettings>;
  /** true lets @apollo/gateway probe cloud metadata addresses and report usage to Apollo; only an operator opts in. */
  apolloTelemetry?: boolean;
  /** Depth, aliases, root fields, directives, tokens, cost, body size, batching, introspection, suggestions (operation-limits.ts); production defaults, introspection and suggestions on in development. */
  operationLimits?: Partial<OperationLimitSettings>;
  /** Which identical concurrent queries are answered once (deduplication.ts); default DEFAULT_DEDUP. */
  dedup?: DedupMode;
  /** How many queries run at once while the event loop is saturated (execution/admission.ts); busyConcurrency 0: no bound. */
  admission?: Partial<AdmissionSettings>;
  /** Anonymous queries' responses kept until any domain event on this bus or any mutation (response-cache/); off unless given. */
  responseCache?: ResponseCacheOptions;
}

export interface RunningGateway extends RunningServer {
  gateway: ApolloGateway;
  subscriptions: GatewaySubscriptions;
}

/**
 * @apollo/gateway reads APOLLO_TELEMETRY_DISABLED in its constructor (not at import): set it for that call only,
 * so nothing leaves the machine unless opted in, and the process environment is left as it was.
 */
function withoutApolloTelemetryUnless<T>(optedIn: boolean, construct: () => T): T {
  const before = process.env.APOLLO_TELEMETRY_DISABLED;
  if (!optedIn) process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  try {
    return construct();
  } finally {
    if (before === undefined) delete process.env.APOLLO_TELEMETRY_DISABLED;
    else process.env.APOLLO_TELEMETRY_DISABLED = before;
  }
}

/** @apollo/gateway inside @apollo/server on the given supergraph (reloaded when a source is given), at /graphql, with /health and /ready. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const logger = options.logger ?? createLogger('gateway');
  useCompiledResponseShaping();
  useOwnPlanExecution();
  const verifier = await createTokenVerifier(options.tokenVerification);
  const { app, server } = createHttpApp({
    corsOrigins: options.corsOrigins ?? defaultCorsOrigins(options.port),
    securityHeaders: gatewaySecurityHeaders({ hstsMaxAgeSeconds: options.hstsMaxAgeSeconds }),
  });
  let subscriptions: GatewaySubscriptions | null = null;
  const registry = gatewayMetricsRegistry(() => subscriptions?.stats() ?? null);
  const fetches = subgraphFetchMetrics(registry);
  const rateLimited = rateLimitedCounter(registry);
  const dedup = options.dedup ?? DEFAULT_DEDUP;
  const deduplicated = deduplicatedCounter(registry);
  // One for every subgraph: the key holds the URL.
  const send = sharesOutbound(dedup) ? sharedSubgraphFetcher(fetchSubgraph, () => deduplicated.inc({ direction: 'outbound' })) : fetchSubgraph;
  const database = options.databaseUrl ? await openGatewayDatabase(options.databaseUrl) : null;
  const clientLimits = createClientLimits(
    app,
    { ...DEFAULT_CLIENT_LIMITS, ...(database ? { store: { db: database.db } } : {}), ...options.clientLimits },
    verifier,
    (scope) => rateLimited.inc({ scope }),
  );
  const persisted = createPersistedOperations({ ...DEFAULT_PERSISTED_OPERATIONS, ...options.persistedOperations }, database?.db ?? null, logger);
  await persisted.ready;
  const source = typeof options.supergraphSdl === 'string' ? null : options.supergraphSdl;
  const initialSdl = source ? await source.load() : (options.supergraphSdl as string);
  // Replaced when the supergraph is reloaded (after @apollo/gateway switched to it).
  let planner = new SubscriptionPlanner(initialSdl);
  // Configured URLs win; else the one the supergraph names (a reloaded one may name a subgraph the first did not).
  const subgraphUrl = (name: string, named?: string) => options.subgraphUrls[name] ?? named ?? planner.subgraphs.find((s) => s.name === name)!.url;
  // One data source per subgraph and URL, shared by queries and by subscription events.
  const dataSources = new Map<string, SubgraphDataSource<GatewayContext>>();
  const dataSourceFor = (name: string, url = subgraphUrl(name)) => {
    const key = `${name} ${url}`;
    let dataSource = dataSources.get(key);
    if (!dataSource) {
      dataSource = authForwardingDataSource(url, name, fetches, () => options.onSubgraphRequest?.(name as SubgraphName), send);
      dataSources.set(key, dataSource);
    }
    return dataSource;
  };
  const gateway = withoutApolloTelemetryUnless(options.apolloTelemetry ?? false, () =>
    new ApolloGateway({
      supergraphSdl: source
        ? reloadingSupergraph({
            source,
            initialSdl,
            registry,
            logger,
            prepare: (sdl) => new SubscriptionPlanner(sdl),
            activate: (next) => {
              planner = next;
              subscriptions?.useSupergraph(next);
            },
          })
        : initialSdl,
      buildService: ({ name, url }) => dataSourceFor(name, subgraphUrl(name, url)),
    }),
  );
  const admission = createAdmission({ ...DEFAULT_ADMISSION, ...options.admission });
  const admissionWait = admissionMetrics(registry, admission);
  const limits = createOperationLimits({ ...defaultOperationLimits(options.development ?? false), ...options.operationLimits });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    validationRules: limits.validationRules,
    allowBatchedHttpRequests: limits.settings.batching,
    introspection: limits.settings.introspection,
    hideSchemaDetailsFromClientErrors: !limits.settings.fieldSuggestions,
    csrfPrevention: true,
    persistedQueries: persisted.operations.apollo,
    parseOptions: limits.parseOptions,
    includeStacktraceInErrorResponses: false,
    formatError: maskErrors(logger),
    // The caller (platform or serve) stops the gateway in its own order; Apollo's handler would exit before it.
    stopOnTerminationSignals: false,
    plugins: [
      limits.plugin,
      legacyJsonStatusPlugin(),
      operationResolutionPlugin(),
      graphqlMetricsPlugin(registry),
      graphqlTracingPlugin('gateway'),
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      // Open WebSockets (clients and subgraphs) would keep the HTTP server from closing.
      { serverWillStart: async () => ({ drainServer: async () => subscriptions?.dispose() }) },
      options.development
        ? ApolloServerPluginLandingPageLocalDefault({ embed: { initialState: { pollForSchemaUpdates: false } }, includeCookies: false })
        : ApolloServerPluginLandingPageProductionDefault({ footer: false }),
    ],
  });
  await apollo.start();
  subscriptions = attachSubscriptions({
    httpServer: server,
    planner,
    subgraphUrl,
    dataSourceFor,
    verifier,
    validationRules: limits.validationRules,
    maxTokens: limits.settings.maxTokens,
    executeOperation: async (request, contextValue) => {
      const response = await apollo.executeOperation(request, { contextValue });
      return response.body.kind === 'single' ? response.body.singleResult : { errors: [{ message: 'Incremental delivery is not served over WebSocket.' }] };
    },
    logger,
    options: options.subscriptions,
    limits: clientLimits,
    persistedOperation: persisted.operations.socketOperation,
  });

  app.get('/ready', async (_req, res) => {
    const checks = await Promise.all(
      Object.entries(options.subgraphUrls).map(async ([name, url]) => {
        const ok = await fetch(url.replace(/\/graphql$/, '/ready'), { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false);
        return [name, ok] as const;
      }),
    );
    const ready = checks.every(([, ok]) => ok);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', subgraphs: Object.fromEntries(checks) });
  });
  // In a gateway worker (GATEWAY_WORKERS > 1), every worker's series, summed (workers.ts).
  app.get('/metrics', metricsHandler(clusterMetrics(registry)));
  // Product images: uploads and files, streamed to and from the products service (media-proxy.ts), when the
  // supergraph has one (a gateway over another supergraph serves no /media).
  const productsUrl = options.subgraphUrls.products ?? planner.subgraphs.find((s) => s.name === 'products')?.url;
  if (productsUrl) app.use('/media', mediaProxy(productsUrl, logger));
  // GraphiQL from node_modules (graphiql.ts): explores the graph without the internet the Sandbox's CDN page needs.
  if (options.development) app.use('/graphiql', graphiqlRouter());
  app.use(
    '/graphql',
    // Counted before the body is read, so a flood costs the gateway as little as possible.
    ...(clientLimits ? [clientLimits.requests] : []),
    ...graphqlBodyParsing(limits.settings.maxBodyBytes),
    // After body parsing, whose stream callbacks would run outside the request span.
    traceHttpRequests('gateway'),
    // safelist mode: an unlisted operation is refused before Apollo Server parses it.
    ...(persisted.operations.httpGuard ? [persisted.operations.httpGuard] : []),
    getQueriesWithoutPreflight,
    // After every limit and guard: a cached answer is only for a request that would have been executed.
    ...(options.responseCache ? [createResponseCache({ documents: persisted.operations.documents, ...options.responseCache }).handler] : []),
    // After the client limits and persisted-operation guard: a request joining an identical one (inbound) has passed them too.
    graphqlHttpHandler(apollo, {
      context: async (req) => {
        const authorization = req.headers.authorization;
        return { viewer: await viewerFromAuthorization(authorization, verifier), authorization, clientAddress: req.ip };
      },
      admission: { gate: admission, waited: (seconds) => admissionWait.observe(seconds) },
      ...(sharesInbound(dedup) && { inbound: { onJoin: () => deduplicated.inc({ direction: 'inbound' }), documents: persisted.operations.documents } }),
    }),
  );
  app.use(jsonErrorHandler);
  const port = await listen(server, options.port, options.host);
  logger.info({ port }, 'gateway listening');
  return {
    port,
    url: `http://127.0.0.1:${port}/graphql`,
    gateway,
    subscriptions,
    async stop() {
      await apollo.stop();
      await database?.close();
    },
  };
}

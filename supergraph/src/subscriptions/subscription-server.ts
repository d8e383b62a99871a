/**
 * GraphQL subscriptions through the gateway (@apollo/gateway executes none). The plan this module follows:
 *
 * 1. Transport: graphql-ws (graphql-transport-ws protocol) on the gateway's own HTTP server at /graphql, the same URL
 *    as HTTP. Protocol pings every keepAliveMs; a client that does not answer is dropped.
 * 2. Identity: connection_init's { authorization: "Bearer <token>" } is verified like the HTTP header. A forged,
 *    malformed or expired token closes the connection with 4401; a valid one closes it (4401) when it expires.
 * 3. Validation: every subscribe message is parsed (token limit) and validated against the API schema with the same
 *    query limits as HTTP; failures go back as an `error` message and nothing is planned. Queries and mutations sent
 *    over the socket run through Apollo Server's own pipeline.
 * 4. Planning (planner.ts): the query planner on the same supergraph returns { primary: the fetch on the subgraph that
 *    owns the field, rest: what runs per event }. Nothing here knows a field name: any subgraph's field works.
 * 5. Sharing (subscription-hub.ts): clients with the same primary fetch, variables and authorization scope (scope.ts)
 *    share ONE upstream subscription, multiplexed over ONE graphql-ws connection per (subgraph, scope)
 *    (upstream-connections.ts) that forwards the token in connection_init. Inside it, clients with the same
 *    document and variables form one selection group.
 * 6. Per event (selection-group.ts, event-execution.ts): the rest of the plan runs ONCE per group with the gateway's
 *    executeQueryPlan (the primary fetch answered by the event), serialized once, and written straight to every
 *    client's socket as a graphql-ws `next` message (client-stream.ts), in turns of 1,000 clients between which the
 *    event loop serves pings, subscribes and other groups; a client whose socket holds more than
 *    maxBufferedBytesPerClient unsent loses events instead of growing the gateway's memory.
 * 7. Errors (upstream-errors.ts): an upstream error (e.g. FORBIDDEN from the subgraph's authorization) reaches the
 *    clients of that upstream subscription only (same scope) as a GraphQL error, then completes them. A subgraph that
 *    goes away is reconnected and resubscribed (graphql-ws retry); when retries run out its clients get
 *    SERVICE_UNAVAILABLE and complete, so they know to subscribe again.
 * 8. Release: a client's complete or disconnect leaves its group; the last one out of an upstream subscription
 *    completes it on the subgraph; the last subscription on an upstream connection closes that socket.
 * 9. Reload (useSupergraph, from supergraph-reload.ts): new subscribe messages are validated and planned on the new
 *    supergraph; open subscriptions keep the plan and schemas they started with, in selection groups of their own,
 *    so a compatible reload drops none of them. An upstream subscription whose primary fetch is unchanged is shared by
 *    old and new groups.
 */
import type { Server } from 'node:http';
import type { DocumentNode, ExecutionArgs, ExecutionResult, FormattedExecutionResult, GraphQLError as GraphQLErrorType, ValidationRule } from 'graphql';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Context } from 'graphql-ws';
import type { GraphQLDataSource } from '@apollo/gateway';
import type { Logger } from '@shop/common';
import type { TokenVerifier } from '@shop/auth';
import { BODY_LIMIT_BYTES, consumeEach, identityFromConnectionParams, RateLimited, rateLimitedError, runAt, WS_CLOSE, wsErrorFormatting, type ConnectionIdentity } from '@shop/server';
import type { ClientLimits } from '../client-limits.js';
import type { PersistedOperations } from '../persisted-operations/persisted-operations.js';
import type { GatewayContext } from '../context.js';
import type { SubscriptionPlanner } from './planner.js';
import type { EventExecutionDeps } from './event-execution.js';
import { scopeOf, type Scope } from './scope.js';
import { SubscriptionHub, type SubscriptionStats } from './subscription-hub.js';
import type { DirectSink } from './client-stream.js';
import { graphql } from './graphql-runtime.js';
import { UpstreamConnections } from './upstream-connections.js';

export interface GatewaySubscriptionOptions {
  /** Ping interval to clients and to subgraphs (default 12 s). */
  keepAliveMs?: number;
  /** Results held for a client that reads slower than events come (default 64); then the oldest is dropped. */
  maxQueuedEventsPerClient?: number;
  /** Events waiting for their entity fetches per selection group (default 256). */
  maxPendingEventsPerGroup?: number;
  /** Subscriptions one connection may hold at once (default 100). */
  maxSubscriptionsPerConnection?: number;
  /** Unsent bytes a client socket may hold before its events are dropped (default 1 MiB). */
  maxBufferedBytesPerClient?: number;
  /** Reconnects to a subgraph that went away before its clients are told to subscribe again (default 5). */
  upstreamRetryAttempts?: number;
  /** First reconnect wait, doubling (default 500 ms). */
  upstreamRetryWaitMs?: number;
}

export interface SubscriptionServerDeps {
  httpServer: Server;
  /** The supergraph's planner at start; useSupergraph replaces it. */
  planner: SubscriptionPlanner;
  /** The HTTP URL the gateway uses for a subgraph; its graphql-ws endpoint is the same URL. */
  subgraphUrl: (service: string) => string;
  /** The gateway's own data source per subgraph (token forwarding, request counting). */
  dataSourceFor: (service: string) => GraphQLDataSource;
  verifier: TokenVerifier;
  /** The query limits HTTP requests get. */
  validationRules: readonly ValidationRule[];
  /** The parse limit HTTP requests get (operation-limits.ts); 5000 unless given. */
  maxTokens?: number;
  /** Queries and mutations over the socket: Apollo Server's pipeline. */
  executeOperation: (request: { query: string; variables?: Record<string, unknown>; operationName?: string }, context: GatewayContext) => Promise<FormattedExecutionResult>;
  logger: Logger;
  options?: GatewaySubscriptionOptions;
  /** Per-client bounds (client-limits.ts); null serves every client unbounded. */
  limits?: ClientLimits | null;
  /** Safelist mode (persisted-operations/): the text a subscribe payload runs, or why it is refused; null runs payload.query. */
  persistedOperation?: PersistedOperations['socketOperation'];
}

export interface GatewaySubscriptions {
  stats(): SubscriptionStats;
  /** New subscriptions are validated and planned on this supergraph from now on; open ones keep theirs. */
  useSupergraph(planner: SubscriptionPlanner): void;
  /** Closes every client socket and upstream connection (the gateway's drain). */
  dispose(): Promise<void>;
}

interface ConnectionState {
  identity: ConnectionIdentity;
  ip: string | undefined;
  scope: Scope;
  cancelExpiry?: () => void;
}

/** What a subscription is validated, planned and executed on: one per supergraph the gateway served. */
interface SupergraphVersion {
  planner: SubscriptionPlanner;
  execution: EventExecutionDeps;
  /** Thousands of clients send the same few documents: each text is parsed and validated once per supergraph. */
  checkedDocuments: Map<string, { document: DocumentNode } | { errors: readonly GraphQLErrorType[] }>;
}

interface OperationContextValue {
  /** The supergraph onSubscribe validated against: a reload between onSubscribe and subscribe does not mix two. */
  version: SupergraphVersion;
  identity: ConnectionIdentity;
  scope: Scope;
  /** Where this subscription's events are written directly (fan-out fast path). */
  sink: DirectSink;
  /** Sent on with operations over the socket, as over HTTP (X-Forwarded-For). */
  clientAddress?: string;
}

const MAX_TOKENS = 5000;
const DOCUMENT_CACHE_SIZE = 500;
const { getOperationAST, getVariableValues, GraphQLError, parse, print, specifiedRules, validate } = graphql;

export function attachSubscriptions(deps: SubscriptionServerDeps): GatewaySubscriptions {
  const { logger } = deps;
  const options = deps.options ?? {};
  const keepAliveMs = options.keepAliveMs ?? 12_000;
  const maxSubscriptions = options.maxSubscriptionsPerConnection ?? 100;
  const rules = [...specifiedRules, ...deps.validationRules];

  const connections = new UpstreamConnections({
    keepAliveMs,
    retryAttempts: options.upstreamRetryAttempts ?? 5,
    retryWaitMs: options.upstreamRetryWaitMs ?? 500,
    logger,
  });
  const versionOf = (planner: SubscriptionPlanner): SupergraphVersion => ({
    planner,
    execution: {
      serviceMap: Object.fromEntries(planner.subgraphs.map(({ name }) => [name, deps.dataSourceFor(name)])),
      supergraphSchema: planner.supergraphSchema,
      apiSchema: planner.apiSchemaInternal,
      logger,
    },
    checkedDocuments: new Map(),
  });
  let current = versionOf(deps.planner);
  const formatting = wsErrorFormatting(logger);
  const maxBufferedBytes = options.maxBufferedBytesPerClient ?? 1024 * 1024;
  const hub = new SubscriptionHub({
    formatResult: (result) => formatting.onNext(undefined, '', undefined, undefined, result) ?? result,
    connections,
    wsUrlOf: (service) => deps.subgraphUrl(service).replace(/^http/, 'ws'),
    maxQueuedPerClient: options.maxQueuedEventsPerClient ?? 64,
    maxPendingEventsPerGroup: options.maxPendingEventsPerGroup ?? 256,
    logger,
  });

  const checkDocument = ({ planner, checkedDocuments }: SupergraphVersion, query: string) => {
    let checked = checkedDocuments.get(query);
    if (checked) return checked;
    try {
      const document = parse(query, { maxTokens: deps.maxTokens ?? MAX_TOKENS });
      const errors = validate(planner.apiSchema, document, rules);
      checked = errors.length > 0 ? { errors } : { document };
    } catch (error) {
      checked = { errors: [new GraphQLError(error instanceof Error ? error.message : 'Syntax error', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })] };
    }
    if (checkedDocuments.size >= DOCUMENT_CACHE_SIZE) checkedDocuments.delete(checkedDocuments.keys().next().value!);
    checkedDocuments.set(query, checked);
    return checked;
  };

  const states = new WeakMap<Context, ConnectionState>();
  const limits = deps.limits ?? null;
  const wss = new WebSocketServer({
    server: deps.httpServer,
    path: '/graphql',
    maxPayload: BODY_LIMIT_BYTES,
    verifyClient: limits
      ? ({ req }, accept) =>
          void limits.connections.admit(req).then(
            (admission) =>
              admission.ok
                ? accept(true)
                : accept(false, admission.status, admission.reason, { 'Retry-After': String(admission.retryAfterSeconds) }),
            () => accept(false, 500, 'Internal Server Error'),
          )
      : undefined,
  });
  const serving = useServer<Record<string, unknown>, Record<string, unknown>>(
    {
      ...formatting,
      onConnect: async (ctx) => {
        const socket = ctx.extra.socket;
        try {
          const identity = await identityFromConnectionParams(ctx.connectionParams, deps.verifier);
          if (limits && !limits.connections.join(identity.viewer?.id, ctx)) {
            socket.close(WS_CLOSE.tryAgainLater, 'Too many connections for this user; close one or try again later.');
            return false;
          }
          const state: ConnectionState = { identity, ip: limits?.ipOf(ctx.extra.request), scope: scopeOf(identity) };
          if (identity.expiresAt) state.cancelExpiry = runAt(identity.expiresAt, () => socket.close(WS_CLOSE.unauthorized, 'The token has expired; sign in again.'));
          states.set(ctx, state);
          return true;
        } catch (error) {
          socket.close(WS_CLOSE.unauthorized, error instanceof GraphQLError ? error.message : 'Unauthorized');
          return false;
        }
      },
      onClose: (ctx) => {
        const state = states.get(ctx);
        if (state) limits?.connections.leave(state.identity.viewer?.id, ctx);
        state?.cancelExpiry?.();
        states.delete(ctx);
      },
      onSubscribe: async (ctx, id, payload) => {
        const state = states.get(ctx)!;
        if (Object.keys(ctx.subscriptions).length > maxSubscriptions) {
          return [new GraphQLError(`A connection may hold at most ${maxSubscriptions} subscriptions.`, { extensions: { code: 'BAD_REQUEST' } })];
        }
        if (limits) {
          const userId = state.identity.viewer?.id;
          if (!limits.connections.maySubscribe(userId, (other) => Object.keys((other as Context).subscriptions).length)) {
            return [rateLimitedError(new RateLimited(60, 'ws-subscriptions', 'Too many subscriptions for this user; complete some first.'), GraphQLError)];
          }
          try {
            // An operation over the socket spends the same budgets as one over HTTP.
            await consumeEach([['ip', limits.budgets.perIp, state.ip], ['user', limits.budgets.perUser, userId]]);
          } catch (error) {
            if (error instanceof RateLimited) return [rateLimitedError(error, GraphQLError)];
            throw error;
          }
        }
        const operation = deps.persistedOperation ? deps.persistedOperation(payload) : { query: payload.query };
        if ('refusal' in operation) return [new GraphQLError(operation.refusal.message, { extensions: { code: operation.refusal.code } })];
        const version = current;
        const checked = checkDocument(version, operation.query);
        if ('errors' in checked) return checked.errors;
        const document = checked.document;
        const contextValue: OperationContextValue = { version, identity: state.identity, scope: state.scope, sink: { id, socket: ctx.extra.socket, maxBufferedBytes }, clientAddress: state.ip };
        return {
          schema: version.planner.apiSchema,
          document,
          operationName: payload.operationName ?? undefined,
          variableValues: payload.variables ?? undefined,
          contextValue,
        };
      },
      subscribe: (args: ExecutionArgs) => {
        const { scope, sink, version } = args.contextValue as OperationContextValue;
        const operation = getOperationAST(args.document, args.operationName)!;
        const coerced = getVariableValues(args.schema, operation.variableDefinitions ?? [], args.variableValues ?? {});
        if (coerced.errors) return { errors: coerced.errors.map((e) => new GraphQLError(e.message, { extensions: { code: 'BAD_USER_INPUT' } })) };
        try {
          return hub.subscribe(version.planner.plan(args.document, args.operationName ?? undefined), coerced.coerced, scope, version.execution, sink);
        } catch (error) {
          logger.warn({ err: error }, 'subscription could not be planned');
          return { errors: [new GraphQLError('This subscription could not be planned.', { extensions: { code: 'BAD_REQUEST' } })] };
        }
      },
      execute: async (args: ExecutionArgs) => {
        const { identity, clientAddress } = args.contextValue as OperationContextValue;
        const result = await deps.executeOperation(
          { query: print(args.document), variables: args.variableValues ?? undefined, operationName: args.operationName ?? undefined },
          { viewer: identity.viewer, authorization: identity.authorization, clientAddress },
        );
        return result as ExecutionResult;
      },
    },
    wss,
    keepAliveMs,
  );

  return {
    stats: () => hub.stats(),
    useSupergraph(planner) {
      current = versionOf(planner);
    },
    async dispose() {
      await serving.dispose();
      await connections.dispose();
    },
  };
}

import type { Server } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Context } from 'graphql-ws';
import type { Logger } from '@shop/common';
import type { TokenVerifier, Viewer } from '@shop/auth';
import { identityFromConnectionParams, runAt, WS_CLOSE, type ConnectionIdentity } from './ws-auth.js';
import { wsErrorFormatting } from './ws-errors.js';
import { BODY_LIMIT_BYTES } from './http.js';

/** What a subgraph's graphql-ws endpoint is serving right now (tests count upstream subscriptions here). */
export interface LiveStats {
  connections: number;
  subscriptions: number;
}

export interface SubscriptionServing {
  stats(): LiveStats;
  dispose(): Promise<void>;
}

export interface SubscriptionServingOptions<TContext> {
  schema: GraphQLSchema;
  verifier: TokenVerifier;
  context: (viewer: Viewer | null) => TContext | Promise<TContext>;
  logger: Logger;
  /** Protocol-level pings; a peer that does not answer within the same interval is dropped. */
  keepAliveMs?: number;
}

interface ConnectionState {
  identity: ConnectionIdentity;
  cancelExpiry?: () => void;
  active: Set<string>;
}

const EXPIRY_GRACE_MS = 1000;

/**
 * graphql-ws (graphql-transport-ws) on the subgraph's own HTTP server at /graphql. The viewer comes from
 * connection_init's authorization, verified like the HTTP header; a bad token closes with 4401, and the
 * connection closes (4401) a second after the token expires.
 */
export function serveSubscriptions<TContext>(server: Server, options: SubscriptionServingOptions<TContext>): SubscriptionServing {
  const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: BODY_LIMIT_BYTES });
  const states = new WeakMap<Context, ConnectionState>();
  const stats: LiveStats = { connections: 0, subscriptions: 0 };
  const release = (state: ConnectionState | undefined, id: string) => {
    if (state?.active.delete(id)) stats.subscriptions--;
  };

  const serving = useServer<Record<string, unknown>, Record<string, unknown>>(
    {
      schema: options.schema,
      ...wsErrorFormatting(options.logger),
      onConnect: async (ctx) => {
        const socket = ctx.extra.socket;
        try {
          const identity = await identityFromConnectionParams(ctx.connectionParams, options.verifier);
          const state: ConnectionState = { identity, active: new Set() };
          // A second after expiry: the gateway, which faces the client, closes at the expiry itself and tells the client
          // 4401; closing its upstream connection at the same instant would race that close with a plain error.
          if (identity.expiresAt) state.cancelExpiry = runAt(identity.expiresAt + EXPIRY_GRACE_MS, () => socket.close(WS_CLOSE.unauthorized, 'The token has expired; sign in again.'));
          states.set(ctx, state);
          stats.connections++;
          return true;
        } catch (error) {
          socket.close(WS_CLOSE.unauthorized, error instanceof Error ? error.message : 'Unauthorized');
          return false;
        }
      },
      context: (ctx) => options.context(states.get(ctx)?.identity.viewer ?? null) as Promise<Record<string, unknown>>,
      onOperation: (ctx, id, _payload, _args, result) => {
        const state = states.get(ctx);
        if (state && result && typeof (result as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
          state.active.add(id);
          stats.subscriptions++;
        }
      },
      onComplete: (ctx, id) => release(states.get(ctx), id),
      onClose: (ctx) => {
        const state = states.get(ctx);
        if (!state) return;
        state.cancelExpiry?.();
        for (const id of [...state.active]) release(state, id);
        stats.connections--;
        states.delete(ctx);
      },
    },
    wss,
    options.keepAliveMs ?? 12_000,
  );
  return { stats: () => ({ ...stats }), dispose: async () => void (await serving.dispose()) };
}

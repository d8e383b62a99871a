import type { IncomingMessage } from 'node:http';
import type { Express, RequestHandler } from 'express';
import proxyAddr from 'proxy-addr';
import { z } from 'zod';
import type { TokenVerifier } from '@shop/auth';
import { createBudget, rateLimitRequests, type RateLimiterAbstract, type RateLimitStore } from '@shop/server';
import { ConnectionLimits } from './subscriptions/connection-limits.js';

/**
 * How much one client may ask of the gateway. The defaults are far above what a shopper's browser sends (a page
 * view is a handful of requests and one socket) and low enough that one client cannot take the gateway for itself.
 */
export interface ClientLimitSettings {
  /** false serves everyone without counting (an operator's choice, e.g. behind a limiter of their own). */
  enabled: boolean;
  /** GraphQL requests per client address per minute (HTTP, and operations over WebSocket). */
  requestsPerIpPerMinute: number;
  /** GraphQL requests per signed-in user per minute. */
  requestsPerUserPerMinute: number;
  wsConnectionsPerIp: number;
  wsConnectsPerIpPerMinute: number;
  wsConnectionsPerUser: number;
  wsSubscriptionsPerUser: number;
  /** express's 'trust proxy': which hops' X-Forwarded-For names the client (false: the socket's address). */
  trustProxy: boolean | number | string;
  /** Where budgets are counted: this process (default) or a PostgreSQL table shared by every gateway replica. */
  store?: RateLimitStore;
}

export const DEFAULT_CLIENT_LIMITS: ClientLimitSettings = {
  enabled: true,
  requestsPerIpPerMinute: 6000,
  requestsPerUserPerMinute: 1200,
  wsConnectionsPerIp: 100,
  wsConnectsPerIpPerMinute: 300,
  wsConnectionsPerUser: 20,
  wsSubscriptionsPerUser: 300,
  trustProxy: false,
};

const count = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

/** The environment's names for the settings (README, docs/security.md). */
export const clientLimitsEnv = z.object({
  RATE_LIMIT: z.enum(['on', 'off']).default('on'),
  RATE_LIMIT_IP_PER_MINUTE: count(DEFAULT_CLIENT_LIMITS.requestsPerIpPerMinute),
  RATE_LIMIT_USER_PER_MINUTE: count(DEFAULT_CLIENT_LIMITS.requestsPerUserPerMinute),
  WS_CONNECTIONS_PER_IP: count(DEFAULT_CLIENT_LIMITS.wsConnectionsPerIp),
  WS_CONNECTS_PER_IP_PER_MINUTE: count(DEFAULT_CLIENT_LIMITS.wsConnectsPerIpPerMinute),
  WS_CONNECTIONS_PER_USER: count(DEFAULT_CLIENT_LIMITS.wsConnectionsPerUser),
  WS_SUBSCRIPTIONS_PER_USER: count(DEFAULT_CLIENT_LIMITS.wsSubscriptionsPerUser),
  /** "false", "true", a hop count, or addresses/subnets (e.g. "loopback, 10.0.0.0/8") of the load balancers. */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v) => (v === 'true' ? true : v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v)),
});

export function clientLimitsFromEnv(env: z.infer<typeof clientLimitsEnv>): ClientLimitSettings {
  return {
    enabled: env.RATE_LIMIT === 'on',
    requestsPerIpPerMinute: env.RATE_LIMIT_IP_PER_MINUTE,
    requestsPerUserPerMinute: env.RATE_LIMIT_USER_PER_MINUTE,
    wsConnectionsPerIp: env.WS_CONNECTIONS_PER_IP,
    wsConnectsPerIpPerMinute: env.WS_CONNECTS_PER_IP_PER_MINUTE,
    wsConnectionsPerUser: env.WS_CONNECTIONS_PER_USER,
    wsSubscriptionsPerUser: env.WS_SUBSCRIPTIONS_PER_USER,
    trustProxy: env.TRUST_PROXY,
  };
}

export interface ClientLimits {
  /** On /graphql before body parsing: 429 + Retry-After + RATE_LIMITED. */
  requests: RequestHandler;
  /** Per-operation charge for operations sent over a socket (same budgets as HTTP). */
  budgets: { perIp: RateLimiterAbstract; perUser: RateLimiterAbstract };
  ipOf(req: IncomingMessage): string | undefined;
  connections: ConnectionLimits<unknown>;
}

export function createClientLimits(
  app: Express,
  settings: ClientLimitSettings,
  verifier: TokenVerifier,
  onLimited: (scope: string) => void,
): ClientLimits | null {
  app.set('trust proxy', settings.trustProxy);
  if (!settings.enabled) return null;
  // The same rule express applies to req.ip, for upgrade requests that never pass through express.
  const trust = app.get('trust proxy fn') as (addr: string, i: number) => boolean;
  const ipOf = (req: IncomingMessage) => proxyAddr(req, trust);
  const budgets = {
    perIp: createBudget('gateway-ip', settings.requestsPerIpPerMinute, 60, settings.store),
    perUser: createBudget('gateway-user', settings.requestsPerUserPerMinute, 60, settings.store),
  };
  const userOf = async (authorization: string | undefined) => {
    const token = authorization && /^Bearer\s+(\S+)$/i.exec(authorization.trim())?.[1];
    // A bad token is refused later, by the request itself; here it only means "count by address".
    return token ? verifier.verify(token).then((viewer) => viewer.id, () => null) : null;
  };
  return {
    requests: rateLimitRequests({ ...budgets, ipOf, userOf, onLimited }),
    budgets,
    ipOf,
    connections: new ConnectionLimits(
      {
        connectionsPerIp: settings.wsConnectionsPerIp,
        connectionsPerUser: settings.wsConnectionsPerUser,
        subscriptionsPerUser: settings.wsSubscriptionsPerUser,
        connects: createBudget('gateway-ws-connect', settings.wsConnectsPerIpPerMinute, 60, settings.store),
      },
      ipOf,
      onLimited,
    ),
  };
}

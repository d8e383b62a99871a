import { Client, fetchExchange, subscriptionExchange } from 'urql';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { gatewayUrl, gatewayWsUrl } from '../config';
import { shopCacheExchange } from './cache';

export interface ShopClient {
  client: Client;
  ws: WsClient;
  dispose(): void;
}

type Listener = () => void;
const reconnectListeners = new Set<Listener>();
/** Pages with live data refetch after a reconnect: events published while the socket was down are gone. */
export function onReconnected(listener: Listener): () => void {
  reconnectListeners.add(listener);
  return () => reconnectListeners.delete(listener);
}

/** One urql client per signed-in identity: a new token gets a fresh cache and a socket authenticated as the new viewer. */
export function createShopClient(token: string | null): ShopClient {
  const ws = createWsClient({
    url: gatewayWsUrl,
    connectionParams: () => (token ? { authorization: `Bearer ${token}` } : {}),
    lazy: true,
    keepAlive: 10_000,
    // Keep trying through a gateway restart, backing off up to about 10 s; active subscriptions are resent on reconnect.
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: async (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 500 * 2 ** retries) + Math.random() * 300)),
    on: {
      connected: (_socket, _payload, wasRetry) => {
        if (wasRetry) for (const listener of reconnectListeners) listener();
      },
    },
  });
  const client = new Client({
    url: gatewayUrl,
    // urql 5 GETs queries by default; Apollo's CSRF prevention refuses simple GETs without a preflight header.
    preferGetMethod: false,
    fetchOptions: (): RequestInit => ({ headers: token ? { authorization: `Bearer ${token}` } : {} }),
    requestPolicy: 'cache-and-network',
    exchanges: [
      shopCacheExchange(),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
  return { client, ws, dispose: () => void ws.dispose() };
}

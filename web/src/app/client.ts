import { Client, fetchExchange, subscriptionExchange, type Exchange } from 'urql';
import { persistedExchange } from '@urql/exchange-persisted';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { gatewayUrl, gatewayWsUrl } from '../config';
import { shopCacheExchange } from './cache';
import { prefetchingFetch } from './prefetch';
import { viewerGuardExchange } from './viewer-guard';

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

export type SocketStatus = 'idle' | 'connecting' | 'connected' | 'closed';
let socketStatus: SocketStatus = 'idle';
let currentSocket: WsClient | null = null;
const statusListeners = new Set<Listener>();
/**
 * Whether the current client's socket is up. graphql-ws retries forever, so a subscription whose
 * socket cannot connect never reports an error: pages poll while this is not 'connected'.
 */
export function getSocketStatus(): SocketStatus {
  return socketStatus;
}
export function onSocketStatus(listener: Listener): () => void {
  statusListeners.add(listener);
  return () => statusListeners.delete(listener);
}
function setSocketStatus(ws: WsClient, status: SocketStatus) {
  // A replaced client (the viewer signed in or out) closing its socket says nothing about the current one.
  if (ws !== currentSocket || status === socketStatus) return;
  socketStatus = status;
  for (const listener of statusListeners) listener();
}

/**
 * Persisted operations (docs/persisted-operations.md), chosen at build time by VITE_PERSISTED_OPERATIONS to match the
 * gateway's PERSISTED_OPERATIONS: unset or "off" sends query text; "apq" sends the hash first and the text when the
 * gateway does not know it yet; "safelist" sends only the hash (every operation is in web/persisted-operations.json).
 * Subscriptions always go as text over graphql-ws, which the safelist accepts because their hashes are listed.
 */
export function persistedOperations(mode = import.meta.env.VITE_PERSISTED_OPERATIONS as string | undefined): Exchange[] {
  if (mode !== 'apq' && mode !== 'safelist') return [];
  return [
    persistedExchange({
      enforcePersistedQueries: mode === 'safelist',
      enableForMutation: true,
      // POST, like every other request here: a GET would need a CSRF preflight header (see preferGetMethod below).
      preferGetForPersistedQueries: false,
      generateHash: sha256Hex,
    }),
  ];
}

/** WebCrypto exists only in secure contexts (https, localhost): elsewhere no hash is sent, and the text goes instead. */
async function sha256Hex(query: string): Promise<string> {
  if (!globalThis.crypto?.subtle) return '';
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(query));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
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
      connecting: () => setSocketStatus(ws, 'connecting'),
      connected: (_socket, _payload, wasRetry) => {
        setSocketStatus(ws, 'connected');
        if (wasRetry) for (const listener of reconnectListeners) listener();
      },
      closed: () => setSocketStatus(ws, 'closed'),
    },
  });
  currentSocket = ws;
  socketStatus = 'idle';
  const client = new Client({
    url: gatewayUrl,
    // urql 5 GETs queries by default; Apollo's CSRF prevention refuses simple GETs without a preflight header.
    preferGetMethod: false,
    fetchOptions: (): RequestInit => ({ headers: token ? { authorization: `Bearer ${token}` } : {} }),
    // The catalog's first page may already be on its way (index.html starts it; see ./prefetch.ts).
    fetch: prefetchingFetch,
    requestPolicy: 'cache-and-network',
    exchanges: [
      shopCacheExchange(),
      viewerGuardExchange,
      // After the cache, so the hash is of the text as sent (with __typename added), as the manifest lists it.
      ...persistedOperations(),
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

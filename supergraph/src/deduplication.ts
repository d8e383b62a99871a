import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { Counter } from 'prom-client';
import type { GatewayContext } from './context.js';

/**
 * Which identical concurrent requests the gateway answers once:
 * - none: every request runs on its own;
 * - outbound: identical subgraph queries in flight at once (same URL, body and viewer) share one fetch;
 * - inbound: outbound, and identical client queries without a viewer (no Authorization) share one execution.
 * Only queries are ever shared, never mutations or subscriptions, and never across viewers. A request that joins one
 * already in flight gets the answer of that one, which started a little earlier: what any of the concurrent
 * requests could have seen, as with any read racing a write.
 */
export const DEDUP_MODES = ['none', 'outbound', 'inbound'] as const;
export type DedupMode = (typeof DEDUP_MODES)[number];
/** What the platform ships with (npm start, the Dockerfile, `npm run gateway` without --dedup). */
export const DEFAULT_DEDUP: DedupMode = 'inbound';

export const sharesOutbound = (mode: DedupMode) => mode !== 'none';
export const sharesInbound = (mode: DedupMode) => mode === 'inbound';

/** Calls with the same key while one is in flight get that call's promise; the key is free again once it settles. */
export class InFlight<T> {
  private readonly pending = new Map<string, Promise<T>>();

  /** onJoin is called when the call joined one in flight instead of running. */
  share(key: string, run: () => Promise<T>, onJoin?: () => void): Promise<T> {
    const running = this.pending.get(key);
    if (running) {
      onJoin?.();
      return running;
    }
    const started = run().finally(() => this.pending.delete(key));
    this.pending.set(key, started);
    return started;
  }

  get size(): number {
    return this.pending.size;
  }
}

/**
 * Headers that vary per client request but not the subgraph's answer to a query: trace context (a shared fetch
 * belongs to the first request's trace) and the client's address (only budgets, on mutations such as sign-in, read
 * it). Every other header, Authorization first, is part of the key: requests of different viewers never share.
 */
const PER_REQUEST_HEADERS = new Set(['traceparent', 'tracestate', 'baggage', 'x-forwarded-for']);

/**
 * The key under which a subgraph request may share a fetch, or null when it must not: anything but a query
 * operation (the body is read, not parsed: RemoteGraphQLDataSource writes `{"query":"…` first, and a body of any
 * other shape is conservatively not shared).
 */
export function outboundKey(url: string, method: string, headers: Record<string, string> | undefined, body: string | undefined): string | null {
  if (method !== 'POST' || !body || !isQueryBody(body)) return null;
  const kept = Object.entries(headers ?? {})
    .map(([name, value]) => [name.toLowerCase(), value] as const)
    .filter(([name]) => !PER_REQUEST_HEADERS.has(name))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${url}\n${JSON.stringify(kept)}\n${body}`;
}

const QUERY_BODY = /^\{"query":"(?:query\b|\{)/;
const isQueryBody = (body: string) => QUERY_BODY.test(body);

/** A single (not incremental) response, or null when there is none to share. */
type Shared = { http: { status?: number; headers: [string, string][] }; body: GraphQLResponse['body'] } | null;

/**
 * Inbound deduplication as an Apollo Server plugin: once a query is parsed, validated and past every limit, an
 * anonymous request identical (document, operation name, variables) to one executing joins it and answers with its
 * result, status and headers. The first request executes as usual and hands its response over when it is sent
 * (Apollo Server calls willSendResponse for every request that reached responseForOperation, errors included, so a
 * joiner is never left waiting); an incremental (@defer) response is not shared, its joiners execute on their own.
 */
export function inboundDeduplicationPlugin(joined?: Counter<'direction'>): ApolloServerPlugin<GatewayContext> {
  const inFlight = new Map<string, Promise<Shared>>();
  return {
    async requestDidStart({ contextValue }) {
      if ('authorization' in contextValue && contextValue.authorization) return;
      let publish: ((shared: Shared) => void) | undefined;
      let leading: string | undefined;
      const release = (shared: Shared) => {
        if (leading === undefined) return;
        inFlight.delete(leading);
        leading = undefined;
        publish?.(shared);
      };
      return {
        async responseForOperation({ operation, operationName, source, request }) {
          if (operation.operation !== 'query') return null;
          const key = `${operationName ?? ''}\n${source}\n${JSON.stringify(request.variables ?? {})}`;
          const running = inFlight.get(key);
          if (running) {
            joined?.inc({ direction: 'inbound' });
            const shared = await running;
            if (!shared) return null;
            const headers = new HeaderMap(shared.http.headers);
            return { http: { status: shared.http.status, headers }, body: shared.body };
          }
          leading = key;
          inFlight.set(key, new Promise<Shared>((resolve) => (publish = resolve)));
          return null;
        },
        async willSendResponse({ response }) {
          release(response.body.kind === 'single' ? { http: { status: response.http.status, headers: [...response.http.headers] }, body: response.body } : null);
        },
      };
    },
  };
}

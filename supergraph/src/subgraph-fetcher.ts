import { STATUS_CODES } from 'node:http';
import { request } from 'undici';
import { InFlight, outboundKey } from './deduplication.js';

/** What RemoteGraphQLDataSource reads of a fetch Response: ok, status, statusText, headers.get, json, text. */
export interface SubgraphResponse {
  ok: boolean;
  status: number;
  statusText: string;
  url: string;
  headers: { get(name: string): string | null };
  json(): Promise<unknown>;
  text(): Promise<string>;
}

/**
 * The gateway's subgraph fetcher on undici's request API (keep-alive pool, one per origin) rather than fetch: every
 * query costs at least one subgraph fetch, and fetch's web streams and Request/Response objects cost more CPU than
 * the request itself (on the checkout bench, about a tenth of the serving thread). The answer is fetch-shaped for
 * RemoteGraphQLDataSource; the body is read whole, as it parses it whole anyway.
 */
export interface SubgraphRequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

export async function fetchSubgraph(url: string, init: SubgraphRequestInit): Promise<SubgraphResponse> {
  const response = await request(url, { method: (init.method ?? 'POST') as 'POST', headers: init.headers, body: init.body, signal: init.signal });
  const text = await response.body.text();
  const headers = response.headers;
  return {
    ok: response.statusCode >= 200 && response.statusCode < 300,
    status: response.statusCode,
    statusText: STATUS_CODES[response.statusCode] ?? '',
    url,
    headers: {
      get(name: string) {
        const value = headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    },
    json: async () => JSON.parse(text),
    text: async () => text,
  };
}

/**
 * fetchSubgraph, with identical subgraph queries in flight at once sharing one request (outbound deduplication,
 * deduplication.ts). The shared answer has its body as text, so every caller parses its own copy of the JSON.
 */
export function sharedSubgraphFetcher(fetcher: typeof fetchSubgraph = fetchSubgraph, onJoin?: () => void): typeof fetchSubgraph {
  const inFlight = new InFlight<SubgraphResponse>();
  return (url, init) => {
    const key = outboundKey(url, init.method ?? 'POST', init.headers, init.body);
    if (key === null) return fetcher(url, init);
    // One caller's abort must not fail the others: the shared request runs to its end.
    return inFlight.share(key, () => fetcher(url, { ...init, signal: undefined }), onJoin);
  };
}

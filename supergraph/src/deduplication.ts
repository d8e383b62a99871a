import { getOperationAST, parse } from 'graphql';
import { persistedHashOf, type PersistedDocuments } from './persisted-operations/persisted-operations.js';

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

/** Whether a document's operation (by name) is a query; remembered by document text, as clients repeat theirs. */
const queryDocuments = new Map<string, boolean>();
const QUERY_DOCUMENTS_KEPT = 1000;

export function isQueryOperation(document: string, operationName: string | undefined): boolean {
  const key = `${operationName ?? ''}\n${document}`;
  let known = queryDocuments.get(key);
  if (known === undefined) {
    try {
      known = getOperationAST(parse(document, { noLocation: true }), operationName)?.operation === 'query';
    } catch {
      // Apollo Server answers what does not parse; nothing to share.
      known = false;
    }
    if (queryDocuments.size >= QUERY_DOCUMENTS_KEPT) queryDocuments.clear();
    queryDocuments.set(key, known);
  }
  return known;
}

/** The request as the gateway's HTTP route sees it once the body is parsed (express). */
export interface InboundRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
}

/**
 * The key under which a client request may share another's execution (inbound deduplication), or null when it must
 * not: a request with a viewer (Authorization), anything but one query operation (a batch, a mutation, a document that
 * does not parse, a hash-only persisted operation whose text `documents` does not know). Everything that shapes the
 * answer is in the key: method, URL (GET's query string), body, and the headers Apollo Server reads to shape the
 * response (accept, content-type, the preflight header). The client's address is not: only mutations read it.
 */
export function inboundKey(req: InboundRequest, documents?: PersistedDocuments): string | null {
  // The response cache and the HTTP handler both ask: the body is read and serialized once per request.
  let key = inboundKeys.get(req);
  if (key === undefined) inboundKeys.set(req, (key = keyOf(req, documents)));
  return key;
}

const inboundKeys = new WeakMap<InboundRequest, string | null>();

function keyOf(req: InboundRequest, documents: PersistedDocuments | undefined): string | null {
  if (req.headers.authorization) return null;
  if (req.method === 'POST') {
    if (!isSentQuery(req.body, documents)) return null;
  } else if (req.method !== 'GET' || !(req.url.includes('query=') || req.url.includes('extensions='))) {
    // Apollo Server runs nothing but queries over GET (a mutation answers 405, by text or by hash), so a GET's URL is
    // the whole request.
    return null;
  }
  const h = req.headers;
  return `${req.method} ${req.url}\n${h.accept ?? ''}\n${h['content-type'] ?? ''}\n${h['apollo-require-preflight'] ?? ''}\n${h['x-apollo-operation-name'] ?? ''}\n${req.method === 'POST' ? JSON.stringify(req.body) : ''}`;
}

/**
 * Whether a POST body is one query operation, sent as text or as the hash of a text `documents` knows (a text sent
 * with its hash is shown to `documents` first, as APQ registers it).
 */
export function isSentQuery(body: unknown, documents?: PersistedDocuments): boolean {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return false;
  const { query, operationName, extensions } = body as { query?: unknown; operationName?: unknown; extensions?: unknown };
  if (operationName != null && typeof operationName !== 'string') return false;
  const hash = persistedHashOf(extensions);
  let text: string | undefined;
  if (typeof query === 'string') {
    text = query;
    if (hash !== undefined) documents?.sentWithText(hash, query);
  } else if (query == null && hash !== undefined) {
    text = documents?.textOf(hash);
  }
  return text !== undefined && isQueryOperation(text, operationName ?? undefined);
}

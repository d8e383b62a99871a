import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError } from 'graphql';
import type { fetchSubgraph, SubgraphResponse } from '../subgraph-fetcher.js';
import { batchRequests, type EntityFetch } from './entity-batches.js';
import { isJsonObject } from './json-values.js';

type Send = typeof fetchSubgraph;


/** The body as RemoteGraphQLDataSource.parseBody reads it: JSON when the subgraph says so, else text. */
async function parseBody(response: SubgraphResponse): Promise<unknown> {
  const type = response.headers.get('content-type');
  return type && (type.startsWith('application/json') || type.startsWith('application/graphql-response+json')) ? response.json() : response.text();
}

interface Pending {
  fetch: EntityFetch;
  resolve(response: GatewayGraphQLResponse): void;
  reject(error: unknown): void;
}

type Request = GraphQLDataSourceProcessOptions['request'];

/**
 * A subgraph as @apollo/gateway's executor calls it: what RemoteGraphQLDataSource does for a gateway that sends no
 * APQ and reads no cache-control, without its per-fetch node-fetch Headers and Request objects, and with the
 * _entities fetches one execution sends it in the same turn of the event loop sent as one request, each
 * representation once (entity-batches.ts). `headers` adds the viewer's headers per request.
 */
export class SubgraphDataSource<Context extends object> implements GraphQLDataSource<Context & Record<string, unknown>> {
  /** Entity fetches waiting for the end of this turn, by the execution (its context) they belong to. */
  private readonly batches = new Map<object, Pending[]>();

  constructor(
    readonly url: string,
    private readonly send: Send,
    private readonly headers: (context: Context) => Record<string, string>,
  ) {}

  process(options: GraphQLDataSourceProcessOptions<Context & Record<string, unknown>>): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    const context = options.context as Context;
    if (!request.query) return Promise.reject(new Error('Missing query'));
    // The executor sets http only to ask for a federated trace, which must stay one fetch's.
    if (request.http || request.extensions || !Array.isArray(request.variables?.representations) || typeof context !== 'object' || context === null) {
      return this.execute(request, context);
    }
    const fetch = { query: request.query, operationName: request.operationName, variables: request.variables } as EntityFetch;
    return new Promise((resolve, reject) => {
      let batch = this.batches.get(context);
      if (!batch) {
        const pending: Pending[] = (batch = []);
        this.batches.set(context, pending);
        // setImmediate, not a microtask: fetches whose inputs arrived in the same poll of the event loop join too.
        setImmediate(() => {
          this.batches.delete(context);
          this.flush(pending, context);
        });
      }
      batch.push({ fetch, resolve, reject });
    });
  }

  private flush(batch: Pending[], context: Context) {
    let requests;
    try {
      requests = batchRequests(batch.map((pending) => pending.fetch));
    } catch (error) {
      // Variables JSON cannot hold (the executor builds none): every fetch fails rather than waits forever.
      for (const pending of batch) pending.reject(error);
      return;
    }
    for (const request of requests) {
      this.execute(request, context)
        .then((response) => request.answer(response))
        .then(
          (answers) => request.fetches.forEach((index, k) => batch[index]!.resolve(answers[k]!)),
          (error: unknown) => request.fetches.forEach((index) => batch[index]!.reject(error)),
        );
    }
  }

  private async execute(request: Pick<Request, 'query' | 'variables' | 'operationName' | 'extensions' | 'http'>, context: Context): Promise<GatewayGraphQLResponse> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    // The executor's own (the ftv1 trace request) when it sets any.
    if (request.http?.headers) for (const [name, value] of request.http.headers) headers[name.toLowerCase()] = value;
    Object.assign(headers, this.headers(context));
    // query first: outbound deduplication recognises a query by the body's start (deduplication.ts).
    const body = JSON.stringify({ query: request.query, variables: request.variables, operationName: request.operationName, extensions: request.extensions });
    const response = await this.send(this.url, { method: 'POST', headers, body });
    if (!response.ok) {
      const extensions: Record<string, unknown> = { response: { url: response.url, status: response.status, statusText: response.statusText, body: await parseBody(response) } };
      if (response.status === 401) extensions.code = 'UNAUTHENTICATED';
      else if (response.status === 403) extensions.code = 'FORBIDDEN';
      throw new GraphQLError(`${response.status}: ${response.statusText}`, { extensions });
    }
    const parsed = await parseBody(response);
    if (!isJsonObject(parsed)) throw new Error(`Expected JSON response body, but received: ${parsed}`);
    return parsed as GatewayGraphQLResponse;
  }
}

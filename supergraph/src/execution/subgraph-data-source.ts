import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError } from 'graphql';
import type { fetchSubgraph, SubgraphResponse } from '../subgraph-fetcher.js';
import { dedupeRepresentations } from './representations.js';

type Send = typeof fetchSubgraph;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The body as RemoteGraphQLDataSource.parseBody reads it: JSON when the subgraph says so, else text. */
async function parseBody(response: SubgraphResponse): Promise<unknown> {
  const type = response.headers.get('content-type');
  return type && (type.startsWith('application/json') || type.startsWith('application/graphql-response+json')) ? response.json() : response.text();
}

/**
 * A subgraph as @apollo/gateway's executor calls it: what RemoteGraphQLDataSource does for a gateway that sends no
 * APQ and reads no cache-control, without its per-fetch node-fetch Headers and Request objects, and with the
 * representations of an _entities fetch deduplicated (dedupeRepresentations): the executor sends one per occurrence,
 * and the TestQuery's deepest fetches hold 96 copies of one product. `headers` adds the viewer's headers per request.
 */
export class SubgraphDataSource<Context extends object> implements GraphQLDataSource<Context & Record<string, unknown>> {
  constructor(
    readonly url: string,
    private readonly send: Send,
    private readonly headers: (context: Context) => Record<string, string>,
  ) {}

  async process(options: GraphQLDataSourceProcessOptions<Context & Record<string, unknown>>): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    if (!request.query) throw new Error('Missing query');
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    // The executor's own (the ftv1 trace request) when it sets any.
    if (request.http?.headers) for (const [name, value] of request.http.headers) headers[name.toLowerCase()] = value;
    Object.assign(headers, this.headers(options.context as Context));
    const deduped = dedupeRepresentations(request.variables);
    // query first: outbound deduplication recognises a query by the body's start (deduplication.ts).
    const body = JSON.stringify({ query: request.query, variables: deduped ? deduped.variables : request.variables, operationName: request.operationName, extensions: request.extensions });
    const response = await this.send(this.url, { method: 'POST', headers, body });
    if (!response.ok) {
      const extensions: Record<string, unknown> = { response: { url: response.url, status: response.status, statusText: response.statusText, body: await parseBody(response) } };
      if (response.status === 401) extensions.code = 'UNAUTHENTICATED';
      else if (response.status === 403) extensions.code = 'FORBIDDEN';
      throw new GraphQLError(`${response.status}: ${response.statusText}`, { extensions });
    }
    const parsed = await parseBody(response);
    if (!isObject(parsed)) throw new Error(`Expected JSON response body, but received: ${parsed}`);
    return (deduped ? deduped.expand(parsed) : parsed) as GatewayGraphQLResponse;
  }
}

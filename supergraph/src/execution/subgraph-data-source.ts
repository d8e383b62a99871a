import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { createBatchingExecutor } from '@graphql-tools/batch-execute';
import { GraphQLError, Kind, OperationTypeNode, parse, print, type DocumentNode } from 'graphql';
import type { fetchSubgraph, SubgraphResponse } from '../subgraph-fetcher.js';
import { dedupeRepresentations } from './representations.js';

type Send = typeof fetchSubgraph;
type Executor = Parameters<typeof createBatchingExecutor>[0];
type ExecutionRequest = Parameters<Executor>[0];
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The body as RemoteGraphQLDataSource.parseBody reads it: JSON when the subgraph says so, else text. */
async function parseBody(response: SubgraphResponse): Promise<unknown> {
  const type = response.headers.get('content-type');
  return type && (type.startsWith('application/json') || type.startsWith('application/graphql-response+json')) ? response.json() : response.text();
}

/**
 * Subgraph operations parsed once: a plan's fetches repeat their operation text (the planner keeps no document unless
 * asked). Bounded: a gateway serving endless distinct operations starts over rather than grow.
 */
const documents = new Map<string, DocumentNode | null>();
/** The query's document, or null when the operation is not a query (mutations stay one request each, in order). */
function queryDocument(query: string): DocumentNode | null {
  let document = documents.get(query);
  if (document === undefined) {
    const parsed = parse(query);
    const operation = parsed.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
    document = operation?.operation === 'query' ? parsed : null;
    if (documents.size >= 1000) documents.clear();
    documents.set(query, document);
  }
  return document;
}

/**
 * Errors as the subgraph's JSON has them: batch-execute hands back GraphQLError instances (of its own graphql
 * instance, so instanceof cannot tell) with the path moved out of its alias; the executor expects plain objects.
 */
const plainErrors = (result: Json): Json =>
  Array.isArray(result.errors) ? { ...result, errors: result.errors.map((error: { toJSON?: () => unknown }) => (typeof error.toJSON === 'function' ? error.toJSON() : error)) } : result;

/**
 * A subgraph as @apollo/gateway's executor calls it: what RemoteGraphQLDataSource does for a gateway that sends no
 * APQ and reads no cache-control, without its per-fetch node-fetch Headers and Request objects, with:
 * - the representations of an _entities fetch deduplicated (dedupeRepresentations): the executor sends one per
 *   occurrence, and the TestQuery's deepest fetches hold 96 copies of one product;
 * - the queries one gateway request sends this subgraph in the same tick (the fetches of one plan level: the planner
 *   puts several Flatten(Fetch) to one subgraph in a Parallel) merged into one HTTP request by
 *   @graphql-tools/batch-execute (fields aliased and variables prefixed per fetch, the answer split back), as Hive
 *   Gateway does. Per gateway request (its context object), never across requests: each carries its viewer's headers.
 *   A merged request is one fetch to `send`, so one span and one duration sample for all the fetches it carries.
 * `headers` adds the viewer's headers per request.
 */
export class SubgraphDataSource<Context extends object> implements GraphQLDataSource<Context & Record<string, unknown>> {
  private readonly batches = new WeakMap<object, Executor>();
  /** The executor's own operation text, sent as is when a fetch goes alone (a merged one is printed). */
  private readonly texts = new WeakMap<object, string>();

  constructor(
    readonly url: string,
    private readonly send: Send,
    private readonly headers: (context: Context) => Record<string, string>,
  ) {}

  async process(options: GraphQLDataSourceProcessOptions<Context & Record<string, unknown>>): Promise<GatewayGraphQLResponse> {
    const { request, context } = options;
    if (!request.query) throw new Error('Missing query');
    const deduped = dedupeRepresentations(request.variables);
    const variables = deduped ? deduped.variables : request.variables;
    let result: Json;
    // The executor's own headers (the ftv1 trace request) are per fetch: such a fetch goes alone.
    const document = isObject(context) && !request.http?.headers ? queryDocument(request.query) : null;
    if (document) {
      const fetch: ExecutionRequest = { document, variables, operationName: request.operationName, extensions: request.extensions, operationType: OperationTypeNode.QUERY };
      this.texts.set(fetch, request.query);
      result = plainErrors((await this.batchFor(context as Context)(fetch)) as Json);
    } else {
      const headers: Record<string, string> = {};
      if (request.http?.headers) for (const [name, value] of request.http.headers) headers[name.toLowerCase()] = value;
      result = await this.post(request.query, variables, request.operationName, request.extensions, Object.assign(headers, this.headers(context as Context)));
    }
    return (deduped ? deduped.expand(result) : result) as GatewayGraphQLResponse;
  }

  private batchFor(context: Context): Executor {
    let executor = this.batches.get(context);
    if (!executor) {
      const headers = this.headers(context);
      executor = createBatchingExecutor(
        (fetch) => this.post(this.texts.get(fetch) ?? print(fetch.document), fetch.variables, fetch.operationName, fetch.extensions, headers),
        // Each fetch is a new request object: nothing to cache by it.
        { cache: false },
      );
      this.batches.set(context, executor);
    }
    return executor;
  }

  private async post(query: string, variables: unknown, operationName: string | undefined, extensions: unknown, viewerHeaders: Record<string, string>): Promise<Json> {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...viewerHeaders };
    // query first: outbound deduplication recognises a query by the body's start (deduplication.ts).
    const body = JSON.stringify({ query, variables, operationName, extensions });
    const response = await this.send(this.url, { method: 'POST', headers, body });
    if (!response.ok) {
      const errorExtensions: Json = { response: { url: response.url, status: response.status, statusText: response.statusText, body: await parseBody(response) } };
      if (response.status === 401) errorExtensions.code = 'UNAUTHENTICATED';
      else if (response.status === 403) errorExtensions.code = 'FORBIDDEN';
      throw new GraphQLError(`${response.status}: ${response.statusText}`, { extensions: errorExtensions });
    }
    const parsed = await parseBody(response);
    if (!isObject(parsed)) throw new Error(`Expected JSON response body, but received: ${parsed}`);
    return parsed;
  }
}

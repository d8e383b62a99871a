import { createRequire } from 'node:module';
import type { GraphQLDataSource, ServiceMap } from '@apollo/gateway';
import { ERRORS, errorCodeDef, operationFromDocument, type FieldSelection, type Operation, type Schema } from '@apollo/federation-internals';
import { evaluateCondition, type FetchNode, type PlanNode, type QueryPlan, type QueryPlanSelectionNode, type ResponsePath } from '@apollo/query-planner';
import type { GatewayExecutionResult, GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { SpanStatusCode, type Span } from '@opentelemetry/api';
import { graphql } from '@shop/server';
import type {
  DocumentNode,
  FieldNode,
  GraphQLFormattedError,
  GraphQLSchema,
  OperationDefinitionNode,
  VariableDefinitionNode,
} from 'graphql';
import { hasOwn, isJsonObject as isObject } from './json-values.js';
import { computeResponse } from './response-shaping.js';

/**
 * @apollo/gateway's executeQueryPlan (executeQueryPlan.js) with the same arguments, result, errors and spans, but
 * without the work its hot path does per request that no answer needs:
 * - the Operation it builds from the document for result shaping is built once per parsed document (Apollo Server
 *   keeps one per query text) instead of per request, so response-shaping's per-operation compilation is reused too;
 * - flattening a Flatten node's path walks the data once into one array (Apollo allocates a rest-of-path array per
 *   level and per list element, and a flatMap per list);
 * - no usage-reporting protobuf trace node is built per plan node unless a trace is captured (then Apollo's runs);
 * - entity answers are merged with one pass over their keys.
 * On the federation benchmark's TestQuery Apollo's executor was 12-13% of the gateway's CPU (flattenResultsAtPath,
 * deepMerge, executeSelectionSet, Operation building). plan-execution.test.ts runs both on the same plans and
 * subgraph answers (errors, nulls, lists of lists, @requires, abstract types, introspection) and compares what they
 * return.
 */

type ExecuteQueryPlan = (
  queryPlan: QueryPlan,
  serviceMap: ServiceMap,
  requestContext: GatewayGraphQLRequestContext,
  operationContext: OperationContext,
  supergraphSchema: GraphQLSchema,
  apiSchema: Schema,
  telemetryConfig?: unknown,
) => Promise<GatewayExecutionResult>;

/** What @apollo/gateway's buildOperationContext returns (its type is not exported from the package root). */
interface OperationContext {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, DocumentNode['definitions'][number]>;
}

// The graphql instance @apollo/gateway uses (its CommonJS build): its errors and schemas are the ones Apollo accepts.
const { executeSync, GraphQLError, Kind, OperationTypeNode, visit } = graphql;
type GraphQLError = InstanceType<typeof GraphQLError>;

const require = createRequire(import.meta.url);
const apolloExecution = require('@apollo/gateway/dist/executeQueryPlan.js') as {
  executeQueryPlan: ExecuteQueryPlan;
  generateHydratedPaths(parent: ResponsePath, path: ResponsePath, data: unknown, result: ResponsePath[]): void;
};
const telemetry = require('@apollo/gateway/dist/utilities/opentelemetry.js') as {
  tracer: { startActiveSpan<T>(name: string, options: object, fn: (span: Span) => T): T; startActiveSpan<T>(name: string, fn: (span: Span) => T): T };
  OpenTelemetrySpanNames: { EXECUTE: string; FETCH: string; POST_PROCESSING: string };
  recordExceptions(span: Span, exceptions: readonly unknown[], config?: unknown): void;
};
const rewrites = require('@apollo/gateway/dist/dataRewrites.js') as {
  applyRewrites(schema: GraphQLSchema, rewrites: FetchNode['inputRewrites'], value: unknown): void;
  isObjectOfType(schema: GraphQLSchema, obj: Record<string, unknown>, typeCondition: string): boolean;
};
/** Apollo's own, kept for the equivalence tests and for requests that capture a usage-reporting trace. */
export const apolloExecuteQueryPlan = apolloExecution.executeQueryPlan;
const { tracer, OpenTelemetrySpanNames: SpanNames, recordExceptions } = telemetry;

type Data = Record<string, unknown>;
interface Cursor {
  path: ResponsePath;
  data: unknown;
  fullResult: Data;
}
interface ExecutionContext {
  operation: Operation;
  operationContext: OperationContext;
  serviceMap: ServiceMap;
  requestContext: GatewayGraphQLRequestContext;
  supergraphSchema: GraphQLSchema;
  telemetryConfig: unknown;
  errors: GraphQLError[];
}


/** Operations by the API schema and the parsed operation they were built from (both live as long as their cache entry). */
const operations = new WeakMap<Schema, WeakMap<OperationDefinitionNode, Operation>>();

function operationOf(apiSchema: Schema, operationContext: OperationContext): Operation {
  let bySchema = operations.get(apiSchema);
  if (!bySchema) operations.set(apiSchema, (bySchema = new WeakMap()));
  let operation = bySchema.get(operationContext.operation);
  if (!operation) {
    operation = operationFromDocument(
      apiSchema,
      { kind: Kind.DOCUMENT, definitions: [operationContext.operation, ...Object.values(operationContext.fragments)] } as DocumentNode,
      { validate: false },
    );
    bySchema.set(operationContext.operation, operation);
  }
  return operation;
}

/** Drop-in for @apollo/gateway's executeQueryPlan (same arguments, same result). */
export const executeQueryPlan: ExecuteQueryPlan = async (queryPlan, serviceMap, requestContext, operationContext, supergraphSchema, apiSchema, telemetryConfig) => {
  if (requestContext.metrics?.captureTraces) {
    return apolloExecuteQueryPlan(queryPlan, serviceMap, requestContext, operationContext, supergraphSchema, apiSchema, telemetryConfig);
  }
  return tracer.startActiveSpan(SpanNames.EXECUTE, async (span) => {
    try {
      let operation: Operation;
      try {
        operation = operationOf(apiSchema, operationContext);
      } catch (error) {
        if (error instanceof GraphQLError) return { errors: [error] };
        throw error;
      }
      const context: ExecutionContext = { operation, operationContext, serviceMap, requestContext, supergraphSchema, telemetryConfig, errors: [] };
      const unfilteredData = Object.create(null) as Data;
      if (queryPlan.node?.kind === 'Subscription') throw new Error('Execution of subscriptions not supported by gateway');
      if (queryPlan.node) await executeNode(context, queryPlan.node, { path: [], data: unfilteredData, fullResult: unfilteredData });
      const result = tracer.startActiveSpan(SpanNames.POST_PROCESSING, (span): GatewayExecutionResult => {
        try {
          const variables = requestContext.request.variables;
          const shaped = computeResponse({
            operation,
            variables,
            input: unfilteredData,
            introspectionHandling: (field) =>
              executeIntrospection(operationContext.schema, (field as FieldSelection).expandFragments().toSelectionNode(), operationContext.operation.variableDefinitions, variables),
          });
          if (context.errors.length === 0 && shaped.errors.length > 0) {
            recordExceptions(span, shaped.errors, telemetryConfig);
            span.setStatus({ code: SpanStatusCode.ERROR });
            return { extensions: { valueCompletion: shaped.errors }, data: shaped.data } as GatewayExecutionResult;
          }
          return context.errors.length === 0 ? { data: shaped.data } : { errors: context.errors, data: shaped.data };
        } catch (error) {
          recordExceptions(span, [error], telemetryConfig);
          span.setStatus({ code: SpanStatusCode.ERROR });
          if (error instanceof GraphQLError) return { errors: [error] };
          if (error instanceof Error) return { errors: [new GraphQLError(error.message, { originalError: error })] };
          (requestContext.logger ?? console).error(`Unexpected error during query plan execution: ${String(error)}`);
          return { errors: [new GraphQLError('Unexpected error during query plan execution')] };
        } finally {
          span.end();
        }
      });
      if (result.errors) {
        recordExceptions(span, result.errors, telemetryConfig);
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      return result;
    } catch (error) {
      recordExceptions(span, [error], telemetryConfig);
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
};

async function executeNode(context: ExecutionContext, node: PlanNode, cursor: Cursor | undefined): Promise<void> {
  if (!cursor) return;
  switch (node.kind) {
    case 'Sequence':
      for (const child of node.nodes) await executeNode(context, child, cursor);
      return;
    case 'Parallel':
      await Promise.all(node.nodes.map((child) => executeNode(context, child, cursor)));
      return;
    case 'Flatten':
      return executeNode(context, node.node, moveIntoCursor(cursor, node.path));
    case 'Fetch':
      try {
        await executeFetch(context, node, cursor);
      } catch (error) {
        context.errors.push(error as GraphQLError);
      }
      return;
    case 'Condition': {
      const branch = evaluateCondition(node, context.operation.variableDefinitions, context.requestContext.request.variables) ? node.ifClause : node.elseClause;
      if (branch) await executeNode(context, branch, cursor);
      return;
    }
    case 'Defer':
      throw new Error('Assertion error: @defer support is not available in the gateway');
  }
}

function moveIntoCursor(cursor: Cursor, pathInCursor: ResponsePath): Cursor | undefined {
  const data = flattenAt(cursor.data, pathInCursor, 0);
  return data ? { path: cursor.path.concat(pathInCursor), data, fullResult: cursor.fullResult } : undefined;
}

/** Apollo's flattenResultsAtPath: the values at path, lists ('@') flattened one level per element as flatMap does. */
function flattenAt(value: unknown, path: ResponsePath, at: number): unknown {
  for (; at < path.length && value !== undefined && value !== null; at++) {
    if (path[at] === '@') {
      const flat: unknown[] = [];
      flattenInto(value, path, at, flat);
      return flat;
    }
    value = step(value, path[at]!);
  }
  return value;
}

/** Pushes what is at path[at + 1..] under each element of the list at path[at] ('@') into flat, in order. */
function flattenInto(list: unknown, path: ResponsePath, at: number, flat: unknown[]): void {
  if (!Array.isArray(list)) throw new TypeError('value.flatMap is not a function');
  for (const element of list) {
    let value: unknown = element;
    let i = at + 1;
    for (; i < path.length && value !== undefined && value !== null && path[i] !== '@'; i++) value = step(value, path[i]!);
    if (i < path.length && value !== undefined && value !== null) flattenInto(value, path, i, flat);
    else if (Array.isArray(value)) for (const item of value) flat.push(item);
    else flat.push(value);
  }
}

function step(value: unknown, current: string | number): unknown {
  if (typeof current !== 'string') throw new Error(`Assertion error: Unexpected ${typeof current} found in path`);
  if (Array.isArray(value)) throw new Error(`Assertion error: Unexpected array in result for path element ${current}`);
  return hasOwn(value as object, current) ? (value as Data)[current] : undefined;
}

async function executeFetch(context: ExecutionContext, fetch: FetchNode, cursor: Cursor): Promise<void> {
  const service = context.serviceMap[fetch.serviceName];
  return tracer.startActiveSpan(SpanNames.FETCH, { attributes: { service: fetch.serviceName } }, async (span) => {
    try {
      if (!service) throw new Error(`Couldn't find service with name "${fetch.serviceName}"`);
      const entities = (Array.isArray(cursor.data) ? cursor.data.filter((entity) => entity !== null && entity !== undefined) : [cursor.data]) as Data[];
      if (entities.length < 1) return;
      const variables = Object.create(null) as Data;
      const provided = context.requestContext.request.variables;
      if (fetch.variableUsages && provided) {
        for (const name of fetch.variableUsages) if (hasOwn(provided, name) && provided[name] !== undefined) variables[name] = provided[name];
      }
      if (!fetch.requires) {
        const received = await sendOperation(context, service, fetch, cursor, variables);
        if (received) rewrites.applyRewrites(context.supergraphSchema, fetch.outputRewrites, received);
        for (const entity of entities) deepMerge(entity, received);
        return;
      }
      const representations: Data[] = [];
      const representationToEntity: number[] = [];
      for (let index = 0; index < entities.length; index++) {
        const representation = selectionOf(context.supergraphSchema, entities[index]!, fetch.requires);
        if (representation && representation.__typename) {
          rewrites.applyRewrites(context.supergraphSchema, fetch.inputRewrites, representation);
          representations.push(representation);
          representationToEntity.push(index);
        }
      }
      if (representations.length < 1) return;
      if ('representations' in variables) throw new Error(`Variables cannot contain key "representations"`);
      const received = await sendOperation(context, service, fetch, cursor, { ...variables, representations });
      if (!received) return;
      const receivedEntities = received._entities;
      if (!Array.isArray(receivedEntities)) throw new Error(`Expected "data._entities" in response to be an array`);
      if (receivedEntities.length !== representations.length) throw new Error(`Expected "data._entities" to contain ${representations.length} elements`);
      // Apollo iterates over entities.length (not representations.length): kept, so both answer alike when they differ.
      for (let i = 0; i < entities.length; i++) {
        const receivedEntity = receivedEntities[i] as Data | null | undefined;
        const existing = entities[representationToEntity[i]!];
        if (receivedEntity && !receivedEntity.__typename) receivedEntity.__typename = existing!.__typename;
        rewrites.applyRewrites(context.supergraphSchema, fetch.outputRewrites, receivedEntity);
        deepMerge(existing, receivedEntity);
      }
    } catch (error) {
      recordExceptions(span, [error], context.telemetryConfig);
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

async function sendOperation(context: ExecutionContext, service: GraphQLDataSource, fetch: FetchNode, cursor: Cursor, variables: Data): Promise<Data | null | undefined> {
  const { requestContext } = context;
  const response = await service.process({
    kind: 'incoming operation' as never,
    request: { query: fetch.operation, variables, operationName: fetch.operationName, http: undefined },
    incomingRequestContext: requestContext,
    context: requestContext.context,
    document: fetch.operationDocumentNode,
    pathInIncomingRequest: cursor.path,
  });
  if (response.errors) {
    const errorPath = lazyErrorPath(fetch, cursor);
    context.errors.push(...response.errors.map((error) => downstreamServiceError(error, fetch.serviceName, errorPath)));
    if (!response.extensions?.ftv1) {
      const paths = response.errors.map((error) => ({ subgraph: fetch.serviceName, path: error.path }));
      const metrics = requestContext.metrics as { nonFtv1ErrorPaths?: unknown[] };
      if (metrics.nonFtv1ErrorPaths) metrics.nonFtv1ErrorPaths.push(...paths);
      else metrics.nonFtv1ErrorPaths = paths;
    }
  }
  return response.data as Data | null | undefined;
}

function lazyErrorPath(fetch: FetchNode, cursor: Cursor): (path: GraphQLFormattedError['path']) => ResponsePath | undefined {
  let hydratedPaths: ResponsePath[] | undefined;
  return (errorPath) => {
    if (fetch.requires && typeof errorPath?.[1] === 'number') {
      if (!hydratedPaths) {
        hydratedPaths = [];
        apolloExecution.generateHydratedPaths([], cursor.path, cursor.fullResult, hydratedPaths);
      }
      return [...(hydratedPaths[errorPath[1]] ?? []), ...errorPath.slice(2)];
    }
    return errorPath ? [...cursor.path, ...errorPath.slice()] : undefined;
  };
}

function downstreamServiceError(original: GraphQLFormattedError, serviceName: string, errorPath: (path: GraphQLFormattedError['path']) => ResponsePath | undefined): GraphQLError {
  const message = original.message || `Error while fetching subquery from service "${serviceName}"`;
  const options = { originalError: original as Error, path: errorPath(original.path), extensions: { ...original.extensions, serviceName } };
  const codeDef = errorCodeDef(original);
  if (!codeDef && original.extensions?.code) return new GraphQLError(message, options);
  return (codeDef ?? ERRORS.DOWNSTREAM_SERVICE_ERROR).err(message, options);
}

/** Apollo's executeSelectionSet: an entity's representation, or null when a required field is missing. */
function selectionOf(schema: GraphQLSchema, source: Data | null, selections: readonly QueryPlanSelectionNode[]): Data | null {
  if (source === null) return null;
  let result = Object.create(null) as Data;
  // While nothing was written to result, merging a fragment's selection into it is taking that selection.
  let empty = true;
  for (const selection of selections) {
    if (selection.kind === 'Field') {
      const responseName = selection.alias ? selection.alias : selection.name;
      const nested = selection.selections;
      if (!hasOwn(source, responseName) || source[responseName] === undefined) return null;
      const value = source[responseName];
      if (Array.isArray(value)) result[responseName] = nested ? value.map((item) => selectionOf(schema, item as Data | null, nested)) : value.slice();
      else result[responseName] = nested ? selectionOf(schema, value as Data | null, nested) : value;
      empty = false;
    } else if (selection.kind === 'InlineFragment') {
      if (!selection.typeCondition || !source) continue;
      if (!rewrites.isObjectOfType(schema, source, selection.typeCondition)) continue;
      const selected = selectionOf(schema, source, selection.selections);
      if (selected === null) continue;
      if (empty) result = selected;
      else deepMerge(result, selected);
      empty = false;
    }
  }
  return result;
}

/** Apollo's deepMerge (utilities/deepMerge.js): same merge, one lookup of each key. */
function deepMerge(target: any, source: any): any {
  if (source === undefined || source === null) return target;
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (value === undefined) continue;
    let existing = target[key];
    // defineOwn: a key the target only inherits (e.g. "constructor") becomes its own before it is written.
    if (existing !== undefined && !hasOwn(target, key)) {
      Object.defineProperty(target, key, { configurable: true, enumerable: true, value: undefined, writable: true });
      existing = undefined;
    }
    if (existing && isObject(value)) deepMerge(existing, value);
    else if (Array.isArray(value) && Array.isArray(existing) && value.length === existing.length) {
      for (let i = 0; i < value.length; i++) {
        if (isObject(existing[i]) && isObject(value[i])) deepMerge(existing[i], value[i]);
        else existing[i] = value[i];
      }
    } else target[key] = value;
  }
  return target;
}

function executeIntrospection(schema: GraphQLSchema, selection: FieldNode, variableDefinitions: readonly VariableDefinitionNode[] | undefined, variableValues: Data | undefined): unknown {
  const used = new Set<string>();
  visit(selection, { Variable: ({ name }) => void used.add(name.value) });
  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: OperationTypeNode.QUERY,
        variableDefinitions: variableDefinitions?.filter((definition) => used.has(definition.variable.name.value)),
        selectionSet: { kind: Kind.SELECTION_SET, selections: [selection] },
      },
    ],
  };
  const { data, errors } = executeSync({ schema, document, rootValue: {}, variableValues });
  if (errors?.length || !data) throw new Error(`Assertion error: Introspection query for ${JSON.stringify(selection)} should not have failed`);
  const name = selection.alias?.value ?? selection.name.value;
  return hasOwn(data, name) ? data[name] : undefined;
}

/**
 * Makes @apollo/gateway's executor entry point (which ApolloGateway reads from its module at every request) this
 * one. @apollo/gateway is pinned (package.json); plan-execution.test.ts fails if the gateway stops reading it.
 */
export function useOwnPlanExecution(): void {
  if (typeof apolloExecution.executeQueryPlan !== 'function') throw new Error('@apollo/gateway/dist/executeQueryPlan.js no longer exports executeQueryPlan');
  apolloExecution.executeQueryPlan = executeQueryPlan;
}

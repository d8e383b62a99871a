import type { DocumentNode, GraphQLSchema } from 'graphql';
import { operationFromDocument, type Schema } from '@apollo/federation-internals';
import { QueryPlanner, type SubscriptionNode } from '@apollo/query-planner';
import { buildOperationContext } from '@apollo/gateway';
import { buildSupergraph } from '../supergraph-build.js';
import { graphql } from './graphql-runtime.js';

const { Kind, print } = graphql;

export type OperationContext = ReturnType<typeof buildOperationContext>;

export interface PlannedSubscription {
  /** primary: the fetch on the subgraph that owns the field; rest: what to run for every event. */
  node: SubscriptionNode;
  operationContext: OperationContext;
  /** The client's document, printed, and the supergraph it was planned on: identical documents get one plan and share per-event work. */
  documentKey: string;
}

const PLAN_CACHE_SIZE = 500;
let supergraphsPlanned = 0;

/** The query planner of @apollo/gateway, on the same supergraph, for subscription operations only. */
export class SubscriptionPlanner {
  readonly apiSchema: GraphQLSchema;
  readonly apiSchemaInternal: Schema;
  readonly supergraphSchema: GraphQLSchema;
  readonly subgraphs: readonly { name: string; url: string }[];
  private readonly planner: QueryPlanner;
  private readonly cache = new Map<string, PlannedSubscription>();
  private readonly printed = new WeakMap<DocumentNode, string>();
  /** Tells plans of a reloaded supergraph from those of the one before, which open subscriptions keep using. */
  private readonly generation = ++supergraphsPlanned;

  constructor(supergraphSdl: string) {
    const supergraph = buildSupergraph(supergraphSdl);
    this.apiSchemaInternal = supergraph.apiSchema();
    this.apiSchema = this.apiSchemaInternal.toGraphQLJSSchema();
    this.supergraphSchema = supergraph.schema.toGraphQLJSSchema();
    this.subgraphs = supergraph.subgraphsMetadata();
    this.planner = new QueryPlanner(supergraph);
  }

  /** The document must already be validated against apiSchema. Throws when the planner cannot plan it. */
  plan(document: DocumentNode, operationName?: string): PlannedSubscription {
    let text = this.printed.get(document);
    if (text === undefined) this.printed.set(document, (text = print(document)));
    const documentKey = `${this.generation}\n${operationName ?? ''}\n${text}`;
    const cached = this.cache.get(documentKey);
    if (cached) return cached;
    const operation = operationFromDocument(this.apiSchemaInternal, document, { operationName });
    const plan = this.planner.buildQueryPlan(operation);
    if (plan.node?.kind !== 'Subscription') throw new Error('Only subscription operations are planned here.');
    const planned: PlannedSubscription = {
      node: plan.node,
      operationContext: buildOperationContext({ schema: this.apiSchema, operationDocument: withoutOtherOperations(document, operationName), operationName }),
      documentKey,
    };
    if (this.cache.size >= PLAN_CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(documentKey, planned);
    return planned;
  }
}

/** buildOperationContext wants the one operation (and fragments); a document may carry several operations. */
function withoutOtherOperations(document: DocumentNode, operationName?: string): DocumentNode {
  if (!operationName) return document;
  return {
    ...document,
    definitions: document.definitions.filter((d) => d.kind !== Kind.OPERATION_DEFINITION || d.name?.value === operationName),
  };
}

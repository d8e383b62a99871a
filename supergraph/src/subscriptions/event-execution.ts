import type { ExecutionResult } from 'graphql';
import type { GraphQLDataSource, ServiceMap } from '@apollo/gateway';
import type { FetchNode, PlanNode, QueryPlan } from '@apollo/query-planner';
import type { Schema } from '@apollo/federation-internals';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from '@shop/common';
import type { GatewayContext } from '../context.js';
import { executeQueryPlan } from '../execution/plan-execution.js';
import type { PlannedSubscription } from './planner.js';

/** The pseudo-service that answers the primary fetch with the event the owning subgraph pushed. */
const EVENT_SOURCE = '__subscription_event__';

export interface EventExecutionDeps {
  serviceMap: ServiceMap;
  supergraphSchema: GraphQLSchema;
  apiSchema: Schema;
  logger: Logger;
}

export type EventExecutor = (eventData: Record<string, unknown>) => Promise<ExecutionResult>;

/**
 * Runs the rest of a subscription plan for one event with the gateway's own executeQueryPlan: the plan becomes
 * Sequence[primary, rest] where the primary fetch is answered by the event itself, so entity fetches, flattening,
 * @requires, rewrites and result shaping are the gateway's, not hand-written joins.
 */
export function eventExecutor(planned: PlannedSubscription, variables: Record<string, unknown>, context: GatewayContext, deps: EventExecutionDeps): EventExecutor {
  // Renamed so that a later fetch to the owning subgraph (a second hop back to it) still goes to the real service.
  const primary: FetchNode = { ...planned.node.primary, serviceName: EVENT_SOURCE };
  const node: PlanNode = planned.node.rest ? { kind: 'Sequence', nodes: [primary, planned.node.rest] } : primary;
  const queryPlan: QueryPlan = { kind: 'QueryPlan', node };
  const requestContext = {
    request: { variables, operationName: planned.operationContext.operation.name?.value },
    context,
    logger: deps.logger,
    metrics: {},
  } as unknown as Parameters<typeof executeQueryPlan>[2];

  return async (eventData) => {
    const eventSource: GraphQLDataSource = { process: async () => ({ data: eventData }) };
    const serviceMap: ServiceMap = { ...deps.serviceMap, [EVENT_SOURCE]: eventSource };
    return executeQueryPlan(queryPlan, serviceMap, requestContext, planned.operationContext, deps.supergraphSchema, deps.apiSchema);
  };
}

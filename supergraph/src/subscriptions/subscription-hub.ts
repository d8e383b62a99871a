import type { FormattedExecutionResult, ExecutionResult } from 'graphql';
import type { Logger } from '@shop/common';
import { ClientStream, type DirectSink } from './client-stream.js';
import { eventExecutor, type EventExecutionDeps } from './event-execution.js';
import type { PlannedSubscription } from './planner.js';
import { stableStringify, type Scope } from './scope.js';
import { SelectionGroup } from './selection-group.js';
import type { UpstreamConnections } from './upstream-connections.js';
import { UpstreamSubscription } from './upstream-subscription.js';

export interface SubscriptionStats {
  /** Client subscriptions being served. */
  clients: number;
  /** Distinct (document, variables, scope): each event's entity fetches run once per group. */
  selectionGroups: number;
  /** Subscriptions open on subgraphs. */
  upstreamSubscriptions: number;
  /** Sockets open to subgraphs. */
  upstreamConnections: number;
  /** Events dropped for clients that could not keep up. */
  droppedEvents: number;
}

export interface HubOptions {
  connections: UpstreamConnections;
  /** ws:// URL of a subgraph's graphql-ws endpoint. */
  wsUrlOf: (service: string) => string;
  maxQueuedPerClient: number;
  maxPendingEventsPerGroup: number;
  logger: Logger;
  /** Error masking for results written straight to client sockets. */
  formatResult?: (result: ExecutionResult) => ExecutionResult | FormattedExecutionResult;
}

/** The primary fetch without its generated operation name, so clients naming their operations differently still share. */
const anonymous = (operation: string, operationName?: string) =>
  operationName ? operation.replace(`subscription ${operationName}`, 'subscription') : operation;

/**
 * Where client subscriptions meet: upstream subscription (service, primary fetch, its variables, scope)
 *   -> selection group (document, all variables) -> client stream (bounded queue).
 */
export class SubscriptionHub {
  private readonly upstreams = new Map<string, UpstreamSubscription>();
  private clients = 0;
  private dropped = 0;

  constructor(private readonly options: HubOptions) {}

  /** execution: the supergraph the subscription was planned on (a group keeps it across reloads). */
  subscribe(planned: PlannedSubscription, variables: Record<string, unknown>, scope: Scope, execution: EventExecutionDeps, direct?: DirectSink): ClientStream<ExecutionResult> {
    const { primary } = planned.node;
    const query = anonymous(primary.operation, primary.operationName);
    const upstreamVariables = Object.fromEntries((primary.variableUsages ?? []).filter((v) => v in variables).map((v) => [v, variables[v]]));
    const upstreamKey = [primary.serviceName, scope.key, query, stableStringify(upstreamVariables)].join('\n');

    let upstream = this.upstreams.get(upstreamKey);
    const fresh = !upstream;
    if (!upstream) {
      upstream = new UpstreamSubscription(primary.serviceName, { query, variables: upstreamVariables }, (gone) => {
        if (this.upstreams.get(upstreamKey) === gone) this.upstreams.delete(upstreamKey);
        this.options.connections.release(gone.service, scope);
      });
      this.upstreams.set(upstreamKey, upstream);
    }

    const groupKey = `${planned.documentKey}\n${stableStringify(variables)}`;
    let group = upstream.groups.get(groupKey);
    if (!group) {
      const execute = eventExecutor(planned, variables, { viewer: scope.viewer, authorization: scope.authorization }, execution);
      group = new SelectionGroup(execute, this.options.maxPendingEventsPerGroup, this.options.logger, this.options.formatResult);
      upstream.groups.set(groupKey, group);
    }

    const owner = upstream;
    const joined = group;
    const stream = new ClientStream<ExecutionResult>(
      this.options.maxQueuedPerClient,
      (s) => {
        this.clients--;
        if (joined.remove(s) === 0) owner.removeGroup(groupKey, joined);
      },
      () => this.dropped++,
      direct,
    );
    group.add(stream);
    this.clients++;
    if (fresh) upstream.start(this.options.connections.acquire(primary.serviceName, this.options.wsUrlOf(primary.serviceName), scope));
    return stream;
  }

  stats(): SubscriptionStats {
    let selectionGroups = 0;
    for (const upstream of this.upstreams.values()) selectionGroups += upstream.groups.size;
    return {
      clients: this.clients,
      selectionGroups,
      upstreamSubscriptions: this.upstreams.size,
      upstreamConnections: this.options.connections.openConnections(),
      droppedEvents: this.dropped,
    };
  }
}

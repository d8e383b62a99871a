import type { ApolloServerPlugin } from '@apollo/server';
import type { Registry } from 'prom-client';
import { BoundedLabelValues } from './bounded-label.js';
import { counter, DURATION_BUCKETS, histogram } from './instruments.js';

export const MAX_OPERATION_NAMES = 200;
const MAX_ERROR_CODES = 50;
// Names that fail a parse arrive as whatever string the client sent; only GraphQL names of sane length are labels.
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;

interface Bounds {
  names: BoundedLabelValues;
  codes: BoundedLabelValues;
}
// Per registry, not per plugin: a server restarted on the same registry must not get a fresh budget.
const boundsByRegistry = new WeakMap<Registry, Bounds>();

/**
 * graphql_requests_total, graphql_request_duration_seconds and graphql_errors_total. Uses only request-level hooks,
 * so it counts the gateway (whose executor is the query planner, with no resolver pass) and subgraphs alike.
 */
export function graphqlMetricsPlugin(registry: Registry): ApolloServerPlugin {
  const labelNames = ['operation_name', 'operation_type'] as const;
  const requests = counter(registry, { name: 'graphql_requests_total', help: 'GraphQL requests by operation.', labelNames });
  const duration = histogram(registry, {
    name: 'graphql_request_duration_seconds',
    help: 'Time from receiving a GraphQL request to sending its response.',
    labelNames,
    buckets: DURATION_BUCKETS,
  });
  const errors = counter(registry, { name: 'graphql_errors_total', help: 'GraphQL errors by extensions.code.', labelNames: ['code'] as const });
  let bounds = boundsByRegistry.get(registry);
  if (!bounds) {
    bounds = { names: new BoundedLabelValues(MAX_OPERATION_NAMES), codes: new BoundedLabelValues(MAX_ERROR_CODES) };
    boundsByRegistry.set(registry, bounds);
  }
  const { names, codes } = bounds;
  const nameLabel = (name: string | null | undefined) => (!name ? 'anonymous' : GRAPHQL_NAME.test(name) ? names.value(name) : 'other');

  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operation, operationName, request, response }) {
          // Counted as sent, after formatError: the code the client saw (a limit's own code, a masked bug's INTERNAL_SERVER_ERROR).
          const sent = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          for (const error of sent ?? []) errors.inc({ code: codes.value(errorCode(error)) });
          // No operation means the document did not parse or validate (or named no operation it contains).
          const labels = operation
            ? { operation_name: nameLabel(operationName), operation_type: operation.operation }
            : { operation_name: nameLabel(request.operationName), operation_type: 'unknown' };
          requests.inc(labels);
          duration.observe(labels, (performance.now() - started) / 1000);
        },
      };
    },
  };
}

function errorCode(error: { extensions?: Record<string, unknown> }): string {
  const code = error.extensions?.code;
  return typeof code === 'string' && code ? code : 'INTERNAL_SERVER_ERROR';
}

import type { ApolloServerPlugin } from '@apollo/server';
import { context, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { activeRequestSpan } from './context-values.js';
import { tracingEnabled } from './state.js';

/**
 * Names the request's span after its operation ("query products") and records one span per root field
 * ("Query.products", "Mutation.placeOrder", "Query._entities"), ended when its resolver settles. Without an HTTP
 * request span (executeOperation) it makes an operation span of its own. Gateways have no resolver pass, so there
 * it only names the span. Resolvers are not run inside their root field's span (no plugin hook wraps the call), so
 * their queries and fetches are children of the request span.
 */
export function graphqlTracingPlugin(serviceName: string): ApolloServerPlugin {
  return {
    async requestDidStart() {
      // Returning nothing when off keeps Apollo from installing the per-field hook at all.
      if (!tracingEnabled()) return;
      const tracer = trace.getTracer(serviceName);
      const parent = context.active();
      const requestSpan = activeRequestSpan(parent, trace.getSpan(parent));
      const ownSpan = requestSpan ? undefined : tracer.startSpan('graphql', {}, parent);
      const span: Span = requestSpan ?? ownSpan!;
      const spanContext = trace.setSpan(parent, span);
      return {
        async didResolveOperation({ operation, operationName }) {
          if (!operation) return;
          span.updateName(operationName ? `${operation.operation} ${operationName}` : operation.operation);
          span.setAttribute('graphql.operation.type', operation.operation);
          if (operationName) span.setAttribute('graphql.operation.name', operationName);
        },
        async didEncounterErrors({ errors }) {
          const code = errors[0]?.extensions?.code;
          span.setStatus({ code: SpanStatusCode.ERROR, message: typeof code === 'string' ? code : errors[0]?.message });
        },
        async executionDidStart() {
          return {
            willResolveField({ info }) {
              // Root fields only; every other field returns here, before anything is allocated.
              if (info.path.prev !== undefined) return;
              const field = tracer.startSpan(
                `${info.parentType.name}.${info.fieldName}`,
                { attributes: { 'graphql.field.name': info.fieldName, 'graphql.field.path': String(info.path.key), 'graphql.field.type': String(info.returnType) } },
                spanContext,
              );
              return (error) => {
                if (error) {
                  field.recordException(error);
                  field.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
                }
                field.end();
              };
            },
          };
        },
        async willSendResponse() {
          ownSpan?.end();
        },
      };
    },
  };
}

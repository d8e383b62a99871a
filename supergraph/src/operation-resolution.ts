import type { ApolloServerPlugin } from '@apollo/server';
import { graphql } from './subscriptions/graphql-runtime.js';

// The graphql instance Apollo Server checks errors against (see graphql-runtime.ts).
const { GraphQLError } = graphql;

/**
 * @apollo/gateway's executor throws plain Errors (a 500) for a document with no operation to run (an unknown
 * operationName, or several operations and none named) and for a subscription sent over HTTP. Both are the
 * client's mistake: answered here, after validation and before planning, with 400 and a code.
 */
export const operationResolutionPlugin = (): ApolloServerPlugin => ({
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, request }) {
        if (!operation) {
          const message = request.operationName
            ? `The document has no operation named "${request.operationName}".`
            : 'The document has several operations: name the one to run in operationName.';
          throw new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } });
        }
        if (operation.operation === 'subscription') {
          throw new GraphQLError('Subscriptions are served over WebSocket (graphql-ws) at this same URL, not over HTTP.', {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        }
      },
    };
  },
});

import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode } from 'graphql';
import { graphql } from './graphql-runtime.js';

// Apollo Server checks errors against its own graphql instance.
const { BREAK, GraphQLError, Kind, visit } = graphql;

const NUL = '\u0000';

function variablesHoldNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes(NUL);
  if (Array.isArray(value)) return value.some(variablesHoldNul);
  if (value && typeof value === 'object') return Object.entries(value).some(([key, inner]) => key.includes(NUL) || variablesHoldNul(inner));
  return false;
}

function literalsHoldNul(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.STRING]: (node) => {
      if (!node.value.includes(NUL)) return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}

/**
 * PostgreSQL text cannot hold U+0000, so a NUL anywhere in a request's strings would fail deep in a query (a 500).
 * No name, e-mail or search needs one: the request is refused whole, before any resolver runs. Answered with 200
 * (as resolver errors are) so the gateway passes the code through instead of reporting an upstream HTTP failure.
 */
export const textInputGuardPlugin = <TContext extends object>(): ApolloServerPlugin<TContext> => ({
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        if (variablesHoldNul(request.variables) || literalsHoldNul(document)) {
          throw new GraphQLError('Text may not contain the NUL character (U+0000).', { extensions: { code: 'BAD_USER_INPUT', http: { status: 200 } } });
        }
      },
    };
  },
});

import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Resolver types from a subgraph's schema.graphql, the same way for every subgraph: federation-aware, scalars as the
 * wire carries them, and each GraphQL type mapped to the row or view its resolvers receive.
 */
export function subgraphCodegen(contextType: string, mappers: Record<string, string>): CodegenConfig {
  return {
    schema: 'schema.graphql',
    generates: {
      'src/graphql/__generated__/resolvers-types.ts': {
        plugins: ['typescript', 'typescript-resolvers'],
        config: {
          federation: true,
          useIndexSignature: true,
          contextType: `../context.js#${contextType}`,
          scalars: { DateTime: 'Date | string', Decimal: 'string', ID: 'string' },
          mappers,
          enumsAsTypes: true,
        },
      },
    },
  };
}

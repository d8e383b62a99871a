import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema.graphql',
  generates: {
    'src/graphql/__generated__/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        federation: true,
        useIndexSignature: true,
        contextType: '../context.js#ProductsContext',
        scalars: { DateTime: 'Date | string', Decimal: 'string', ID: 'string' },
        mappers: { Product: '../../db/schema.js#ProductRow', Category: '../../db/schema.js#CategoryRow', User: '../context.js#UserReference' },
        enumsAsTypes: true,
      },
    },
  },
};
export default config;

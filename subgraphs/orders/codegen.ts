import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema.graphql',
  generates: {
    'src/graphql/__generated__/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        federation: true,
        useIndexSignature: true,
        contextType: '../context.js#OrdersContext',
        scalars: { DateTime: 'Date | string', Decimal: 'string', ID: 'string' },
        mappers: {
          Cart: '../../db/schema.js#CartRow',
          CartLine: '../../db/schema.js#CartLineRow',
          Order: '../../db/schema.js#OrderRow',
          OrderLine: '../../db/schema.js#OrderLineRow',
          User: '../references.js#UserReference',
          Product: '../references.js#ProductReference',
        },
        enumsAsTypes: true,
      },
    },
  },
};
export default config;

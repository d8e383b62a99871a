import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema.graphql',
  generates: {
    'src/graphql/__generated__/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        federation: true,
        useIndexSignature: true,
        contextType: '../context.js#PaymentsContext',
        scalars: { DateTime: 'Date | string', Decimal: 'string', ID: 'string' },
        mappers: { Payment: '../../db/schema.js#PaymentRow', Order: '../references.js#OrderReference' },
        enumsAsTypes: true,
      },
    },
  },
};
export default config;

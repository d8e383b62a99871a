import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema.graphql',
  generates: {
    'src/graphql/__generated__/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        federation: true,
        useIndexSignature: true,
        contextType: '../context.js#UsersContext',
        scalars: { DateTime: 'Date | string', ID: 'string' },
        mappers: { User: '../../db/schema.js#UserRow' },
        enumsAsTypes: true,
      },
    },
  },
};
export default config;

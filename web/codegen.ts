import type { CodegenConfig } from '@graphql-codegen/cli';

/** Operation types come from the composed API schema the gateway serves (schema/api.graphql). */
const config: CodegenConfig = {
  schema: '../schema/api.graphql',
  documents: ['src/**/*.ts', 'src/**/*.tsx', '!src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', Decimal: 'string' },
      },
    },
  },
};

export default config;

import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Operation types come from the composed API schema the gateway serves today.
 * src/pending-operations/ is left out on purpose: it holds checkout and subscription
 * documents from the contract that schema/api.graphql does not offer yet.
 */
const config: CodegenConfig = {
  schema: '../schema/api.graphql',
  documents: ['src/**/*.ts', 'src/**/*.tsx', '!src/gql/**', '!src/pending-operations/**'],
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

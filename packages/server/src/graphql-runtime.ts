import { createRequire } from 'node:module';

/**
 * The graphql that @apollo/server, @apollo/subgraph, @apollo/gateway and graphql-ws use. They load graphql's
 * CommonJS build; a bundler-style resolver (vitest) gives an ESM `import 'graphql'` the .mjs build instead, a second
 * graphql whose schemas and errors the first one rejects. Loading it the way they do keeps a single instance.
 */
export const graphql = createRequire(import.meta.url)('graphql') as typeof import('graphql');

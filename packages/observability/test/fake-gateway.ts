import { createRequire } from 'node:module';
import type { ExecutionResult } from 'graphql';

// graphql as @apollo/server loads it (CommonJS through Node): the copy vite would give this file is another realm.
const { buildSchema } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

/**
 * What @apollo/server asks of a gateway: a schema through onSchemaLoadOrUpdate and an executor from load(). Like
 * ApolloGateway, it executes through no schema resolvers, which is what the plugins must cope with.
 */
export function fakeGateway(sdl: string, execute: () => Promise<ExecutionResult>) {
  const apiSchema = buildSchema(sdl);
  let listener: ((schemaContext: { apiSchema: typeof apiSchema; coreSupergraphSdl: string }) => void) | undefined;
  const gateway = {
    async load() {
      listener?.({ apiSchema, coreSupergraphSdl: sdl });
      return { executor: execute };
    },
    onSchemaLoadOrUpdate(callback: NonNullable<typeof listener>) {
      listener = callback;
      return () => {};
    },
    async stop() {},
  };
  // The gateway interface's types come from @apollo/server's own copy of @apollo/server-gateway-interface.
  return gateway as never;
}

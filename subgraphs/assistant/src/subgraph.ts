import { defineSubgraph } from '@shop/kernel';
import { schema } from './db/schema.js';
import { createContext } from './graphql/context.js';
import { resolvers } from './graphql/resolvers.js';

/** The shop assistant: answers questions from the graph, as the asking user. */
export const assistant = defineSubgraph({
  name: 'assistant',
  port: 4010,
  config: {},
  schema: new URL('../schema.graphql', import.meta.url),
  resolvers,
  database: { schema, migrations: new URL('./db/migrations', import.meta.url) },
  services: ({ db }) => ({ db }),
  context: ({ db }, viewer) => createContext({ db }, viewer),
});

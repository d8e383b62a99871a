import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { printSchema as printFederationSchema } from '@apollo/federation-internals';
import { buildSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { gql } from 'graphql-tag';
import { withAccessNotes } from './access-notes.js';
import { defaultSubgraphUrl, SUBGRAPHS } from './services.js';

const root = new URL('../../', import.meta.url);
export const schemaDir = fileURLToPath(new URL('schema/', root));

export interface ComposedSchemas {
  supergraphSdl: string;
  apiSdl: string;
}

/** Composes every subgraphs/<name>/schema.graphql with @apollo/composition; throws with every composition error. */
export function composeSupergraph(): ComposedSchemas {
  // Who may call what, written into the descriptions the Sandbox shows (access-notes.ts).
  const typeDefs = withAccessNotes(SUBGRAPHS.map(({ name }) => gql(readFileSync(fileURLToPath(new URL(`subgraphs/${name}/schema.graphql`, root)), 'utf8'))));
  const services = SUBGRAPHS.map(({ name, port }, i) => ({ name, url: defaultSubgraphUrl(port), typeDefs: typeDefs[i]! }));
  const result = composeServices(services);
  if (result.errors) throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  // Printed and re-parsed: federation's CommonJS graphql objects are not this ESM module's instances.
  const api = buildSchema(printFederationSchema(result.schema.toAPISchema()));
  return { supergraphSdl: result.supergraphSdl, apiSdl: `${printSchema(lexicographicSortSchema(api))}\n` };
}

export const readCheckedInSchemas = (): ComposedSchemas => ({
  supergraphSdl: readFileSync(`${schemaDir}supergraph.graphql`, 'utf8'),
  apiSdl: readFileSync(`${schemaDir}api.graphql`, 'utf8'),
});

if (import.meta.url === `file://${process.argv[1]}`) {
  const composed = composeSupergraph();
  if (process.argv.includes('--check')) {
    const current = readCheckedInSchemas();
    if (current.supergraphSdl !== composed.supergraphSdl || current.apiSdl !== composed.apiSdl) {
      console.error('schema/ is stale: run npm run compose');
      process.exit(1);
    }
    console.log('schema/ is up to date');
  } else {
    mkdirSync(schemaDir, { recursive: true });
    writeFileSync(`${schemaDir}supergraph.graphql`, composed.supergraphSdl);
    writeFileSync(`${schemaDir}api.graphql`, composed.apiSdl);
    console.log(`wrote ${schemaDir}supergraph.graphql and api.graphql`);
  }
}

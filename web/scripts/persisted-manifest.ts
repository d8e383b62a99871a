/**
 * Writes web/persisted-operations.json: every operation the storefront can send, in Apollo's persisted query
 * manifest format, for the gateway's safelist mode (PERSISTED_OPERATIONS=safelist). Never edit that file by hand:
 * `npm run persisted:manifest` (or the storefront's build) writes it, and a gateway test fails when it is stale.
 *
 * The body of each operation is the exact text urql sends: the codegen document (web/src/gql) with __typename added
 * as graphcache adds it, printed by urql. So its SHA-256 is the hash @urql/exchange-persisted sends, and the full text,
 * when sent (prefetch, subscriptions over graphql-ws), hashes to a listed id too.
 *
 *   tsx web/scripts/persisted-manifest.ts           write the manifest
 *   tsx web/scripts/persisted-manifest.ts --check   exit 1 if the checked-in manifest differs from a fresh one
 *   tsx web/scripts/persisted-manifest.ts --stdout  print a fresh manifest
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gqlPluckFromCodeStringSync } from '@graphql-tools/graphql-tag-pluck';
import { Kind, parse, print, type DefinitionNode, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { formatDocument, stringifyDocument } from 'urql';
import * as generated from '../src/gql/graphql.ts';

const webDir = fileURLToPath(new URL('..', import.meta.url));
export const MANIFEST_PATH = join(webDir, 'persisted-operations.json');

export interface ManifestOperation {
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  body: string;
}

export interface PersistedQueryManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: ManifestOperation[];
}

const isOperation = (definition: DefinitionNode): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION;

/** Operations written in the storefront's source (graphql(`...`) calls), outside the generated src/gql. */
function sourceOperations(): Map<string, OperationDefinitionNode> {
  const found = new Map<string, OperationDefinitionNode>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (path !== join(webDir, 'src', 'gql')) walk(path);
      } else if (/\.tsx?$/.test(entry.name)) {
        for (const source of gqlPluckFromCodeStringSync(path, readFileSync(path, 'utf8'))) {
          for (const definition of parse(source.body).definitions.filter(isOperation)) {
            const name = definition.name?.value;
            if (!name) throw new Error(`${relative(webDir, path)}: an anonymous operation cannot be persisted; name it`);
            if (found.has(name)) throw new Error(`${relative(webDir, path)}: two operations are named ${name}`);
            found.set(name, definition);
          }
        }
      }
    }
  };
  walk(join(webDir, 'src'));
  return found;
}

/** The manifest for the storefront as its source stands now; throws when web/src/gql is behind the source. */
export function buildManifest(): PersistedQueryManifest {
  const documents = new Map<string, DocumentNode & { definitions: readonly DefinitionNode[] }>();
  for (const value of Object.values(generated)) {
    const document = value as DocumentNode;
    const operation = document?.kind === Kind.DOCUMENT ? document.definitions.find(isOperation) : undefined;
    if (operation?.name) documents.set(operation.name.value, document);
  }
  const operations: ManifestOperation[] = [];
  for (const [name, written] of sourceOperations()) {
    const document = documents.get(name);
    const compiled = document?.definitions.find(isOperation);
    if (!document || !compiled || print(compiled) !== print(written)) {
      throw new Error(`web/src/gql does not match the operation ${name} in the source: run \`npm run codegen -w @shop/web\` first`);
    }
    const body = stringifyDocument(formatDocument(document));
    operations.push({ id: createHash('sha256').update(body).digest('hex'), name, type: compiled.operation, body });
  }
  operations.sort((a, b) => a.name.localeCompare(b.name));
  return { format: 'apollo-persisted-query-manifest', version: 1, operations };
}

export const serializeManifest = (manifest: PersistedQueryManifest): string => `${JSON.stringify(manifest, null, 2)}\n`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const fresh = serializeManifest(buildManifest());
  if (process.argv.includes('--stdout')) {
    process.stdout.write(fresh);
  } else if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(MANIFEST_PATH, 'utf8');
    } catch {}
    if (current !== fresh) {
      console.error(`${relative(process.cwd(), MANIFEST_PATH)} is stale: run \`npm run persisted:manifest\` and commit it.`);
      process.exit(1);
    }
  } else {
    writeFileSync(MANIFEST_PATH, fresh);
    console.log(`wrote ${relative(process.cwd(), MANIFEST_PATH)} (${JSON.parse(fresh).operations.length} operations)`);
  }
}

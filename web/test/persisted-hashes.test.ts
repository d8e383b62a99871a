import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Kind, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { Client, fetchExchange } from 'urql';
import { shopCacheExchange } from '../src/app/cache';
import { persistedOperations } from '../src/app/client';
import * as generated from '../src/gql/graphql';

const manifest = JSON.parse(readFileSync(new URL('../persisted-operations.json', import.meta.url), 'utf8')) as { operations: { id: string; name: string }[] };
const idOf = new Map(manifest.operations.map((o) => [o.name, o.id]));

/** Every query and mutation the storefront can send, with the operation it holds. */
const documents = Object.values(generated).flatMap((value) => {
  const document = value as DocumentNode;
  const operation = document?.kind === Kind.DOCUMENT ? (document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode | undefined) : undefined;
  return operation && operation.operation !== 'subscription' ? [{ document, operation }] : [];
});

describe('the storefront in safelist mode (VITE_PERSISTED_OPERATIONS=safelist)', () => {
  it('sends every query and mutation as the hash the manifest lists for it, without its text', async () => {
    const sent: { operationName: string; query?: string; hash?: string }[] = [];
    const client = new Client({
      url: 'http://gateway.test/graphql',
      preferGetMethod: false,
      exchanges: [shopCacheExchange(), ...persistedOperations('safelist'), fetchExchange],
      fetch: async (_url, init) => {
        const body = JSON.parse(String(init?.body));
        sent.push({ operationName: body.operationName, query: body.query, hash: body.extensions?.persistedQuery?.sha256Hash });
        return new Response(JSON.stringify({ data: null }), { headers: { 'content-type': 'application/json' } });
      },
    });
    expect(documents.length).toBeGreaterThan(10);
    for (const { document, operation } of documents) {
      const run = operation.operation === 'query' ? client.query(document, {}, { requestPolicy: 'network-only' }) : client.mutation(document, {});
      await run.toPromise();
    }
    expect(sent.map((s) => s.operationName).sort()).toEqual(documents.map((d) => d.operation.name!.value).sort());
    for (const request of sent) {
      expect(request.query, request.operationName).toBeUndefined();
      expect(request.hash, request.operationName).toBe(idOf.get(request.operationName));
    }
  });

  it('sends text as before when persisted operations are off', () => {
    expect(persistedOperations(undefined)).toEqual([]);
    expect(persistedOperations('off')).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from 'graphql-tag';
import { createTokenVerifier, generateKeyPairPem } from '@shop/auth';
import { graphqlRequest } from '@shop/testing';
import { startSubgraphServer, type RunningSubgraphServer } from '../src/subgraph-server.js';

const typeDefs = gql`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { echo(text: String!): String! }
  type Mutation { save(names: [String!]!): Int! }
`;
let saved = 0;
let server: RunningSubgraphServer;

beforeAll(async () => {
  const keys = await generateKeyPairPem();
  server = await startSubgraphServer(
    {
      name: 'guarded',
      typeDefs,
      resolvers: { Query: { echo: (_: unknown, { text }: { text: string }) => text }, Mutation: { save: (_: unknown, { names }: { names: string[] }) => (saved += names.length) } } as never,
      verifier: await createTokenVerifier({ publicKeyPem: keys.publicKeyPem }),
      context: () => ({}),
    },
    0,
  );
});
afterAll(() => server?.stop());

describe('text that PostgreSQL cannot hold', () => {
  it('refuses a NUL in a variable, nested in a list, before any resolver runs', async () => {
    const res = await graphqlRequest(server.url, 'mutation($n: [String!]!) { save(names: $n) }', { n: ['ok', 'bad\u0000name'] });
    expect(res.status).toBe(200);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(saved).toBe(0);
  });

  it('refuses a NUL in a string literal of the document', async () => {
    const res = await graphqlRequest(server.url, '{ echo(text: "a\\u0000b") }');
    expect(res.errors?.[0]).toMatchObject({ message: 'Text may not contain the NUL character (U+0000).', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('serves other text, however odd, unchanged', async () => {
    const text = `' OR 1=1 -- <script>é\u2028😀`;
    const res = await graphqlRequest(server.url, 'query($t: String!) { echo(text: $t) }', { t: text });
    expect(res.data?.echo).toBe(text);
  });
});

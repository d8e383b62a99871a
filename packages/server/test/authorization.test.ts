import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { gql } from 'graphql-tag';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { withServicePrincipal, type Viewer } from '@shop/auth';
import { enforceAccessDirectives, type AccessPolicy } from '../src/authorization.js';

// The graphql copy @apollo/subgraph builds with (CommonJS), as authorization.ts uses it.
const { execute, parse } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

const typeDefs = gql`
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@composeDirective"])
    @link(url: "https://specs.artesanias.dev/access/v0.1", import: ["@authenticated", "@requiresRole", "@ownerOrAdmin"])
    @composeDirective(name: "@authenticated")
    @composeDirective(name: "@requiresRole")
    @composeDirective(name: "@ownerOrAdmin")
  directive @authenticated on OBJECT | FIELD_DEFINITION
  directive @requiresRole(roles: [Role!]!) on OBJECT | FIELD_DEFINITION
  directive @ownerOrAdmin(publicWhen: String) on OBJECT | FIELD_DEFINITION
  enum Role { CUSTOMER SELLER ADMIN }
  type UserError { code: String! message: String! field: [String!] }
  type Note @key(fields: "id") @ownerOrAdmin(publicWhen: "pinned") { id: ID! text: String! secret: String @ownerOrAdmin }
  type NotePayload { note: Note errors: [UserError!]! }
  type Query { note(id: ID!): Note @authenticated notes: [Note!]! }
  type Mutation { pin(id: ID!): NotePayload! @requiresRole(roles: [ADMIN]) wipe: Boolean! @requiresRole(roles: [ADMIN]) }
`;
const notes = [
  { id: 'n1', ownerId: 'u1', text: 'mine', secret: 's1', pinned: false },
  { id: 'n2', ownerId: 'u2', text: 'theirs', secret: 's2', pinned: false },
  { id: 'n3', ownerId: 'u2', text: 'pinned', secret: 's3', pinned: true },
];
const byId = (id: string) => notes.find((n) => n.id === id) ?? null;
const resolvers = {
  Query: { note: (_: unknown, { id }: { id: string }) => byId(id), notes: () => notes },
  Mutation: { pin: (_: unknown, { id }: { id: string }) => ({ note: byId(id), errors: [] }), wipe: () => true },
  Note: { __resolveReference: (ref: { id: string }) => byId(ref.id) },
};
const policy: AccessPolicy = { owners: { Note: (note) => note.ownerId }, publicWhen: { pinned: (note) => note.pinned } };
const schema = enforceAccessDirectives(buildSubgraphSchema({ typeDefs, resolvers: resolvers as never }), policy);

const run = (query: string, viewer: Viewer | null, service = false) =>
  execute({ schema, document: parse(query), contextValue: withServicePrincipal({ viewer }, service ? { service: 'orders' } : null) }) as Promise<{ data?: any; errors?: any[] }>;
const codes = (result: { errors?: any[] }) => (result.errors ?? []).map((e) => e.extensions?.code);
const u1: Viewer = { id: 'u1', roles: ['CUSTOMER'] };
const admin: Viewer = { id: 'a', roles: ['ADMIN'] };

describe('the access directives, enforced in the subgraph', () => {
  it('@authenticated: UNAUTHENTICATED signed out; an object of @ownerOrAdmin type that is not yours is null', async () => {
    expect(codes(await run('{ note(id: "n1") { id } }', null))).toEqual(['UNAUTHENTICATED']);
    expect((await run('{ note(id: "n1") { id text secret } }', u1)).data).toEqual({ note: { id: 'n1', text: 'mine', secret: 's1' } });
    expect((await run('{ note(id: "n2") { id text } }', u1)).data).toEqual({ note: null });
    expect((await run('{ note(id: "n2") { id text } }', admin)).data).toEqual({ note: { id: 'n2', text: 'theirs' } });
  });

  it('publicWhen shows the object to anyone, but not its @ownerOrAdmin fields', async () => {
    expect((await run('{ note(id: "n3") { text secret } }', u1)).data).toEqual({ note: { text: 'pinned', secret: null } });
  });

  it('a non-null list holding an object you may not see is FORBIDDEN, not served', async () => {
    const result = await run('{ notes { id } }', u1);
    expect(codes(result)).toContain('FORBIDDEN');
    expect(result.data).toBeNull();
    expect((await run('{ notes { id } }', null, true)).data.notes).toHaveLength(3);
  });

  it('_entities: not-yours resolves to null; a verified service sees it', async () => {
    const query = '{ _entities(representations: [{ __typename: "Note", id: "n2" }]) { ... on Note { text secret } } }';
    expect((await run(query, null)).data._entities).toEqual([null]);
    expect((await run(query, u1)).data._entities).toEqual([null]);
    expect((await run(query, null, true)).data._entities).toEqual([{ text: 'theirs', secret: 's2' }]);
  });

  it('@requiresRole: UNAUTHENTICATED signed out; FORBIDDEN in the payload for a payload, as an error otherwise', async () => {
    expect(codes(await run('mutation { pin(id: "n1") { note { id } } }', null))).toEqual(['UNAUTHENTICATED']);
    expect((await run('mutation { pin(id: "n1") { note { id } errors { code field } } }', u1)).data).toEqual({ pin: { note: null, errors: [{ code: 'FORBIDDEN', field: null }] } });
    expect(codes(await run('mutation { wipe }', u1))).toEqual(['FORBIDDEN']);
    expect((await run('mutation { wipe }', admin)).data).toEqual({ wipe: true });
    expect(codes(await run('mutation { wipe }', null, true))).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses to start when the policy cannot answer a rule', () => {
    const built = () => buildSubgraphSchema({ typeDefs, resolvers: resolvers as never });
    expect(() => enforceAccessDirectives(built(), {})).toThrow(/Note is @ownerOrAdmin/);
    expect(() => enforceAccessDirectives(built(), { owners: policy.owners })).toThrow(/publicWhen: "pinned"/);
  });
});

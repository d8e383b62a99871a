import { createRequire } from 'node:module';
import { buildSchema, isCompositeType, isListType, isNonNullType, operationFromDocument, type Operation, type SelectionSet, type Type } from '@apollo/federation-internals';
import { parse, type GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '@shop/common';
import { apolloComputeResponse, computeResponse, useCompiledResponseShaping } from '../../src/execution/response-shaping.js';

/**
 * The compiled response shaping must answer exactly as @apollo/gateway's computeResponse: both run on the same
 * operations and merged data, hand-written edge cases and thousands of generated ones (nulls where the schema forbids
 * them, wrong leaf values, unknown and abstract __typenames, lists of lists, fields asked twice, @skip/@include),
 * and the serialized data (key order included), the errors (message, path, code) and any throw must be the same.
 */
const schema = buildSchema(`
  type Query {
    products: [Product!]!
    product(id: ID!): Product
    search: [SearchResult]
    node: Node
    nodes: [Node!]
    grid: [[Int!]]!
    status: Status
    count: Int!
    me: User
    json: JSON
  }
  interface Node { id: ID! }
  type Product implements Node { id: ID! name: String! price: Float status: Status tags: [String!] reviews: [Review!]! related: [Product] }
  type Review implements Node { id: ID! body: String rating: Int! author: User }
  type User implements Node { id: ID! name: String reviews: [Review] flag: Boolean }
  union SearchResult = Product | User
  enum Status { ACTIVE HIDDEN }
  scalar JSON
`);

const OPERATIONS = {
  fragments: `
    fragment P on Product { id name price status tags }
    fragment R on Review { id body rating author { ...U } }
    fragment U on User { id name flag }
    query Q { products { ...P reviews { ...R } related { ...P } } me { ...U reviews { ...R } } count }`,
  abstract: `
    query Q { search { __typename ... on Product { id name } ... on User { id name reviews { rating } } ... on Node { id } }
              node { id __typename kind: __typename ... on Review { body } } nodes { ... on Product { tags } ... on User { flag } } }`,
  twice: `
    query Q { products { id reviews { id } } products { name reviews { body author { name } } } again: products { priceInCents: price } }`,
  conditions: `
    query Q($with: Boolean!, $without: Boolean = false) {
      products { id name @include(if: $with) price @skip(if: $without) ... on Product @include(if: $with) { status } }
      me @skip(if: true) { id }
      count @include(if: false)
      grid
      status
      json
    }`,
  introspection: `query Q { __schema { queryType { name } } products { id } __typename }`,
} as const;

const operationOf = (text: string): Operation => operationFromDocument(schema, parse(text), { validate: false });
const VARIABLES: Record<string, unknown>[] = [{ with: true }, { with: false, without: true }, { with: true, without: false }];

function outcome(shape: typeof computeResponse, operation: Operation, variables: Record<string, unknown>, input: unknown) {
  try {
    const { data, errors } = shape({ operation, variables, input: input as Record<string, unknown>, introspectionHandling: () => ({ queryType: { name: 'Query' } }) });
    return { data: JSON.stringify(data), errors: (errors as GraphQLError[]).map((e) => ({ message: e.message, path: e.path, code: e.extensions.code })) };
  } catch (error) {
    return { threw: (error as Error).message };
  }
}

const expectSame = (operation: Operation, variables: Record<string, unknown>, input: unknown) =>
  expect(outcome(computeResponse, operation, variables, input)).toEqual(outcome(apolloComputeResponse, operation, variables, input));

/** Merged data as subgraphs might have answered: mostly valid, sometimes not (nulls, wrong values, unknown types). */
function generate(operation: Operation, next: () => number): Record<string, unknown> {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const leaf = (type: Type): unknown => {
    const name = String(type);
    if (next() < 0.08) return pick([1.5, 'text', true, 7, 'NOPE', {}, Infinity]);
    switch (name) {
      case 'Int': return Math.floor(next() * 100);
      case 'Float': return next() * 10;
      case 'Boolean': return next() < 0.5;
      case 'Status': return pick(['ACTIVE', 'HIDDEN']);
      case 'JSON': return { any: [1, 'two'] };
      default: return `${name}-${Math.floor(next() * 1000)}`;
    }
  };
  const value = (type: Type, selectionSet: SelectionSet | undefined, existing: unknown): unknown => {
    if (existing === undefined && next() < 0.06) return null;
    if (isNonNullType(type)) return value(type.ofType, selectionSet, existing);
    if (isListType(type)) {
      const list = Array.isArray(existing) ? existing : Array.from({ length: Math.floor(next() * 4) }, () => undefined);
      return list.map((item) => (item === null ? null : value(type.ofType, selectionSet, item)));
    }
    if (isCompositeType(type)) {
      if (existing !== undefined && (typeof existing !== 'object' || existing === null)) return existing;
      const object = (existing as Record<string, unknown> | undefined) ?? {};
      if (existing === undefined) {
        const possible = type.kind === 'ObjectType' ? [type.name] : schema.types().filter((t) => t.kind === 'ObjectType' && isCompositeType(t) && (type.kind === 'UnionType' ? type.hasTypeMember(t.name) : (t as { implementsInterface(n: string): boolean }).implementsInterface(type.name))).map((t) => t.name);
        const roll = next();
        if (roll < 0.85) object.__typename = pick(possible);
        else if (roll < 0.9) object.__typename = 'Nope';
        else if (roll < 0.92) object.__typename = 'Status';
      }
      fill(object, selectionSet!);
      return object;
    }
    return existing === undefined ? leaf(type) : existing;
  };
  const fill = (object: Record<string, unknown>, selectionSet: SelectionSet) => {
    for (const selection of selectionSet.selections()) {
      if (selection.kind === 'FragmentSelection') {
        fill(object, selection.selectionSet);
        continue;
      }
      const field = selection.element;
      if (field.name === '__typename' || field.definition.isSchemaIntrospectionField()) continue;
      const name = field.responseName();
      if (next() < 0.03) continue; // absent altogether
      object[name] = value(field.definition.type!, selection.selectionSet, object[name]);
    }
  };
  const data: Record<string, unknown> = {};
  fill(data, operation.selectionSet);
  return data;
}

describe('compiled response shaping', () => {
  it('answers the hand-written cases as Apollo does', () => {
    const fragments = operationOf(OPERATIONS.fragments);
    const product = { __typename: 'Product', id: 'p1', name: 'Mug', price: 12.5, status: 'ACTIVE', tags: ['a'], reviews: [], related: [null], extra: 'dropped' };
    expectSame(fragments, {}, null);
    expectSame(fragments, {}, { products: [product], me: null, count: 3 });
    // A non-null name missing: the product bubbles to the non-null list item, then the list, then data.
    expectSame(fragments, {}, { products: [{ ...product, name: null }], me: null, count: 3 });
    expectSame(fragments, {}, { products: [{ ...product, status: 'GONE', price: 'free' }], me: null, count: 1.5 });
    expectSame(fragments, {}, { products: [{ ...product, __typename: 'Unknown' }], count: 1 });
    // What Apollo refuses with an exception (a list that is not one) must be refused the same way.
    expectSame(fragments, {}, { products: { not: 'a list' }, count: 1 });

    const abstract = operationOf(OPERATIONS.abstract);
    expectSame(abstract, {}, { search: [{ __typename: 'User', id: 'u', name: 'Ana', reviews: [{ rating: 5 }] }, { __typename: 'Product', id: 'p', name: 'Mug' }, null], node: { __typename: 'Review', id: 'r', body: 'ok' }, nodes: [] });
    expectSame(abstract, {}, { search: [{ id: 'x' }], node: { id: 'r' }, nodes: [{ __typename: 'Status' }] });

    const twice = operationOf(OPERATIONS.twice);
    expectSame(twice, {}, { products: [{ id: '1', name: 'A', reviews: [{ id: 'r', body: 'b', author: { name: 'n' } }] }], again: [{ priceInCents: 3 }] });

    const conditions = operationOf(OPERATIONS.conditions);
    for (const variables of VARIABLES) expectSame(conditions, variables, { products: [product], grid: [[1, 2], null, [3]], status: 'HIDDEN', json: { deep: [1] }, count: 2 });
    expectSame(conditions, { with: 'yes' }, { products: [product], grid: [] });

    expectSame(operationOf(OPERATIONS.introspection), {}, { products: [{ id: '1' }] });
  });

  it('answers 6,000 generated cases as Apollo does', () => {
    let errors = 0;
    for (const [name, text] of Object.entries(OPERATIONS)) {
      const operation = operationOf(text);
      const next = mulberry32(name.length * 7919);
      for (let i = 0; i < 1200; i++) {
        const input = generate(operation, next);
        const variables = VARIABLES[i % VARIABLES.length]!;
        const ours = outcome(computeResponse, operation, variables, input);
        expect(ours, `${name} case ${i}: ${JSON.stringify(input)}`).toEqual(outcome(apolloComputeResponse, operation, variables, input));
        errors += 'errors' in ours && ours.errors!.length > 0 ? 1 : 0;
      }
    }
    // The generator is meant to exercise the error paths too, not only valid data.
    expect(errors).toBeGreaterThan(1000);
  });

  it('is what @apollo/gateway executes with once installed', () => {
    const module = createRequire(import.meta.url)('@apollo/gateway/dist/resultShaping.js') as { computeResponse: unknown };
    useCompiledResponseShaping();
    expect(module.computeResponse).toBe(computeResponse);
    // And executeQueryPlan reads it from that module at each call (what the install relies on).
    const executor = createRequire(import.meta.url)('@apollo/gateway/dist/executeQueryPlan.js') as { executeQueryPlan: { toString(): string } };
    expect(executor.executeQueryPlan.toString()).toContain('resultShaping_1.computeResponse)(');
  });
});


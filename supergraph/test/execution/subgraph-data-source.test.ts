import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { describe, expect, it } from 'vitest';
import { SubgraphDataSource } from '../../src/execution/subgraph-data-source.js';
import type { SubgraphRequestInit, SubgraphResponse } from '../../src/subgraph-fetcher.js';

interface Sent {
  headers: Record<string, string>;
  body: { query: string; variables: Record<string, unknown> };
}

/** A subgraph that answers every aliased _entities field with a name per representation, and records each request. */
function fakeSubgraph(answer?: (body: Sent['body']) => unknown) {
  const sent: Sent[] = [];
  const send = async (_url: string, init: SubgraphRequestInit): Promise<SubgraphResponse> => {
    const body = JSON.parse(init.body!) as Sent['body'];
    sent.push({ headers: init.headers!, body });
    const data: Record<string, unknown> = {};
    for (const [, alias, variable] of body.query.matchAll(/(\w+): _entities\(representations: \$(\w+)\)/g)) {
      data[alias!] = (body.variables[variable!] as { upc: string }[]).map(({ upc }) => ({ name: `product ${upc}` }));
    }
    if (!body.query.includes(': _entities')) data._entities = (body.variables.representations as { upc: string }[]).map(({ upc }) => ({ name: `product ${upc}` }));
    const text = JSON.stringify(answer ? answer(body) : { data });
    return { ok: true, status: 200, statusText: 'OK', url: _url, headers: { get: () => 'application/json' }, json: async () => JSON.parse(text), text: async () => text };
  };
  return { sent, send };
}

const ENTITIES = 'query Q__products__1($representations:[_Any!]!){_entities(representations:$representations){...on Product{name}}}';
const viewerHeaders = (context: { authorization?: string }): Record<string, string> => (context.authorization ? { authorization: context.authorization } : {});
const product = (upc: string) => ({ __typename: 'Product', upc });
const fetchOf = (context: object, representations: unknown[], query = ENTITIES) =>
  ({ request: { query, variables: { representations } }, context, incomingRequestContext: {} }) as unknown as GraphQLDataSourceProcessOptions<Record<string, unknown>>;

describe('the fetches of one gateway request to one subgraph in the same tick', () => {
  it('go as one HTTP request, and each fetch gets its own answer', async () => {
    const { sent, send } = fakeSubgraph();
    const source = new SubgraphDataSource<{ authorization?: string }>('http://products', send, viewerHeaders);
    const viewer = { authorization: 'Bearer a' };
    const [first, second] = await Promise.all([source.process(fetchOf(viewer, [product('1'), product('1')])), source.process(fetchOf(viewer, [product('2')]))]);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.headers.authorization).toBe('Bearer a');
    expect(first.data).toEqual({ _entities: [{ name: 'product 1' }, { name: 'product 1' }] });
    expect(second.data).toEqual({ _entities: [{ name: 'product 2' }] });
    // Representations are still sent once each inside the merged request.
    expect(Object.values(sent[0]!.body.variables)).toEqual([[product('1')], [product('2')]]);
  });

  it('never share a request with another gateway request (another viewer), nor with a later tick; a fetch alone is sent as written', async () => {
    const { sent, send } = fakeSubgraph();
    const source = new SubgraphDataSource<{ authorization?: string }>('http://products', send, viewerHeaders);
    await Promise.all([source.process(fetchOf({ authorization: 'Bearer a' }, [product('1')])), source.process(fetchOf({ authorization: 'Bearer b' }, [product('1')]))]);
    expect(sent.map((s) => s.headers.authorization)).toEqual(['Bearer a', 'Bearer b']);
    const viewer = {};
    await source.process(fetchOf(viewer, [product('1')]));
    await source.process(fetchOf(viewer, [product('2')]));
    expect(sent).toHaveLength(4);
    expect(sent[3]!.body.query).toBe(ENTITIES);
  });

  it('hands each fetch the errors at its own fields, with the path it asked for', async () => {
    const { sent, send } = fakeSubgraph((body) => {
      const [a, b] = Object.keys(body.variables);
      const [aliasA, aliasB] = [...body.query.matchAll(/(\w+): _entities/g)].map((m) => m[1]);
      expect([a, b, aliasA, aliasB].every(Boolean)).toBe(true);
      return {
        data: { [aliasA!]: [{ name: 'product 1' }], [aliasB!]: [null] },
        errors: [{ message: 'gone', path: [aliasB, 0, 'name'], extensions: { code: 'NOT_FOUND' } }],
      };
    });
    const source = new SubgraphDataSource<object>('http://products', send, () => ({}));
    const viewer = {};
    const [first, second] = await Promise.all([source.process(fetchOf(viewer, [product('1')])), source.process(fetchOf(viewer, [product('9')]))]);
    expect(sent).toHaveLength(1);
    expect(first).toEqual({ data: { _entities: [{ name: 'product 1' }] } });
    expect(second.data).toEqual({ _entities: [null] });
    expect(second.errors).toEqual([{ message: 'gone', path: ['_entities', 0, 'name'], extensions: { code: 'NOT_FOUND' } }]);
  });

  it('sends mutations one request each, in order', async () => {
    const { sent, send } = fakeSubgraph(() => ({ data: { touch: true } }));
    const source = new SubgraphDataSource<object>('http://products', send, () => ({}));
    const viewer = {};
    const mutation = 'mutation M__products__0{touch}';
    await Promise.all([source.process(fetchOf(viewer, [], mutation)), source.process(fetchOf(viewer, [], mutation))]);
    expect(sent.map((s) => s.body.query)).toEqual([mutation, mutation]);
  });
});

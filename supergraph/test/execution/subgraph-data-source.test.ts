import { describe, expect, it } from 'vitest';
import { SubgraphDataSource } from '../../src/execution/subgraph-data-source.js';
import type { SubgraphRequestInit, SubgraphResponse } from '../../src/subgraph-fetcher.js';

const IN_STOCK = 'query($representations:[_Any!]!){_entities(representations:$representations){...on Product{inStock}}}';
const product = (upc: string) => ({ __typename: 'Product', upc });

/** The subgraph as the data source's `send` sees it: records each request's body, answers with `answer`. */
function subgraph(answer: (body: { query: string; variables: Record<string, unknown[]> }) => { status?: number; json: unknown }) {
  const bodies: { query: string; variables: Record<string, unknown[]> }[] = [];
  const send = async (url: string, init: SubgraphRequestInit): Promise<SubgraphResponse> => {
    const body = JSON.parse(init.body!);
    bodies.push(body);
    const { status = 200, json } = answer(body);
    const text = JSON.stringify(json);
    return { ok: status < 300, status, statusText: '', url, headers: { get: () => 'application/json' }, json: async () => JSON.parse(text), text: async () => text };
  };
  return { bodies, source: new SubgraphDataSource<object>('http://inventory/graphql', send, () => ({})) };
}

const entityFetch = (context: object, representations: unknown[]) =>
  ({ request: { query: IN_STOCK, variables: { representations } }, context, kind: 'incoming operation' }) as never;
const inStockAnswer = (body: { variables: Record<string, unknown[]> }) => ({
  json: { data: { _entities: body.variables.representations!.map((r) => ({ inStock: (r as { upc: string }).upc !== '2' })) } },
});

describe('SubgraphDataSource', () => {
  it('sends the entity fetches of one execution made in the same turn as one request, and each its own answer', async () => {
    const { bodies, source } = subgraph(inStockAnswer);
    const execution = {};
    const [first, second] = await Promise.all([source.process(entityFetch(execution, [product('1'), product('2')])), source.process(entityFetch(execution, [product('2'), product('3')]))]);
    expect(bodies.map((b) => b.variables.representations)).toEqual([[product('1'), product('2'), product('3')]]);
    expect(first.data).toEqual({ _entities: [{ inStock: true }, { inStock: false }] });
    expect(second.data).toEqual({ _entities: [{ inStock: false }, { inStock: true }] });
  });

  it('never joins fetches of different executions (viewers), nor of different turns', async () => {
    const { bodies, source } = subgraph(inStockAnswer);
    await Promise.all([source.process(entityFetch({}, [product('1')])), source.process(entityFetch({}, [product('1')]))]);
    const execution = {};
    await source.process(entityFetch(execution, [product('1')]));
    await source.process(entityFetch(execution, [product('1')]));
    expect(bodies).toHaveLength(4);
  });

  it('fails every fetch of a request the subgraph refused, with its status', async () => {
    const { source } = subgraph(() => ({ status: 503, json: { message: 'down' } }));
    const execution = {};
    const results = await Promise.allSettled([source.process(entityFetch(execution, [product('1')])), source.process(entityFetch(execution, [product('2')]))]);
    expect(results.map((r) => r.status === 'rejected' && (r.reason as Error).message)).toEqual(['503: ', '503: ']);
  });
});

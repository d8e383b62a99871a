import { parse, print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { batchRequests, type EntityFetch } from '../../src/execution/entity-batches.js';

const product = (upc: string) => ({ __typename: 'Product', upc });
const fetchOf = (query: string, representations: unknown[], others: Record<string, unknown> = {}): EntityFetch => ({
  query,
  operationName: /^query (\w+)/.exec(query)?.[1],
  variables: { ...others, representations },
});
const IN_STOCK = 'query Q__inventory__1($representations:[_Any!]!){_entities(representations:$representations){...on Product{inStock}}}';
const NAMES = 'query Q__products__2($representations:[_Any!]!){_entities(representations:$representations){...on Product{...P}}}\n\nfragment P on Product{name}';
const entitiesOf = (answer: { data?: Record<string, unknown> | null }) => answer.data!._entities as Record<string, unknown>[];

describe('entity fetches of one step sent as one request', () => {
  it('concatenates fetches of the same operation, sends each representation once and gives every position its own copy', () => {
    const [request, ...others] = batchRequests([fetchOf(IN_STOCK, [product('1'), product('2'), product('1')]), fetchOf(IN_STOCK, [product('2'), product('3')])]);
    expect(others).toEqual([]);
    expect(request!.query).toBe(IN_STOCK);
    expect(request!.operationName).toBe('Q__inventory__1');
    expect(request!.variables).toEqual({ representations: [product('1'), product('2'), product('3')] });
    expect(request!.fetches).toEqual([0, 1]);
    const [first, second] = request!.answer({ data: { _entities: [{ inStock: true, w: [1] }, { inStock: false, w: [2] }, { inStock: true, w: [3] }] } });
    expect(entitiesOf(first!).map((e) => e.w)).toEqual([[1], [2], [1]]);
    expect(entitiesOf(second!).map((e) => e.w)).toEqual([[2], [3]]);
    // The executor merges later fetches into each position in place: no two positions may share an object.
    expect(entitiesOf(first!)[2]).not.toBe(entitiesOf(first!)[0]);
    expect((entitiesOf(first!)[2]!.w as unknown[])).not.toBe(entitiesOf(first!)[0]!.w);
    expect(entitiesOf(second!)[0]).not.toBe(entitiesOf(first!)[1]);
  });

  it('sends representations that differ in any value, its type or a nested field apart, and identical ones once', () => {
    const distinct = [
      { __typename: 'Product', upc: '1' },
      { __typename: 'Product', upc: 1 },
      { __typename: 'Product', upc: true },
      { __typename: 'Product', upc: null },
      { __typename: 'Product', upc: '1\u0002__typename\u0001s7:Product' },
      { __typename: 'Product', upc: '1', sku: '' },
      { __typename: 'Product', dimensions: { size: 1 } },
      { __typename: 'Product', dimensions: { size: 2 } },
      { __typename: 'Product', dimensions: { size: '1' } },
    ];
    const [request] = batchRequests([fetchOf(IN_STOCK, [...distinct, ...distinct.map((r) => JSON.parse(JSON.stringify(r)))])]);
    expect(request!.variables.representations).toEqual(distinct);
  });

  it('merges different operations as aliased _entities fields of one valid operation, with their fragments once', () => {
    const [request, ...others] = batchRequests([fetchOf(IN_STOCK, [product('1')]), fetchOf(NAMES, [product('1'), product('2')]), fetchOf(IN_STOCK, [product('2')])]);
    expect(others).toEqual([]);
    expect(print(parse(request!.query))).toBe(
      print(parse('query Q__inventory__1($r0:[_Any!]!,$r1:[_Any!]!){_0:_entities(representations:$r0){...on Product{inStock}} _1:_entities(representations:$r1){...on Product{...P}}} fragment P on Product{name}')),
    );
    expect(request!.operationName).toBe('Q__inventory__1');
    expect(request!.variables).toEqual({ r0: [product('1'), product('2')], r1: [product('1'), product('2')] });
    expect(request!.fetches).toEqual([0, 2, 1]);
    const answers = request!.answer({
      data: { _0: [{ inStock: true }, { inStock: false }], _1: [{ name: 'One' }, null] },
      errors: [
        { message: 'no name', path: ['_1', 1, 'name'] },
        { message: 'slow stock', path: ['_0', 0, 'inStock'] },
        { message: 'everything' },
      ],
    });
    // In the order of request.fetches: IN_STOCK #0, IN_STOCK #2, NAMES #1.
    expect(answers.map(entitiesOf)).toEqual([[{ inStock: true }], [{ inStock: false }], [{ name: 'One' }, null]]);
    expect(answers.map((a) => a.errors)).toEqual([
      [{ message: 'slow stock', path: ['_entities', 0, 'inStock'] }, { message: 'everything' }],
      [{ message: 'everything' }],
      [{ message: 'no name', path: ['_entities', 1, 'name'] }, { message: 'everything' }],
    ]);
  });

  it('sends on their own the fetches it cannot merge: variables of their own, another shape, a clashing fragment', () => {
    const withFirst = 'query Q__reviews__3($representations:[_Any!]!,$first:Int){_entities(representations:$representations){...on User{reviews(first:$first){id}}}}';
    const clashing = 'query Q__products__4($representations:[_Any!]!){_entities(representations:$representations){...on Product{...P}}}\n\nfragment P on Product{price}';
    const requests = batchRequests([
      fetchOf(IN_STOCK, [product('1')]),
      fetchOf(withFirst, [product('1')], { first: 2 }),
      fetchOf(withFirst, [product('1')], { first: 3 }),
      fetchOf(NAMES, [product('1')]),
      fetchOf(clashing, [product('1')]),
      fetchOf(withFirst, [product('2')], { first: 2 }),
    ]);
    expect(requests.map((r) => [r.query === withFirst || r.query === clashing ? r.query : 'merged', r.variables, r.fetches])).toEqual([
      ['merged', { r0: [product('1')], r1: [product('1')] }, [0, 3]],
      [withFirst, { first: 2, representations: [product('1'), product('2')] }, [1, 5]],
      [withFirst, { first: 3, representations: [product('1')] }, [2]],
      [clashing, { representations: [product('1')] }, [4]],
    ]);
  });

  it('answers an error at a representation sent once at every position that asked for it', () => {
    const [request] = batchRequests([fetchOf(IN_STOCK, [product('1'), product('2')]), fetchOf(IN_STOCK, [product('2')])]);
    const answers = request!.answer({ data: { _entities: [{ inStock: true }, null] }, errors: [{ message: 'gone', path: ['_entities', 1] }, { message: 'odd', path: ['_entities', 7] }] });
    expect(answers.map((a) => a.errors)).toEqual([
      [{ message: 'gone', path: ['_entities', 1] }, { message: 'odd', path: ['_entities', 7] }],
      [{ message: 'gone', path: ['_entities', 0] }, { message: 'odd', path: ['_entities', 7] }],
    ]);
    expect(answers.map(entitiesOf)).toEqual([[{ inStock: true }, null], [null]]);
  });

  it('leaves an answer the executor would refuse (null data, the wrong number of entities) for it to report, per fetch', () => {
    const [request] = batchRequests([fetchOf(IN_STOCK, [product('1')]), fetchOf(IN_STOCK, [product('2')])]);
    const wrong = [{ inStock: true }];
    expect(request!.answer({ data: { _entities: wrong } }).map(entitiesOf)).toEqual([wrong, wrong]);
    expect(request!.answer({ data: null, errors: [{ message: 'down' }] })).toEqual([
      { data: null, errors: [{ message: 'down' }] },
      { data: null, errors: [{ message: 'down' }] },
    ]);
  });
});

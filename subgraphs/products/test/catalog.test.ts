import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { demo } from '@shop/demo-store';
import { encodeCursor } from '@shop/common';
import { products } from '../src/db/schema.js';
import { PAGE, rowsOf, startHarness, walkAllPages, type Harness } from './harness.js';

let h: Harness;
const [wayuu, raquira] = demo.sellers;
const mochilas = demo.categories.find((c) => c.slug === 'mochilas')!;
const TWIN_AT = new Date(Date.UTC(2026, 0, 15, 11, 55, 0)); // the same instant as a demo product
const draftId = randomUUID();
const archivedId = randomUUID();

beforeAll(async () => {
  h = await startHarness('products_catalog');
  // Ties on every sort key, so only the id tie-breaker decides their order.
  await h.db.insert(products).values(
    Array.from({ length: 6 }, (_, i) => ({
      sku: `TWIN-${i}`,
      name: 'Mochila Gemela',
      description: 'Dos mochilas iguales, tejidas a mano.',
      priceMinor: 18_000_000n,
      categoryId: mochilas.id,
      sellerId: wayuu.id,
      createdAt: TWIN_AT,
    })),
  );
  await h.db.insert(products).values([
    { id: draftId, sku: 'WAY-DRAFT', name: 'Mochila Borrador', description: 'Aún no publicada.', priceMinor: 100n, categoryId: mochilas.id, sellerId: wayuu.id, status: 'DRAFT' },
    { id: archivedId, sku: 'WAY-OLD', name: 'Mochila Archivada', description: 'Ya no se vende.', priceMinor: 100n, categoryId: mochilas.id, sellerId: wayuu.id, status: 'ARCHIVED' },
  ]);
});
afterAll(() => h?.stop());

const idsBySql = async (query: ReturnType<typeof sql>) => rowsOf<{ id: string }>(await h.db.execute(query)).map((r) => r.id);
const ACTIVE_COUNT = demo.products.length + 6;

describe('full-text search', () => {
  it('finds a word that is only in descriptions, and ranks the product that also has it in its name first', async () => {
    const res = await h.gql(PAGE, { first: 20, filter: { search: 'Nobsa' }, sort: 'RELEVANCE' });
    const { edges, totalCount } = res.data.products;
    expect(totalCount).toBe(10);
    expect(edges[0].node.name).toBe('Ruana de Lana Nobsa');
    for (const { node } of edges) expect(`${node.name} ${node.description}`).toContain('Nobsa');
    expect(edges.filter((e: any) => e.node.name.includes('Nobsa'))).toHaveLength(1);
  });

  it('matches Spanish word forms: "hamacas tejidas" finds every Hamaca', async () => {
    const res = await h.gql(PAGE, { first: 50, filter: { search: 'hamacas tejidas' } });
    expect(res.data.products.totalCount).toBe(10);
    expect(res.data.products.edges.every((e: any) => e.node.name.startsWith('Hamaca'))).toBe(true);
  });

  it('ranks by ts_rank, best first', async () => {
    const res = await h.gql(PAGE, { first: 100, filter: { search: 'filigrana plata' }, sort: 'RELEVANCE' });
    const ids = res.data.products.edges.map((e: any) => e.node.id);
    const ranked = await idsBySql(sql`select id, ts_rank(search, websearch_to_tsquery('spanish', 'filigrana plata')) as r from products
      where status = 'ACTIVE' and search @@ websearch_to_tsquery('spanish', 'filigrana plata') order by r desc, id desc`);
    expect(ids.length).toBeGreaterThan(5);
    expect(ids).toEqual(ranked);
    // Products named "Filigrana" (weight A) come before those that only mention it in the description.
    const firstDescriptionOnly = res.data.products.edges.findIndex((e: any) => !/filigrana/i.test(e.node.name));
    expect(res.data.products.edges.slice(firstDescriptionOnly).every((e: any) => !/filigrana/i.test(e.node.name))).toBe(true);
  });

  it.each([
    "'; DROP TABLE products; --",
    'mochila" OR 1=1 --',
    '!!! ((( ||| &&& :* <-> \\',
    '"unclosed quote',
    '%_%',
    '   ',
    'ñandú 😀 «»',
  ])('treats the search %j as plain words: an answer, never an error or a change', async (search) => {
    const res = await h.gql(PAGE, { first: 5, filter: { search }, sort: 'RELEVANCE' });
    expect(res.errors).toBeUndefined();
    expect(res.data.products.totalCount).toBeGreaterThanOrEqual(0);
    const [row] = rowsOf<{ count: number }>(await h.db.execute(sql`select count(*)::int as count from products`));
    expect(row?.count).toBe(ACTIVE_COUNT + 2);
  });

  it('a blank search lists everything, as if there were none', async () => {
    const res = await h.gql(PAGE, { first: 1, filter: { search: '  ' } });
    expect(res.data.products.totalCount).toBe(ACTIVE_COUNT);
  });
});

describe('sorting and cursor pagination', () => {
  const orders: [string, Record<string, unknown>, ReturnType<typeof sql>][] = [
    ['NEWEST', { sort: 'NEWEST' }, sql`select id from products where status = 'ACTIVE' order by created_at desc, id desc`],
    ['PRICE_ASC', { sort: 'PRICE_ASC' }, sql`select id from products where status = 'ACTIVE' order by price_minor asc, id asc`],
    ['PRICE_DESC', { sort: 'PRICE_DESC' }, sql`select id from products where status = 'ACTIVE' order by price_minor desc, id desc`],
    ['NAME', { sort: 'NAME' }, sql`select id from products where status = 'ACTIVE' order by name asc, id asc`],
    [
      'RELEVANCE',
      { sort: 'RELEVANCE', filter: { search: 'mochila wayuu' } },
      sql`select id from products where status = 'ACTIVE' and search @@ websearch_to_tsquery('spanish', 'mochila wayuu')
        order by ts_rank(search, websearch_to_tsquery('spanish', 'mochila wayuu')) desc, id desc`,
    ],
    ['RELEVANCE without a search (falls back to NEWEST)', { sort: 'RELEVANCE' }, sql`select id from products where status = 'ACTIVE' order by created_at desc, id desc`],
  ];

  it.each(orders)('%s: walking every page of 7 gives the unpaginated order, no duplicates, no gaps', async (_name, variables, expectedSql) => {
    const expected = await idsBySql(expectedSql);
    const walked = await walkAllPages(h, { ...variables, first: 7 });
    expect(walked.ids).toEqual(expected);
    expect(new Set(walked.ids).size).toBe(walked.ids.length);
    expect(walked.totals).toEqual([expected.length]);
    expect(walked.pages).toBe(Math.ceil(expected.length / 7));
  });

  it('orders by the sort key itself: newest dates descend, prices ascend and descend, names ascend', async () => {
    const all = async (sort: string) => (await h.gql(PAGE, { first: 100, sort })).data.products.edges.map((e: any) => e.node);
    const minor = (n: any) => BigInt(n.price.amount.replace('.', ''));
    const newest = await all('NEWEST');
    for (let i = 1; i < newest.length; i++) expect(Date.parse(newest[i - 1].createdAt)).toBeGreaterThanOrEqual(Date.parse(newest[i].createdAt));
    const cheap = await all('PRICE_ASC');
    for (let i = 1; i < cheap.length; i++) expect(minor(cheap[i - 1]) <= minor(cheap[i])).toBe(true);
    const dear = await all('PRICE_DESC');
    for (let i = 1; i < dear.length; i++) expect(minor(dear[i - 1]) >= minor(dear[i])).toBe(true);
    expect(newest[0].name).toBe(demo.products[0]!.name);
  });

  it('keeps tied rows apart by id: six identical twins page one at a time without repeats', async () => {
    const walked = await walkAllPages(h, { first: 1, sort: 'PRICE_ASC', filter: { minPrice: '180000', maxPrice: '180000.00', search: 'gemela' } });
    expect(walked.ids).toHaveLength(6);
    expect([...walked.ids].sort()).toEqual(walked.ids);
  });

  it('first: 0 returns no edges but the total and whether there is more', async () => {
    const res = await h.gql(PAGE, { first: 0 });
    expect(res.data.products).toMatchObject({ edges: [], totalCount: ACTIVE_COUNT, pageInfo: { hasNextPage: true, endCursor: null } });
  });
});

describe('filters', () => {
  it('combine with AND: search, category, seller and a price range', async () => {
    const filter = { search: 'mochila', categoryId: mochilas.id, sellerId: wayuu.id, minPrice: '180000', maxPrice: '200000.00' };
    const walked = await walkAllPages(h, { first: 3, filter });
    const expected = await idsBySql(sql`select id from products where status = 'ACTIVE' and search @@ websearch_to_tsquery('spanish', 'mochila')
      and category_id = ${mochilas.id} and seller_id = ${wayuu.id} and price_minor between 18000000 and 20000000 order by created_at desc, id desc`);
    expect(expected.length).toBeGreaterThan(3);
    expect(expected.length).toBeLessThan(16);
    expect(walked.ids).toEqual(expected);
    expect(walked.totals).toEqual([expected.length]);
  });

  it('each filter narrows the count on its own', async () => {
    const count = async (filter: object) => (await h.gql(PAGE, { first: 0, filter })).data.products.totalCount;
    expect(await count({ categoryId: mochilas.id })).toBe(16);
    expect(await count({ sellerId: raquira.id })).toBe(20);
    expect(await count({ minPrice: '1000000' })).toBe(0);
    expect(await count({ maxPrice: '50000' })).toBe(demo.products.filter((p) => p.priceMinor <= 5_000_000n).length);
    expect(await count({ minPrice: '300000', maxPrice: '100000' })).toBe(0);
  });
});

describe('who sees what', () => {
  const ownList = { first: 100, filter: { sellerId: wayuu.id } };
  const idsOf = (res: any) => res.data.products.edges.map((e: any) => e.node.id);

  it('anonymous callers and customers see only ACTIVE products', async () => {
    const customer = await h.token(demo.customer.id, 'CUSTOMER');
    for (const token of [undefined, customer]) {
      const ids = idsOf(await h.gql(PAGE, ownList, token));
      expect(ids).not.toContain(draftId);
      expect(ids).not.toContain(archivedId);
    }
  });

  it("a seller sees their own drafts and archived products when listing their own, and nobody else's", async () => {
    const own = await h.token(wayuu.id, 'SELLER');
    const ownIds = idsOf(await h.gql(PAGE, ownList, own));
    expect(ownIds).toEqual(expect.arrayContaining([draftId, archivedId]));
    expect(idsOf(await h.gql(PAGE, { first: 100 }, own))).not.toContain(draftId);
    const other = await h.token(raquira.id, 'SELLER');
    expect(idsOf(await h.gql(PAGE, ownList, other))).not.toContain(draftId);
  });

  it('admins see every status', async () => {
    const admin = await h.token(demo.admin.id, 'ADMIN');
    const res = await h.gql(PAGE, { first: 0 }, admin);
    expect(res.data.products.totalCount).toBe(ACTIVE_COUNT + 2);
  });

  it('product(id) shows a draft only to its seller and admins', async () => {
    const q = `query($id: ID!) { product(id: $id) { id status } }`;
    expect((await h.gql(q, { id: draftId })).data.product).toBeNull();
    expect((await h.gql(q, { id: draftId }, await h.token(raquira.id, 'SELLER'))).data.product).toBeNull();
    expect((await h.gql(q, { id: draftId }, await h.token(wayuu.id, 'SELLER'))).data.product).toEqual({ id: draftId, status: 'DRAFT' });
    expect((await h.gql(q, { id: draftId }, await h.token(demo.admin.id, 'ADMIN'))).data.product).toEqual({ id: draftId, status: 'DRAFT' });
    expect((await h.gql(q, { id: demo.products[3]!.id })).data.product.status).toBe('ACTIVE');
    expect((await h.gql(q, { id: randomUUID() })).data.product).toBeNull();
  });

  it('entity references resolve an archived product for anyone (orders must show it)', async () => {
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id status seller { id } } } }`;
    const res = await h.gql(q, { r: [{ __typename: 'Product', id: archivedId }, { __typename: 'Product', id: 'not-a-uuid' }] });
    expect(res.data._entities).toEqual([{ id: archivedId, status: 'ARCHIVED', seller: { id: wayuu.id } }, null]);
  });

  it('User.products lists what the user sells, newest first, with drafts only for the user themself', async () => {
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id products(first: 50) { totalCount edges { node { id createdAt } } } } } }`;
    const r = [{ __typename: 'User', id: raquira.id }, { __typename: 'User', id: wayuu.id }];
    const anon = await h.gql(q, { r });
    expect(anon.data._entities[0].products.totalCount).toBe(20);
    const raquiraIds = anon.data._entities[0].products.edges.map((e: any) => e.node.id);
    expect(raquiraIds).toEqual(await idsBySql(sql`select id from products where seller_id = ${raquira.id} order by created_at desc, id desc`));
    expect(anon.data._entities[1].products.edges.map((e: any) => e.node.id)).not.toContain(draftId);
    const asSeller = await h.gql(q, { r }, await h.token(wayuu.id, 'SELLER'));
    expect(asSeller.data._entities[1].products.edges.map((e: any) => e.node.id)).toContain(draftId);
  });
});

describe('bad arguments are BAD_USER_INPUT, never a 500', () => {
  const newestCursor = encodeCursor(['NEWEST', '2026-01-15T11:59:00.000Z', demo.products[1]!.id]);
  it.each([
    ['first above 100', { first: 101 }, ['first']],
    ['negative first', { first: -1 }, ['first']],
    ['a malformed categoryId', { filter: { categoryId: 'mochilas' } }, ['filter', 'categoryId']],
    ['a malformed sellerId', { filter: { sellerId: "1' OR '1'='1" } }, ['filter', 'sellerId']],
    ['a negative minPrice', { filter: { minPrice: '-5' } }, ['filter', 'minPrice']],
    ['a non-numeric maxPrice', { filter: { maxPrice: 'cheap' } }, ['filter', 'maxPrice']],
    ['a 23-digit minPrice', { filter: { minPrice: '12345678901234567890123' } }, ['filter', 'minPrice']],
    ['an oversize search', { filter: { search: 'x'.repeat(201) } }, ['filter', 'search']],
    ['a garbage cursor', { after: 'not-a-cursor' }, ['after']],
    ['a cursor from another sort', { after: newestCursor, sort: 'PRICE_ASC' }, ['after']],
    ['a cursor with a forged key', { after: encodeCursor(['PRICE_ASC', '1e999', demo.products[1]!.id]), sort: 'PRICE_ASC' }, ['after']],
    ['a cursor with a forged date', { after: encodeCursor(['NEWEST', '2026-02-30T00:00:00.000Z', demo.products[1]!.id]) }, ['after']],
    ['a cursor with a malformed id', { after: encodeCursor(['NAME', 'Mochila', 'x']), sort: 'NAME' }, ['after']],
    ['a cursor with an oversize rank', { after: encodeCursor(['RELEVANCE', 1e308, demo.products[1]!.id]), sort: 'RELEVANCE', filter: { search: 'x' } }, null],
  ])('%s', async (_name, variables, field) => {
    const res = await h.gql(PAGE, { first: 5, ...variables });
    if (field === null) {
      // An absurd but well-formed rank is simply past every row.
      expect(res.errors).toBeUndefined();
      return;
    }
    expect(res.status).toBe(200);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(JSON.stringify(res)).not.toMatch(/stack|\.ts:\d/);
  });

  it('explains a 23-digit price filter in its own words, not a validation library\'s', async () => {
    const res = await h.gql(PAGE, { first: 5, filter: { maxPrice: '12345678901234567890123' } });
    expect(res.errors?.[0]?.message).toMatch(/^Must be a non-negative decimal with at most 15 digits before the point/);
  });

  it.each([[2 ** 31], [-(2 ** 31) - 1], [1.5]])('first = %s, beyond GraphQL Int, is BAD_USER_INPUT', async (first) => {
    const res = await h.gql(PAGE, { first });
    expect(res.status).toBeLessThan(500);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it.each([[-1], [101], [2 ** 31 - 1]])("a seller's products(first: %s) through _entities is BAD_USER_INPUT at first", async (first) => {
    const res = await h.gql(`query($r: [_Any!]!, $first: Int) { _entities(representations: $r) { ... on User { products(first: $first) { totalCount } } } }`, { r: [{ __typename: 'User', id: wayuu.id }], first });
    expect(res.status).toBe(200);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['first'] });
  });

  it('a valid cursor is accepted back for its own sort', async () => {
    const res = await h.gql(PAGE, { first: 2, after: newestCursor });
    expect(res.data.products.edges[0].node.id).toBe(demo.products[2]!.id);
  });

  it('product(id) with a malformed id is BAD_USER_INPUT', async () => {
    const res = await h.gql(`{ product(id: "42") { id } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('categories lists every demo category', async () => {
    const res = await h.gql(`{ categories { id name slug } }`);
    expect(res.data.categories).toHaveLength(demo.categories.length);
    expect(res.data.categories.map((c: any) => c.slug).sort()).toEqual(demo.categories.map((c) => c.slug).sort());
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { demo } from '@shop/demo-store';
import { catalogArgs, catalogPageQuery } from '../src/domain/catalog.js';
import { rowsOf, startHarness, type Harness } from './harness.js';

let h: Harness;
const queries: string[] = [];
/** The statements requests run: the outbox relay polls on its own clock and is no request's. */
const requestQueries = () => queries.filter((q) => !/"outbox"/i.test(q));
const BULK_ROWS = 20_000;

beforeAll(async () => {
  h = await startHarness('products_plans', { onQuery: (q) => queries.push(q) });
  // A catalog large enough that the planner prefers indexes on its own merits, with fresh statistics.
  await h.db.execute(sql`insert into products (sku, name, description, price_minor, seller_id, category_id, created_at)
    select 'BULK-' || n, 'Artículo ' || md5(n::text), 'Pieza de inventario número ' || n, (n * 7919) % 100000000, md5((n % 50)::text)::uuid, null, timestamptz '2025-01-01' + n * interval '1 minute'
    from generate_series(1, ${BULK_ROWS}::int) as n`);
  // VACUUM also moves the GIN index's pending list into the index proper, as autovacuum would.
  await h.db.execute(sql`vacuum analyze products`);
});
afterAll(() => h?.stop());

/** The plan PostgreSQL picks for the exact catalog page query. */
async function planOf(args: unknown): Promise<string> {
  const { page } = catalogPageQuery(h.db, null, catalogArgs.parse(args));
  const rows = rowsOf<{ 'QUERY PLAN': string }>(await h.db.execute(sql`explain ${page.getSQL()}`));
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

async function cursorAfterFirstRow(sort: string, filter?: object): Promise<string> {
  const res = await h.gql(`query($s: ProductSort, $f: ProductFilter) { products(first: 1, sort: $s, filter: $f) { pageInfo { endCursor } } }`, { s: sort, f: filter });
  return res.data.products.pageInfo.endCursor;
}

describe('query plans', () => {
  it('full-text search uses the GIN index on the search document', async () => {
    const plan = await planOf({ first: 20, filter: { search: 'mochila wayuu' }, sort: 'RELEVANCE' });
    expect(plan).toMatch(/Bitmap Index Scan on products_search_idx/);
    expect(plan).not.toMatch(/Seq Scan/);
  });

  it.each([
    ['NEWEST', 'products_newest_idx'],
    ['PRICE_ASC', 'products_price_idx'],
    ['PRICE_DESC', 'products_price_idx'],
    ['NAME', 'products_name_idx'],
  ])('%s reads %s in order, with no sort step, on the first page and after a cursor', async (sort, index) => {
    for (const after of [undefined, await cursorAfterFirstRow(sort)]) {
      const plan = await planOf({ first: 20, sort, after });
      expect(plan).toMatch(new RegExp(`Index Scan (Backward )?using ${index}`));
      expect(plan).not.toMatch(/\bSort\b/);
      // The keyset is an index condition, so a deep page does not scan the rows before it.
      if (after) expect(plan).toMatch(/Index Cond: \(ROW\(/);
    }
  });

  it('a filter on a seller with few products uses the seller index', async () => {
    const plan = await planOf({ first: 20, filter: { sellerId: demo.sellers[0].id } });
    expect(plan).toMatch(/products_seller_idx/);
  });

  it('a category filter uses an index on category_id or reads the newest index in order', async () => {
    const plan = await planOf({ first: 20, filter: { categoryId: demo.categories[0]!.id } });
    expect(plan).toMatch(/products_category_idx|products_newest_idx/);
    expect(plan).not.toMatch(/Seq Scan/);
  });
});

describe('entity batching', () => {
  const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id name price { amount } category { slug } seller { id } } } }`;

  it('resolves 50 Product references with exactly one products query and one categories query', async () => {
    const r = demo.products.slice(0, 50).map((p) => ({ __typename: 'Product', id: p.id }));
    queries.length = 0;
    const res = await h.gql(ENTITIES, { r });
    expect(res.data._entities.map((p: { id: string }) => p.id)).toEqual(r.map((x) => x.id));
    expect(res.data._entities.every((p: any) => p.category?.slug)).toBe(true);
    expect(requestQueries().filter((q) => /from "products"/i.test(q))).toHaveLength(1);
    expect(requestQueries().filter((q) => /from "categories"/i.test(q))).toHaveLength(1);
    expect(requestQueries()).toHaveLength(2);
  });

  it('answers null for unknown and malformed references, in their places, still with one query', async () => {
    queries.length = 0;
    const r = [demo.products[0]!.id, '00000000-0000-4000-8000-000000000000', 'garbage', demo.products[1]!.id].map((id) => ({ __typename: 'Product', id }));
    const res = await h.gql(ENTITIES, { r });
    expect(res.data._entities.map((p: any) => p?.id ?? null)).toEqual([demo.products[0]!.id, null, null, demo.products[1]!.id]);
    expect(queries.filter((q) => /from "products"/i.test(q))).toHaveLength(1);
  });

  it('User.products for 20 sellers costs one page query and one count query, and matches each seller\'s own listing', async () => {
    const bulkSellers = Array.from({ length: 17 }, () => randomUUID());
    for (const [i, sellerId] of bulkSellers.entries()) {
      await h.db.execute(sql`insert into products (sku, name, description, price_minor, seller_id, created_at)
        select 'SELLER-' || ${i} || '-' || n, 'Pieza ' || n, 'De otro taller', 1000 * n, ${sellerId}::uuid, timestamptz '2026-03-01' + n * interval '1 hour' from generate_series(1, ${i % 5}::int) as n`);
    }
    const sellerIds = [...demo.sellers.map((s) => s.id), ...bulkSellers];
    const r = sellerIds.map((id) => ({ __typename: 'User', id }));
    queries.length = 0;
    const res = await h.gql(`query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id products(first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } } } }`, { r });
    expect(res.errors).toBeUndefined();
    expect(queries.filter((q) => /from "products"/i.test(q))).toHaveLength(2);
    for (const [i, sellerId] of sellerIds.entries()) {
      const alone = await h.gql(`query($s: ID) { products(first: 3, filter: { sellerId: $s }) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }`, { s: sellerId });
      expect(res.data._entities[i].products).toEqual(alone.data.products);
    }
  });
});

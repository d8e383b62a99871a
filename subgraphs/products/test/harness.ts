import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { createTokenIssuer, generateKeyPairPem, type Role } from '@shop/auth';
import { openDatabase } from '@shop/db';
import { InProcessEventBus } from '@shop/events';
import { startSubgraph } from '@shop/kernel';
import { createTestDatabase, graphqlRequest, type GraphQLResponse } from '@shop/testing';
import type { RunningServer } from '@shop/server';
import { schema } from '../src/db/schema.js';
import { products } from '../src/subgraph.js';

const migrationsFolder = fileURLToPath(products.database.migrations);

/** A seeded products subgraph on its own PostgreSQL database and event bus, a direct connection to that database, and tokens for any viewer. */
export async function startHarness(prefix: string, options: { onQuery?: (sql: string) => void; config?: Record<string, string> } = {}) {
  // Image files (DATA_DIR/media) go to a folder of this test's own.
  const dataDir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const database = await createTestDatabase(inject('databaseUrl'), prefix);
  const keys = await generateKeyPairPem();
  const issuer = await createTokenIssuer(keys.privateKeyPem, keys.publicKeyPem);
  const bus = new InProcessEventBus(20);
  const server: RunningServer = await startSubgraph(products, {
    bus,
    config: { PORT: 0, HOST: '127.0.0.1', DATABASE_URL: database.url, JWT_PUBLIC_KEY: keys.publicKeyPem, SEED_DEMO: 'true', DATA_DIR: dataDir, ...options.config },
    onQuery: options.onQuery,
  });
  const direct = await openDatabase({ url: database.url, schema, migrationsFolder, maxConnections: 2 });
  return {
    server,
    bus,
    dataDir,
    db: direct.db,
    token: (id: string, ...roles: Role[]) => issuer.issue({ id, roles }),
    gql: <T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>> =>
      graphqlRequest<T>(server.url, query, variables, token),
    async stop() {
      await server.stop();
      await bus.close();
      await direct.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
export type Harness = Awaited<ReturnType<typeof startHarness>>;

export const PAGE = `query($first: Int, $after: String, $filter: ProductFilter, $sort: ProductSort) {
  products(first: $first, after: $after, filter: $filter, sort: $sort) {
    totalCount
    edges { cursor node { id sku name description status price { amount currency } category { id } seller { id } createdAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** Follows endCursor until the last page; returns every node id in order and the totalCount each page reported. */
export async function walkAllPages(h: Harness, variables: Record<string, unknown>, token?: string) {
  const ids: string[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  for (let pages = 0; pages < 1000; pages++) {
    const res: GraphQLResponse = await h.gql(PAGE, { ...variables, after }, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    const conn: { totalCount: number; edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } = res.data.products;
    totals.add(conn.totalCount);
    ids.push(...conn.edges.map((e) => e.node.id));
    if (!conn.pageInfo.hasNextPage) return { ids, totals: [...totals], pages: pages + 1 };
    after = conn.pageInfo.endCursor;
  }
  throw new Error('pagination did not end');
}

/** Rows of db.execute on either driver. */
export const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

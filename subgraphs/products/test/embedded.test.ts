import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTokenIssuer, generateKeyPairPem } from '@shop/auth';
import { demo } from '@shop/demo-store';
import { startSubgraph } from '@shop/kernel';
import { graphqlRequest } from '@shop/testing';
import { products } from '../src/subgraph.js';
import { PAGE } from './harness.js';

const dataDir = mkdtempSync(join(tmpdir(), 'products-pglite-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('embedded PGlite (the npm start default)', () => {
  it('migrates, seeds, searches, pages, writes, and keeps its data without reseeding after a restart', { timeout: 90_000 }, async () => {
    const keys = await generateKeyPairPem();
    const issuer = await createTokenIssuer(keys.privateKeyPem, keys.publicKeyPem);
    const start = () => startSubgraph(products, { config: { PORT: 0, HOST: '127.0.0.1', DATA_DIR: dataDir, JWT_PUBLIC_KEY: keys.publicKeyPem, SEED_DEMO: 'true' } });

    const first = await start();
    try {
      const search = await graphqlRequest(first.url, PAGE, { first: 10, filter: { search: 'hamacas' }, sort: 'RELEVANCE' });
      expect(search.data.products.totalCount).toBe(10);
      const page1 = await graphqlRequest(first.url, PAGE, { first: 2, sort: 'RELEVANCE', filter: { search: 'hamacas' } });
      const page2 = await graphqlRequest(first.url, PAGE, { first: 2, sort: 'RELEVANCE', filter: { search: 'hamacas' }, after: page1.data.products.pageInfo.endCursor });
      expect(page2.data.products.edges.map((e: any) => e.node.id)).toEqual(search.data.products.edges.slice(2, 4).map((e: any) => e.node.id));
      const seller = await issuer.issue({ id: demo.sellers[1].id, roles: ['SELLER'] });
      const created = await graphqlRequest(first.url, `mutation { createProduct(input: { sku: "PGL-1", name: "Plato Embebido", description: "", price: "10.00" }) { product { id } errors { code } } }`, {}, seller);
      const id = created.data.createProduct.product.id;
      const updated = await graphqlRequest(first.url, `mutation($id: ID!) { updateProduct(id: $id, input: { price: "12.50" }) { product { price { amount } } errors { code } } }`, { id }, seller);
      expect(updated.data.updateProduct).toEqual({ product: { price: { amount: '12.50' } }, errors: [] });
    } finally {
      await first.stop();
    }

    const second = await start();
    try {
      const all = await graphqlRequest(second.url, PAGE, { first: 1 });
      expect(all.data.products.totalCount).toBe(demo.products.length + 1);
    } finally {
      await second.stop();
    }
  });
});

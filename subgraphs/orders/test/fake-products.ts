import { gql } from 'graphql-tag';
import { createTokenVerifier } from '@shop/auth';
import { demo } from '@shop/demo-store';
import { formatMinor } from '@shop/common';
import { startSubgraphServer, type RunningServer } from '@shop/server';
import type { CatalogProduct } from '../src/product-catalog.js';

/**
 * A stand-in for the products subgraph while it is being written: a real HTTP subgraph that answers
 * the same `_entities` on Product { id status price { amount currency } }, from a map tests can change.
 */
export interface FakeProducts extends RunningServer {
  products: Map<string, CatalogProduct>;
  /** Every product id asked for, to prove which calls reached it. */
  lookups: string[];
}

const typeDefs = gql`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])
  enum ProductStatus { DRAFT ACTIVE ARCHIVED }
  type Money @shareable { amount: String! currency: String! }
  type Product @key(fields: "id") { id: ID! status: ProductStatus! price: Money! }
  type Query { _unused: Boolean }
`;

export async function startFakeProducts(publicKeyPem: string): Promise<FakeProducts> {
  const products = new Map<string, CatalogProduct>(
    demo.products.map((p) => [p.id, { id: p.id, status: 'ACTIVE', price: { amount: formatMinor(p.priceMinor), currency: p.currency } }]),
  );
  const lookups: string[] = [];
  const server = await startSubgraphServer(
    {
      name: 'fake-products',
      typeDefs,
      resolvers: {
        Product: {
          __resolveReference: (ref: { id: string }) => {
            lookups.push(ref.id);
            return products.get(ref.id) ?? null;
          },
        },
      },
      verifier: await createTokenVerifier({ publicKeyPem }),
      context: () => ({}),
    },
    0,
  );
  return { ...server, products, lookups };
}

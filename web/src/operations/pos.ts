import { graphql } from '../gql';

/** The shops the viewer may sell from (a seller's own; every one for an admin). */
export const MyStoresQuery = graphql(`
  query MyStores {
    myStores { id name region kind seller { id name } }
  }
`);

/** A product as a ticket line shows it, with its units per warehouse (the store's own are the ones sold). */
export const PosProductFragment = graphql(`
  fragment PosProduct on Product {
    id
    sku
    name
    status
    price { amount currency }
    stock { available warehouses { warehouse { id } available } }
  }
`);

/** The store seller's first 50 products by name, for scanning a SKU without a round trip per scan (50: the operation stays within a quarter of the gateway's cost limit; others by search). */
export const PosCatalogQuery = graphql(`
  query PosCatalog($sellerId: ID!) {
    products(first: 50, filter: { sellerId: $sellerId }, sort: NAME) {
      edges { node { ...PosProduct } }
    }
  }
`);

/** The catalog search, within the store seller's products. */
export const PosSearchQuery = graphql(`
  query PosSearch($sellerId: ID!, $search: String!) {
    products(first: 10, filter: { sellerId: $sellerId, search: $search }, sort: RELEVANCE) {
      edges { node { ...PosProduct } }
    }
  }
`);

/** The ticket's products' stock, live: the same fields as PosProduct's stock, so the lines follow each sale. */
export const PosStockChangedSubscription = graphql(`
  subscription PosStockChanged($productIds: [ID!]) {
    stockChanged(productIds: $productIds) { id stock { available warehouses { warehouse { id } available } } }
  }
`);

export const RecordStoreSaleMutation = graphql(`
  mutation RecordStoreSale($input: StoreSaleInput!) {
    recordStoreSale(input: $input) {
      sale {
        id
        receiptNumber
        createdAt
        total { amount currency }
        warehouse { id name }
        lines { quantity unitPrice { amount currency } total { amount currency } product { id name } }
      }
      errors { code message field }
    }
  }
`);

/** One ticket line's product, from the cache when the scan or the search brought it (product(id) resolves by id). */
export const PosProductQuery = graphql(`
  query PosProduct($id: ID!) {
    product(id: $id) { ...PosProduct }
  }
`);

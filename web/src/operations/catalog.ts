import { graphql } from '../gql';

export { catalogVariables, catalogView } from './catalog-view';

export const CategoriesQuery = graphql(`
  query Categories {
    categories { id name slug }
  }
`);

export const CatalogQuery = graphql(`
  query Catalog($first: Int!, $after: String, $filter: ProductFilter, $sort: ProductSort) {
    products(first: $first, after: $after, filter: $filter, sort: $sort) {
      totalCount
      edges { cursor node { ...ProductCard } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

/** The product page's data in one request (no waterfall): product, category, seller and stock. */
export const ProductQuery = graphql(`
  query Product($id: ID!) {
    product(id: $id) {
      ...ProductDetail
      ...LiveStock
    }
  }
`);

export { startOrdersSubgraph, typeDefs, type OrdersSubgraphOptions } from './subgraph.js';
export { RemoteProductCatalog, type ProductCatalog, type CatalogProduct } from './product-catalog.js';

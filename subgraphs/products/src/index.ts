export { startProductsSubgraph, typeDefs, type ProductsSubgraphOptions } from './subgraph.js';

export { startPaymentsSubgraph, typeDefs, type PaymentsSubgraphOptions } from './subgraph.js';

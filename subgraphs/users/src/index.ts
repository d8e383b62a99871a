export { startUsersSubgraph, typeDefs } from './subgraph.js';

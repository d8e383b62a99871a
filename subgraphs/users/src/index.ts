export { users } from './subgraph.js';

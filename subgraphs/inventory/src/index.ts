export { inventory } from './subgraph.js';

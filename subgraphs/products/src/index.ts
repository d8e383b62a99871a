export { products } from './subgraph.js';

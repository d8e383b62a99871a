export { orders } from './subgraph.js';

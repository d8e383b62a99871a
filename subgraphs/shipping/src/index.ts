export { shipping } from './subgraph.js';

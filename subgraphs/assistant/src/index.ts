export { assistant } from './subgraph.js';

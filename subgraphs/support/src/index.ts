export { support } from './subgraph.js';

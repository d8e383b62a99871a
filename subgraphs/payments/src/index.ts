export { payments } from './subgraph.js';

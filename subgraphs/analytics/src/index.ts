export { analytics } from './subgraph.js';

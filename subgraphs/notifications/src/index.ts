export { notifications } from './subgraph.js';

export { purchasing } from './subgraph.js';

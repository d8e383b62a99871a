export { assignment } from './worker.js';

export * from './config.js';
export * from './define-subgraph.js';
export * from './start-subgraph.js';
export * from './run-standalone.js';
export { applyEvent, consumersByType, type Outcome } from './consumers.js';
export * from './dead-letters-contract.js';
export * from './dead-letters-command.js';

export * from './http.js';
export * from './errors.js';
export * from './subgraph-server.js';
export * from './entity-client.js';
export * from './config.js';

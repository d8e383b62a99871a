export * from './http.js';
export * from './errors.js';
export * from './subgraph-server.js';
export * from './entity-client.js';
export * from './config.js';
export * from './ws-auth.js';
export * from './ws-errors.js';
export * from './subgraph-subscriptions.js';

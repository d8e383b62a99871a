export * from './postgres-server.js';
export * from './databases.js';
export * from './graphql-client.js';
export * from './rabbitmq-server.js';
export * from './processes.js';
export * from './npm-start.js';
export * from './scratch.js';
export * from './metrics-scrape.js';

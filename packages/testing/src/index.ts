export * from './postgres-server.js';
export * from './databases.js';
export * from './graphql-client.js';

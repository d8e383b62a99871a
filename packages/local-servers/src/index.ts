export * from './free-port.js';
export * from './postgres-server.js';
export * from './rabbitmq-server.js';
export * from './databases.js';

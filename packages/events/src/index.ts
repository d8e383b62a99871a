export * from './event.js';
export * from './bus.js';
export * from './in-process-bus.js';
export * from './tables.js';
export * from './outbox.js';
export * from './inbox.js';

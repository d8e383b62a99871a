export * from './money.js';
export * from './errors.js';
export * from './validation.js';
export * from './cursor.js';
export * from './logger.js';
export * from './config.js';
export * from './backoff.js';
export * from './scheduler.js';

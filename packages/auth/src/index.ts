export * from './keys.js';
export * from './tokens.js';
export * from './guards.js';
export * from './service-tokens.js';
export * from './access.js';

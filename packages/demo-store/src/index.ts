export * from './ids.js';
export * as demo from './catalog.js';

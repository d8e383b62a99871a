// The throwaway servers live with the distributed run, which uses them too; tests reach them through here.
export * from '@shop/local-servers';
export * from './graphql-client.js';
export * from './processes.js';
export * from './npm-start.js';
export * from './scratch.js';
export * from './metrics-scrape.js';
export * from './interned-names.js';

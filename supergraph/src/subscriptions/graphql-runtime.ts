// One graphql instance everywhere (see @shop/server's graphql-runtime.ts).
export { graphql } from '@shop/server';

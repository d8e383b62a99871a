import { subgraphCodegen } from '@shop/tsconfig/subgraph-codegen';

export default subgraphCodegen('ProductsContext', { Product: '../../db/schema.js#ProductRow', Category: '../../db/schema.js#CategoryRow', User: '../context.js#UserReference' });

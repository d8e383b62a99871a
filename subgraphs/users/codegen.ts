import { subgraphCodegen } from '@shop/tsconfig/subgraph-codegen';

export default subgraphCodegen('UsersContext', { User: '../../db/schema.js#UserRow' });

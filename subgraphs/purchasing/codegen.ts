import { subgraphCodegen } from '@shop/tsconfig/subgraph-codegen';

export default subgraphCodegen('PurchasingContext', {});

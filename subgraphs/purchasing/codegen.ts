import { subgraphCodegen } from '@shop/tsconfig/subgraph-codegen';

export default subgraphCodegen('PurchasingContext', {
  Supplier: '../../db/schema.js#SupplierRow',
  ReorderRequest: '../../db/schema.js#ReorderRow',
  Product: '../parents.js#ProductParent',
  Warehouse: '../parents.js#WarehouseParent',
  User: '../parents.js#UserParent',
});

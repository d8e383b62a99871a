import { subgraphCodegen } from '@shop/tsconfig/subgraph-codegen';

export default subgraphCodegen('OrdersContext', {
  Cart: '../../db/schema.js#CartRow',
  CartLine: '../../db/schema.js#CartLineRow',
  Order: '../../db/schema.js#OrderRow',
  OrderLine: '../../db/schema.js#OrderLineRow',
  OrderStatusChange: '../../db/schema.js#OrderStatusHistoryRow',
  User: '../references.js#UserReference',
  Product: '../references.js#ProductReference',
});

import { subgraphCodegen } from '@shop/tsconfig/subgraph-codegen';

export default subgraphCodegen('InventoryContext', {
  Warehouse: '../../db/schema.js#WarehouseRow',
  Stock: '../../domain/stock.js#ProductStock',
  WarehouseStock: '../../domain/stock.js#WarehouseStockLevel',
  StockMovement: '../../domain/movements.js#StockMovementView',
  Product: '../parents.js#ProductParent',
  StoreSale: '../../domain/store-sale.js#StoreSaleView',
});

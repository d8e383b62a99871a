import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema.graphql',
  generates: {
    'src/graphql/__generated__/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        federation: true,
        useIndexSignature: true,
        contextType: '../context.js#InventoryContext',
        scalars: { DateTime: 'Date | string', ID: 'string' },
        mappers: {
          Warehouse: '../../db/schema.js#WarehouseRow',
          Stock: '../../domain/stock.js#ProductStock',
          WarehouseStock: '../../domain/stock.js#WarehouseStockLevel',
          StockMovement: '../../domain/movements.js#StockMovementView',
          Product: '../parents.js#ProductParent',
        },
        enumsAsTypes: true,
      },
    },
  },
};
export default config;

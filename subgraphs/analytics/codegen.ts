import { subgraphCodegen } from '@shop/tsconfig/subgraph-codegen';

export default subgraphCodegen('AnalyticsContext', {
  SalesReport: '../../domain/sales-report.js#ReportRange',
  SalesPoint: '../../domain/sales-report.js#SalesFigures',
  ProductSales: '../../domain/sales-report.js#ProductSalesRow',
  CategorySales: '../../domain/sales-report.js#CategorySalesRow',
  InventoryHealth: '../../domain/inventory-health.js#InventoryHealthRow',
});

import { graphql } from '../gql';

/**
 * The seller's and the admin's dashboards (the analytics subgraph). The API scopes every figure by the viewer: a
 * seller's salesReport, inventoryHealth and demandForecast cover their own products only, an admin's every product.
 * List sizes are literals so the gateway counts a known cost.
 */

/** A period of sales (a series point or a report's totals). */
export const SalesFiguresFragment = graphql(`
  fragment SalesFigures on SalesPoint {
    period
    units
    orders
    revenue { amount currency }
    averageBasket { amount currency }
  }
`);

/** Sales over time in one granularity: its own query, so switching day/week/month reloads only the chart. */
export const SalesSeriesQuery = graphql(`
  query SalesSeries($from: DateTime!, $to: DateTime!, $granularity: Granularity!) {
    salesReport(from: $from, to: $to) {
      from
      to
      series(granularity: $granularity) { ...SalesFigures }
    }
  }
`);

/** A seller's totals and best sellers over a range; profit is null for a product without a cost price. */
export const SellerSalesSummaryQuery = graphql(`
  query SellerSalesSummary($from: DateTime!, $to: DateTime!) {
    salesReport(from: $from, to: $to) {
      from
      to
      totals { ...SalesFigures }
      topProducts(first: 10) {
        product { id name }
        units
        revenue { amount currency }
        profit { amount currency }
      }
    }
  }
`);

/** The admin's totals, best products (with their seller) and categories, and the customer rates. */
export const AdminSalesSummaryQuery = graphql(`
  query AdminSalesSummary($from: DateTime!, $to: DateTime!) {
    salesReport(from: $from, to: $to) {
      from
      to
      totals { ...SalesFigures }
      topProducts(first: 10) {
        product { id name seller { id name } }
        units
        revenue { amount currency }
        profit { amount currency }
      }
      topCategories(first: 10) {
        category { id name }
        units
        revenue { amount currency }
      }
      repeatCustomerRate
      conversionRate
    }
  }
`);

/** Stock against demand, least cover first: the seller's products, or every product for an admin. */
export const InventoryHealthQuery = graphql(`
  query InventoryHealth {
    inventoryHealth(first: 50) {
      product { id name seller { id name } }
      available
      daysOfCover
      turnover
      deadStock
    }
  }
`);

/** The seller's own products, by name, for the forecast's picker (drafts and archived included). */
export const SellerForecastProductsQuery = graphql(`
  query SellerForecastProducts($sellerId: ID!) {
    products(first: 100, filter: { sellerId: $sellerId }, sort: NAME) {
      edges { node { id name } }
    }
  }
`);

/** How well a model did on the held-out days. */
export const ForecastAccuracyFieldsFragment = graphql(`
  fragment ForecastAccuracyFields on ForecastAccuracy {
    model
    mape
    smape
    baselineSmape
    window
  }
`);

/** A product's expected demand for the next 30 days, with its uncertainty, stock-out and reorder per warehouse. */
export const DemandForecastQuery = graphql(`
  query DemandForecast($productId: ID!) {
    demandForecast(productId: $productId, days: 30) {
      product { id name }
      days
      points { date expected lower upper }
      accuracy { ...ForecastAccuracyFields }
      models { ...ForecastAccuracyFields }
      predictedStockout
      suggestedReorder
      warehouses { warehouse { id name } available predictedStockout suggestedReorder }
      computedAt
    }
  }
`);

/** Admins: a category's expected demand over every seller's products. */
export const CategoryForecastQuery = graphql(`
  query CategoryForecast($categoryId: ID!) {
    categoryForecast(categoryId: $categoryId, days: 30) {
      category { id name }
      days
      points { date expected lower upper }
      accuracy { ...ForecastAccuracyFields }
      models { ...ForecastAccuracyFields }
    }
  }
`);

/**
 * Every operation the assistant may send: fixed, read-only queries (no mutation, no text from the model). The model
 * chooses among tools (tools.ts) that run these; it never writes GraphQL. persisted-operations.json lists them for a
 * gateway in safelist mode (scripts/persisted-manifest.ts writes it; a test fails when it is stale).
 */
export interface GraphOperation {
  name: string;
  text: string;
}

const op = (name: string, text: string): GraphOperation => ({ name, text: text.trim() });

/** The catalog as the user sees it (one page of up to 100), for matching a product's name in the question. */
export const CATALOG_PAGE = op('AssistantCatalogPage', `
query AssistantCatalogPage($after: String) {
  products(first: 100, after: $after, sort: NAME) {
    edges {
      node {
        id
        name
        sku
        seller {
          id
          name
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}`);

export const PRODUCT_STOCK = op('AssistantProductStock', `
query AssistantProductStock($id: ID!) {
  product(id: $id) {
    id
    name
    sku
    stock {
      available
      onHand
      reserved
      lowStock
    }
  }
}`);

/** What an answer about an order shows, the same whichever way the order was found. */
const ORDER_FIELDS = `
fragment AssistantOrderFields on Order {
  number
  status
  createdAt
  updatedAt
  total {
    amount
    currency
  }
  lines {
    quantity
    product {
      name
    }
  }
}`;

export const ORDER_BY_NUMBER = op('AssistantOrderByNumber', `
query AssistantOrderByNumber($number: String!) {
  orderByNumber(number: $number) {
    ...AssistantOrderFields
  }
}
${ORDER_FIELDS}`);

export const LAST_ORDER = op('AssistantLastOrder', `
query AssistantLastOrder {
  me {
    orders(first: 1) {
      edges {
        node {
          ...AssistantOrderFields
        }
      }
    }
  }
}
${ORDER_FIELDS}`);

export const SALES_REPORT = op('AssistantSalesReport', `
query AssistantSalesReport($from: DateTime!, $to: DateTime!, $first: Int!) {
  salesReport(from: $from, to: $to) {
    from
    to
    totals {
      units
      orders
      revenue {
        amount
        currency
      }
    }
    topProducts(first: $first) {
      product {
        id
        name
      }
      units
      revenue {
        amount
        currency
      }
    }
  }
}`);

export const DEMAND_FORECAST = op('AssistantDemandForecast', `
query AssistantDemandForecast($productId: ID!, $days: Int!) {
  demandForecast(productId: $productId, days: $days) {
    days
    computedAt
    predictedStockout
    suggestedReorder
    accuracy {
      model
      smape
      baselineSmape
    }
    points {
      date
      expected
      lower
      upper
    }
  }
}`);

/** A product in a list of stock: the same for a seller's own list and the admins' low-stock overview. */
const STOCK_ROW = `
fragment AssistantStockRow on Product {
  id
  name
  sku
  stock {
    available
    lowStock
  }
}`;

/** A seller's own products with their stock (the seller's catalog, drafts included). */
export const MY_PRODUCTS_STOCK = op('AssistantMyProductsStock', `
query AssistantMyProductsStock {
  me {
    products(first: 100) {
      edges {
        node {
          ...AssistantStockRow
        }
      }
    }
  }
}
${STOCK_ROW}`);

/** Admins: every product at or under its threshold, fewest units first. */
export const LOW_STOCK_OVERVIEW = op('AssistantLowStockOverview', `
query AssistantLowStockOverview {
  stockOverview(first: 50, lowStockOnly: true) {
    totalCount
    edges {
      node {
        ...AssistantStockRow
      }
    }
  }
}
${STOCK_ROW}`);

export const OPERATIONS: readonly GraphOperation[] = [CATALOG_PAGE, PRODUCT_STOCK, ORDER_BY_NUMBER, LAST_ORDER, SALES_REPORT, DEMAND_FORECAST, MY_PRODUCTS_STOCK, LOW_STOCK_OVERVIEW];

/** Inventory knows a Product only by its id; the products subgraph owns the rest. */
export interface ProductParent {
  id: string;
  /** Set when the Product comes from a stock.changed event: the totals right after that change. */
  stockTotals?: StockTotals;
}

/** A product's units summed over every warehouse, as stock.changed carries them. */
export interface StockTotals {
  onHand: number;
  reserved: number;
  available: number;
}

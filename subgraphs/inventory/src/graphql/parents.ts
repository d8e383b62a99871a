/** Inventory knows a Product only by its id; the products subgraph owns the rest. */
export interface ProductParent {
  id: string;
}

/** Entities other subgraphs own, held here by id only. */
export interface ProductParent {
  __typename?: 'Product';
  id: string;
}
export interface WarehouseParent {
  __typename?: 'Warehouse';
  id: string;
}
export interface UserParent {
  __typename?: 'User';
  id: string;
}

export const productReference = (id: string): ProductParent => ({ __typename: 'Product', id });
export const warehouseReference = (id: string): WarehouseParent => ({ __typename: 'Warehouse', id });
export const userReference = (id: string): UserParent => ({ __typename: 'User', id });

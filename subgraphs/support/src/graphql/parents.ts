/** Entities other subgraphs own, held here by id only. */
export interface OrderParent {
  __typename?: 'Order';
  id: string;
}
export interface UserParent {
  __typename?: 'User';
  id: string;
}

export const orderReference = (id: string): OrderParent => ({ __typename: 'Order', id });
export const userReference = (id: string): UserParent => ({ __typename: 'User', id });

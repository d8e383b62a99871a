/** Entities other subgraphs own, held here by id only. */
export interface OrderParent {
  __typename?: 'Order';
  id: string;
}

export const orderReference = (id: string): OrderParent => ({ __typename: 'Order', id });

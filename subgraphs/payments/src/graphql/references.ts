/** An order of the orders subgraph, held here by id only. */
export interface OrderReference {
  __typename?: 'Order';
  id: string;
}
export const orderReference = (id: string): OrderReference => ({ __typename: 'Order', id });

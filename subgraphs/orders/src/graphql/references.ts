/** Entities other subgraphs own, held here by id only. */
export interface UserReference {
  id: string;
}
export interface ProductReference {
  __typename?: 'Product';
  id: string;
}

export const productReference = (id: string): ProductReference => ({ __typename: 'Product', id });
export const userReference = (id: string) => ({ __typename: 'User' as const, id });

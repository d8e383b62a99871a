/** The users subgraph owns User; here a User is its id, whose feed this subgraph keeps. */
export interface UserParent {
  id: string;
}

import { graphql } from '../gql';

export const MyOrdersQuery = graphql(`
  query MyOrders($after: String) {
    me {
      id
      orders(first: 20, after: $after) {
        totalCount
        edges { cursor node { ...OrderState createdAt total { amount currency } lines { quantity } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

export const OrderQuery = graphql(`
  query Order($id: ID!) {
    order(id: $id) { ...OrderDetail }
  }
`);

import { graphql } from '../gql';

/** One order as the back office's list shows it; orderUpdates selects the same fields, so rows change live. */
export const AdminOrderRowFragment = graphql(`
  fragment AdminOrderRow on Order {
    ...OrderState
    createdAt
    total { amount currency }
    customer { id name email }
  }
`);

/** Every status change of an order, oldest first: from, to, when, who and why. */
export const OrderHistoryFragment = graphql(`
  fragment OrderHistory on Order {
    id
    history {
      from
      to
      at
      reason
      by { id name }
    }
  }
`);

/** Admins: every order, newest first, filtered, in cursor pages of 20 (a literal size keeps the cost known to the gateway). */
export const AdminOrdersQuery = graphql(`
  query AdminOrders($after: String, $filter: OrderFilter) {
    orders(first: 20, after: $after, filter: $filter) {
      totalCount
      edges { cursor node { ...AdminOrderRow } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

/** One order for the back office: what the shopper sees plus its history. */
export const AdminOrderQuery = graphql(`
  query AdminOrder($id: ID!) {
    order(id: $id) { ...OrderDetail ...OrderHistory }
  }
`);

/** Ship (PAID -> SHIPPED) or deliver (SHIPPED -> DELIVERED); the answer carries the new history entry. */
export const AdminAdvanceOrderMutation = graphql(`
  mutation AdminAdvanceOrder($id: ID!, $status: OrderStatus!) {
    advanceOrder(id: $id, status: $status) {
      order { ...OrderDetail ...OrderHistory }
      errors { code message field }
    }
  }
`);

/** Cancel before shipping; a captured payment is refunded. */
export const AdminCancelOrderMutation = graphql(`
  mutation AdminCancelOrder($id: ID!) {
    cancelOrder(id: $id) {
      order { ...OrderDetail ...OrderHistory }
      errors { code message field }
    }
  }
`);

/** Admins: every order placed and every status change, as it happens. */
export const OrderUpdatesSubscription = graphql(`
  subscription OrderUpdates {
    orderUpdates { ...AdminOrderRow ...OrderHistory }
  }
`);

/** Admins: accounts, newest first, searched by name or e-mail. */
export const AdminCustomersQuery = graphql(`
  query AdminCustomers($after: String, $search: String, $role: Role) {
    users(first: 20, after: $after, search: $search, role: $role) {
      totalCount
      edges { cursor node { id name email roles createdAt } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

/** Admins: every product's stock across the warehouses, low stock first. */
export const AdminStockOverviewQuery = graphql(`
  query AdminStockOverview($after: String, $lowStockOnly: Boolean) {
    stockOverview(first: 20, after: $after, lowStockOnly: $lowStockOnly) {
      totalCount
      edges {
        cursor
        node {
          id
          name
          sku
          seller { id name }
          stock {
            available
            reserved
            onHand
            lowStock
            warehouses { warehouse { id name } available reserved onHand }
          }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

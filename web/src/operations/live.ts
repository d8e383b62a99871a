import { graphql } from '../gql';

/**
 * The live feeds. Each selects the same fields as the views' fragments, so graphcache writes the
 * event into the normalized entity every view reads.
 */
export const StockChangedSubscription = graphql(`
  subscription StockChanged($productIds: [ID!]) {
    stockChanged(productIds: $productIds) { ...LiveStock }
  }
`);

export const OrderStatusChangedSubscription = graphql(`
  subscription OrderStatusChanged($orderId: ID!) {
    orderStatusChanged(orderId: $orderId) { ...OrderState }
  }
`);

export const PaymentStatusChangedSubscription = graphql(`
  subscription PaymentStatusChanged($orderId: ID!) {
    paymentStatusChanged(orderId: $orderId) { ...PaymentState }
  }
`);

import { gql, type TypedDocumentNode } from 'urql';
import {
  LiveStockFragmentDoc,
  OrderStateFragmentDoc,
  PaymentStateFragmentDoc,
  type LiveStockFragment,
  type OrderStateFragment,
  type PaymentStateFragment,
} from '../gql/graphql';

/**
 * The contract's subscriptions (not in schema/api.graphql yet; see README.md here). Each selects the
 * same fields as the views' fragments, so graphcache writes the event into the entity every view reads.
 */
export const StockChangedSubscription: TypedDocumentNode<{ stockChanged: LiveStockFragment }, { productIds: string[] }> = gql`
  subscription StockChanged($productIds: [ID!]) {
    stockChanged(productIds: $productIds) { ...LiveStock }
  }
  ${LiveStockFragmentDoc}
`;

export const OrderStatusChangedSubscription: TypedDocumentNode<{ orderStatusChanged: OrderStateFragment }, { orderId: string }> = gql`
  subscription OrderStatusChanged($orderId: ID!) {
    orderStatusChanged(orderId: $orderId) { ...OrderState }
  }
  ${OrderStateFragmentDoc}
`;

export const PaymentStatusChangedSubscription: TypedDocumentNode<{ paymentStatusChanged: PaymentStateFragment }, { orderId: string }> = gql`
  subscription PaymentStatusChanged($orderId: ID!) {
    paymentStatusChanged(orderId: $orderId) { ...PaymentState }
  }
  ${PaymentStateFragmentDoc}
`;

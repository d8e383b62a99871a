import { gql, type TypedDocumentNode } from 'urql';
import { OrderDetailFragmentDoc, PaymentStateFragmentDoc, type OrderDetailFragment, type PaymentStateFragment, type OrderStatus } from '../gql/graphql';

/** Hand-written until the checkout lands in schema/api.graphql; see README.md here. */
export interface UserErrorShape {
  code: string;
  message: string;
  field: string[] | null;
}
export interface PlaceOrderVars {
  input: { idempotencyKey: string; lines?: { productId: string; quantity: number }[] };
}
export interface PayOrderVars {
  input: {
    orderId: string;
    method: 'CARD' | 'PSE';
    card?: { number: string; expMonth: number; expYear: number; cvc: string };
    idempotencyKey: string;
  };
}
type OrderPayloadOf<K extends string> = { [key in K]: { order: OrderDetailFragment | null; errors: UserErrorShape[] } };

export const PlaceOrderMutation: TypedDocumentNode<OrderPayloadOf<'placeOrder'>, PlaceOrderVars> = gql`
  mutation PlaceOrder($input: PlaceOrderInput!) {
    placeOrder(input: $input) {
      order { ...OrderDetail }
      errors { code message field }
    }
  }
  ${OrderDetailFragmentDoc}
`;

export const PayOrderMutation: TypedDocumentNode<{ payOrder: { payment: PaymentStateFragment | null; errors: UserErrorShape[] } }, PayOrderVars> = gql`
  mutation PayOrder($input: PayOrderInput!) {
    payOrder(input: $input) {
      payment { ...PaymentState }
      errors { code message field }
    }
  }
  ${PaymentStateFragmentDoc}
`;

export const CancelOrderMutation: TypedDocumentNode<OrderPayloadOf<'cancelOrder'>, { id: string }> = gql`
  mutation CancelOrder($id: ID!) {
    cancelOrder(id: $id) {
      order { ...OrderDetail }
      errors { code message field }
    }
  }
  ${OrderDetailFragmentDoc}
`;

export const AdvanceOrderMutation: TypedDocumentNode<OrderPayloadOf<'advanceOrder'>, { id: string; status: OrderStatus }> = gql`
  mutation AdvanceOrder($id: ID!, $status: OrderStatus!) {
    advanceOrder(id: $id, status: $status) {
      order { ...OrderDetail }
      errors { code message field }
    }
  }
  ${OrderDetailFragmentDoc}
`;

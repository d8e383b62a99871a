import { graphql } from '../gql';

/** Places the cart (lines omitted) or the given lines as one order; stock is reserved for all lines or none. */
export const PlaceOrderMutation = graphql(`
  mutation PlaceOrder($input: PlaceOrderInput!) {
    placeOrder(input: $input) {
      order { ...OrderDetail }
      errors { code message field }
    }
  }
`);

/** One payment attempt; the provider moves it PENDING -> AUTHORIZED -> CAPTURED (or FAILED) afterwards. */
export const PayOrderMutation = graphql(`
  mutation PayOrder($input: PayOrderInput!) {
    payOrder(input: $input) {
      payment { ...PaymentState }
      errors { code message field }
    }
  }
`);

export const CancelOrderMutation = graphql(`
  mutation CancelOrder($id: ID!) {
    cancelOrder(id: $id) {
      order { ...OrderDetail }
      errors { code message field }
    }
  }
`);

export const AdvanceOrderMutation = graphql(`
  mutation AdvanceOrder($id: ID!, $status: OrderStatus!) {
    advanceOrder(id: $id, status: $status) {
      order { ...OrderDetail }
      errors { code message field }
    }
  }
`);

import { graphql } from '../gql';

export const CartQuery = graphql(`
  query Cart {
    cart {
      id
      lines {
        quantity
        product { id name price { amount currency } stock { available lowStock } }
      }
    }
  }
`);

export const AddToCartMutation = graphql(`
  mutation AddToCart($productId: ID!, $quantity: Int!) {
    addToCart(productId: $productId, quantity: $quantity) {
      cart { id lines { quantity product { id name price { amount currency } stock { available lowStock } } } }
      errors { code message field }
    }
  }
`);

export const SetCartLineMutation = graphql(`
  mutation SetCartLine($productId: ID!, $quantity: Int!) {
    setCartLine(productId: $productId, quantity: $quantity) {
      cart { id lines { quantity product { id name price { amount currency } stock { available lowStock } } } }
      errors { code message field }
    }
  }
`);

import { graphql } from '../gql';

/** A product photograph: the cover's URL and size, and every rendition as a srcset for the browser to choose from. */
export const ProductImageFieldsFragment = graphql(`
  fragment ProductImageFields on ProductImage {
    id
    url
    width
    height
    alt
    srcSet
  }
`);

/** What a product card in the catalog shows (the cover is the first image). */
export const ProductCardFragment = graphql(`
  fragment ProductCard on Product {
    id
    name
    price { amount currency }
    category { id name }
    stock { available lowStock }
    images { ...ProductImageFields }
  }
`);

/** A product's own facts as its page and its editor show them. */
export const ProductDetailFragment = graphql(`
  fragment ProductDetail on Product {
    id
    sku
    name
    description
    status
    price { amount currency }
    category { id name }
    seller { id name }
    weightGrams
    images { ...ProductImageFields }
  }
`);

/** The stock figures that move live; the stockChanged subscription selects exactly these. */
export const LiveStockFragment = graphql(`
  fragment LiveStock on Product {
    id
    stock { available reserved onHand lowStock }
  }
`);

/** One payment attempt as the stepper shows it. */
export const PaymentStateFragment = graphql(`
  fragment PaymentState on Payment {
    id
    status
    method
    failureReason
    cardLast4
    amount { amount currency }
    createdAt
    updatedAt
  }
`);

/** The order's status fields that orderStatusChanged pushes. */
export const OrderStateFragment = graphql(`
  fragment OrderState on Order {
    id
    number
    status
    cancellationReason
    reservedUntil
    updatedAt
  }
`);

/** A delivery address as the checkout, the profile and an order show it. */
export const AddressFieldsFragment = graphql(`
  fragment AddressFields on Address {
    id
    recipient
    line1
    line2
    city
    region
    postalCode
    country
    phone
  }
`);

/** Everything the order page and the admin order panel show. */
export const OrderDetailFragment = graphql(`
  fragment OrderDetail on Order {
    ...OrderState
    createdAt
    total { amount currency }
    shippingAddress { ...AddressFields }
    shippingMethod { id name carrier }
    shippingCost { amount currency }
    customer { id name email }
    lines {
      quantity
      unitPrice { amount currency }
      total { amount currency }
      product { id name }
    }
    payment { ...PaymentState }
    payments { ...PaymentState }
  }
`);

import { graphql } from '../gql';

/** The viewer's saved delivery addresses, oldest first. */
export const MyAddressesQuery = graphql(`
  query MyAddresses {
    me { id addresses { ...AddressFields } }
  }
`);

export const AddAddressMutation = graphql(`
  mutation AddAddress($input: AddressInput!) {
    addAddress(input: $input) {
      address { ...AddressFields }
      errors { code message field }
    }
  }
`);

export const UpdateAddressMutation = graphql(`
  mutation UpdateAddress($id: ID!, $input: AddressInput!) {
    updateAddress(id: $id, input: $input) {
      address { ...AddressFields }
      errors { code message field }
    }
  }
`);

export const RemoveAddressMutation = graphql(`
  mutation RemoveAddress($id: ID!) {
    removeAddress(id: $id) {
      address { id }
      errors { code message field }
    }
  }
`);

/** The methods that deliver to a region, with their cost for these products (one id per unit). */
export const ShippingQuotesQuery = graphql(`
  query ShippingQuotes($region: String!, $productIds: [ID!]!) {
    shippingQuotes(region: $region, productIds: $productIds) {
      method { id name carrier }
      cost { amount currency }
      estimatedDays
    }
  }
`);

/** An order's shipments (the shipping subgraph's): its own query, so the order page stands when shipping is down. */
export const OrderShipmentsQuery = graphql(`
  query OrderShipments($id: ID!) {
    order(id: $id) {
      id
      shipments { id trackingNumber status updatedAt method { id name carrier } }
    }
  }
`);

/** Admins: shipments, only those in one status when given. */
export const AdminShipmentsQuery = graphql(`
  query AdminShipments($status: ShipmentStatus) {
    shipments(status: $status) {
      id
      trackingNumber
      status
      updatedAt
      method { id name carrier }
      order { id number customer { id name } }
    }
  }
`);

export const AdvanceShipmentMutation = graphql(`
  mutation AdvanceShipment($id: ID!, $status: ShipmentStatus!) {
    advanceShipment(id: $id, status: $status)
  }
`);

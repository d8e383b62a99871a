import { graphql } from '../gql';

export const SupplierFieldsFragment = graphql(`
  fragment SupplierFields on Supplier {
    id
    name
    contactEmail
    leadTimeDays
  }
`);

/** The viewer's suppliers by name (every seller's, for an admin). */
export const SuppliersQuery = graphql(`
  query Suppliers {
    suppliers { ...SupplierFields }
  }
`);

export const CreateSupplierMutation = graphql(`
  mutation CreateSupplier($input: SupplierInput!) {
    createSupplier(input: $input) {
      supplier { ...SupplierFields }
      errors { code message field }
    }
  }
`);

export const UpdateSupplierMutation = graphql(`
  mutation UpdateSupplier($id: ID!, $input: SupplierInput!) {
    updateSupplier(id: $id, input: $input) {
      supplier { ...SupplierFields }
      errors { code message field }
    }
  }
`);

export const ReorderFieldsFragment = graphql(`
  fragment ReorderFields on ReorderRequest {
    id
    status
    quantity
    suggested
    createdAt
    updatedAt
    supplier { id name }
    product { id name sku }
    warehouse { id name }
  }
`);

/** Reorder requests, only one status's when given. */
export const ReorderRequestsQuery = graphql(`
  query ReorderRequests($status: ReorderStatus) {
    reorderRequests(status: $status) { ...ReorderFields }
  }
`);

/** What the new-reorder form chooses from: suppliers, the seller's products and the warehouses. */
export const ReorderFormOptionsQuery = graphql(`
  query ReorderFormOptions($sellerId: ID!) {
    suppliers { id name }
    products(first: 100, filter: { sellerId: $sellerId }, sort: NAME) { edges { node { id name sku } } }
    warehouses { id name kind }
  }
`);

export const CreateReorderMutation = graphql(`
  mutation CreateReorder($input: ReorderInput!) {
    createReorder(input: $input) {
      reorder { ...ReorderFields }
      errors { code message field }
    }
  }
`);

export const AdvanceReorderMutation = graphql(`
  mutation AdvanceReorder($id: ID!, $status: ReorderStatus!) {
    advanceReorder(id: $id, status: $status) {
      reorder { ...ReorderFields }
      errors { code message field }
    }
  }
`);

/** Moves units between two warehouses; the answer is the product's stock per warehouse after it. */
export const TransferStockMutation = graphql(`
  mutation TransferStock($input: TransferStockInput!) {
    transferStock(input: $input) {
      product {
        id
        stock {
          available
          reserved
          onHand
          lowStock
          warehouses { warehouse { id name region } onHand reserved available }
        }
      }
      errors { code message field }
    }
  }
`);

/** The product's supplier (its seller's and admins' view) and the suppliers it may be given. */
export const ProductSupplierQuery = graphql(`
  query ProductSupplier($id: ID!) {
    product(id: $id) { id supplier { id name } }
    suppliers { id name }
  }
`);

/** Who the product is restocked from; null clears it. Low-stock suggestions need one. */
export const SetProductSupplierMutation = graphql(`
  mutation SetProductSupplier($productId: ID!, $supplierId: ID) {
    setProductSupplier(productId: $productId, supplierId: $supplierId) {
      product { id supplier { id name } }
      errors { code message field }
    }
  }
`);

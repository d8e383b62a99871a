import { graphql } from '../gql';

/** A seller's own products, drafts and archived included (the catalog shows those to their seller only). */
export const SellerProductsQuery = graphql(`
  query SellerProducts($sellerId: ID!, $after: String) {
    products(first: 20, after: $after, filter: { sellerId: $sellerId }, sort: NEWEST) {
      totalCount
      edges { cursor node { id sku name status price { amount currency } stock { available onHand reserved lowStock } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export const ProductFormOptionsQuery = graphql(`
  query ProductFormOptions {
    categories { id name slug }
    warehouses { id name region kind }
  }
`);

export const EditableProductQuery = graphql(`
  query EditableProduct($id: ID!) {
    product(id: $id) {
      ...ProductDetail
      costPrice { amount currency }
      lowStockThreshold
      stock {
        available
        reserved
        onHand
        lowStock
        warehouses { warehouse { id name region } onHand reserved available }
      }
    }
  }
`);

export const StockMovementsQuery = graphql(`
  query StockMovements($id: ID!, $after: String) {
    product(id: $id) {
      id
      stockMovements(first: 20, after: $after) {
        totalCount
        edges { cursor node { id delta reason note createdAt warehouse { id name } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

export const CreateProductMutation = graphql(`
  mutation CreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      product { id sku name status price { amount currency } seller { id } }
      errors { code message field }
    }
  }
`);

export const UpdateProductMutation = graphql(`
  mutation UpdateProduct($id: ID!, $input: UpdateProductInput!) {
    updateProduct(id: $id, input: $input) {
      product { id sku name description status weightGrams price { amount currency } costPrice { amount currency } category { id name } }
      errors { code message field }
    }
  }
`);

export const AdjustStockMutation = graphql(`
  mutation AdjustStock($input: AdjustStockInput!) {
    adjustStock(input: $input) {
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

/** The available units at or below which the product is low on stock and its seller is told. */
export const SetLowStockThresholdMutation = graphql(`
  mutation SetLowStockThreshold($productId: ID!, $threshold: Int!) {
    setLowStockThreshold(productId: $productId, threshold: $threshold) {
      product { id lowStockThreshold stock { available reserved onHand lowStock } }
      errors { code message field }
    }
  }
`);

/** Deletes one image (every rendition); the answer is the product with the images left. */
export const RemoveProductImageMutation = graphql(`
  mutation RemoveProductImage($productId: ID!, $imageId: ID!) {
    removeProductImage(productId: $productId, imageId: $imageId) {
      product { id images { ...ProductImageFields } }
      errors { code message field }
    }
  }
`);

/** The product's images again, after an upload (which goes through /media, outside GraphQL). */
export const ProductImagesQuery = graphql(`
  query ProductImages($id: ID!) {
    product(id: $id) { id images { ...ProductImageFields } }
  }
`);

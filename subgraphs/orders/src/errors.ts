/** The codes orders puts in payload errors. */
export const OrdersErrorCode = {
  InvalidInput: 'INVALID_INPUT',
  NotFound: 'NOT_FOUND',
  Forbidden: 'FORBIDDEN',
  /** The order's state machine does not allow this change from its current status. */
  InvalidTransition: 'INVALID_TRANSITION',
  /** Inventory cannot hold a line's quantity; the field names the short line. */
  OutOfStock: 'OUT_OF_STOCK',
  /** The product's price is not above 0 (listed before prices had to be): an order of it could never be paid. */
  NotPurchasable: 'NOT_PURCHASABLE',
  /** The chosen shipping method does not deliver to the chosen address (its region, its country). */
  ShippingUnavailable: 'SHIPPING_UNAVAILABLE',
  /** A subgraph this one depends on (products, inventory, users, shipping) did not answer in time. */
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
} as const;

/** The codes shipping puts in GraphQL errors (advanceShipment answers a Boolean, so its refusals are errors, not payload errors). */
export const ShippingErrorCode = {
  /** No shipment (or method) has the id. */
  NotFound: 'NOT_FOUND',
  /** The shipment's transition table does not allow this change from its current status. */
  InvalidTransition: 'INVALID_TRANSITION',
} as const;

/** The codes payments puts in payload errors. */
export const PaymentsErrorCode = {
  InvalidInput: 'INVALID_INPUT',
  NotFound: 'NOT_FOUND',
  InvalidTransition: 'INVALID_TRANSITION',
  PaymentInProgress: 'PAYMENT_IN_PROGRESS',
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
  /** The order's total is not above 0 (a product priced 0 before prices had to be positive): there is nothing to charge. */
  OrderNotPayable: 'ORDER_NOT_PAYABLE',
} as const;

/** Why a payment FAILED (failureReason): the provider's answers and our own. */
export const FailureReason = {
  CardDeclined: 'CARD_DECLINED',
  InsufficientFunds: 'INSUFFICIENT_FUNDS',
  /** The process that held the card in memory went away before the provider ever saw the charge. */
  CardDetailsMissing: 'CARD_DETAILS_MISSING',
} as const;

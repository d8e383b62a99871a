/** The codes payments puts in payload errors. */
export const PaymentsErrorCode = {
  InvalidInput: 'INVALID_INPUT',
  NotFound: 'NOT_FOUND',
  InvalidTransition: 'INVALID_TRANSITION',
  PaymentInProgress: 'PAYMENT_IN_PROGRESS',
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
} as const;

/** Why a payment FAILED (failureReason): the provider's answers and our own. */
export const FailureReason = {
  CardDeclined: 'CARD_DECLINED',
  InsufficientFunds: 'INSUFFICIENT_FUNDS',
  /** The process that held the card in memory went away before the provider ever saw the charge. */
  CardDetailsMissing: 'CARD_DETAILS_MISSING',
} as const;

export { startPaymentsSubgraph, typeDefs, type PaymentsSubgraphOptions } from './subgraph.js';
export { paymentsConfig, readPaymentsConfig, type PaymentsConfig } from './config.js';
export { paymentTransitions, canTransitionPayment, transitionPayment } from './domain/transitions.js';
export type { PaymentProvider, CardDetails, AuthorizeRequest, AuthorizeOutcome, CaptureRequest, CaptureOutcome, RefundRequest } from './provider/payment-provider.js';
export { SimulatedPaymentProvider, testCards, type SimulatedPaymentProviderOptions } from './provider/simulated-payment-provider.js';
export { PaymentsErrorCode, FailureReason } from './errors.js';
export { EventType as PaymentsEventType, type PaymentStatusChangedPayload } from './events.js';

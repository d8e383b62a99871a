/** The events analytics consumes, from their publishers' contracts. */
export { stockChanged, storeSaleRecorded, type StockChangedPayload, type StoreSaleRecordedPayload } from '@shop/inventory/contract';
export { orderStatusChanged, type OrderStatusChangedPayload } from '@shop/orders/contract';
export { paymentStatusChanged, type PaymentStatusChangedPayload } from '@shop/payments/contract';
export { productChanged, type ProductChangedPayload } from '@shop/products/contract';
